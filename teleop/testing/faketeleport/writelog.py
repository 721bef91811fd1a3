"""The write log: every successful write faketeleport accepted, in order, with who made it.

Tests assert on behaviour at the Teleport end ("the operator upserted role x once, as bot
operator") instead of on client internals. A record holds the gRPC method, the resource kind and
name, the revision the write produced (empty for deletes), the server's wall time and the caller:
the subject common name of the client certificate under mTLS (how Teleport names the user or bot),
or ``""`` on an insecure port. Records are plain frozen dataclasses so the HTTP control surface can
serve them as JSON.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

__all__ = ["WriteLog", "WriteRecord"]


@dataclass(frozen=True)
class WriteRecord:
    """One accepted write."""

    method: str
    kind: str
    name: str
    revision: str
    time: datetime
    caller: str

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["time"] = self.time.isoformat()
        return out


class WriteLog:
    """An append-only list of ``WriteRecord`` with a few filters."""

    def __init__(self) -> None:
        self._records: list[WriteRecord] = []

    def append(self, record: WriteRecord) -> None:
        self._records.append(record)

    def records(
        self, *, kind: str | None = None, name: str | None = None, method: str | None = None
    ) -> list[WriteRecord]:
        """Records matching every filter given; ``method`` matches the full or short name."""
        return [
            r
            for r in self._records
            if (kind is None or r.kind == kind)
            and (name is None or r.name == name)
            and (method is None or r.method == method or r.method.rsplit("/", 1)[-1] == method)
        ]

    def clear(self) -> None:
        self._records.clear()

    def __len__(self) -> int:
        return len(self._records)
