"""The demo's live summary: each sample CR's Ready condition and Teleport revision, as text.

Pure functions over the CRs as listed from the API server, so the rendering is tested without a
terminal: ``row_for`` reads one CR's status, ``render`` lays out the header (where fakekube,
faketeleport, /metrics and the log are), the table and the ``Ready n/N`` count. The demo redraws
it every second on a terminal and prints it only when it changed otherwise (CI logs).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from teleop.runtime import KubeObject

__all__ = ["Row", "all_ready", "render", "row_for"]


@dataclass(frozen=True, slots=True)
class Row:
    """One CR as the summary shows it."""

    kind: str
    name: str
    ready: str
    reason: str
    revision: str

    @property
    def is_ready(self) -> bool:
        return self.ready == "True"


def row_for(kind: str, name: str, obj: KubeObject | None) -> Row:
    """The row of CR ``kind/name``; ``obj`` None when it is not (yet) in the API server."""
    if obj is None:
        return Row(kind, name, "-", "NotCreated", "")
    status = obj.get("status") or {}
    ready = next(
        (c for c in status.get("conditions") or [] if c.get("type") == "Ready"),
        None,
    )
    return Row(
        kind,
        name,
        str(ready.get("status", "Unknown")) if ready else "Unknown",
        str(ready.get("reason", "")) if ready else "Pending",
        str(status.get("teleportRevision") or ""),
    )


def all_ready(rows: Sequence[Row]) -> bool:
    return bool(rows) and all(r.is_ready for r in rows)


def render(rows: Sequence[Row], header: Sequence[str]) -> str:
    """The whole summary as one string (no trailing newline)."""
    table = [("KIND", "NAME", "READY", "REASON", "REVISION")]
    table += [(r.kind, r.name, r.ready, r.reason, r.revision[:12]) for r in rows]
    widths = [max(len(line[i]) for line in table) for i in range(5)]
    lines = list(header)
    lines.append("")
    lines += ["  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
              for line in table]  # fmt: skip
    ready = sum(r.is_ready for r in rows)
    lines.append("")
    lines.append(f"Ready {ready}/{len(rows)}")
    return "\n".join(lines)
