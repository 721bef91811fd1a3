"""Drift as the reconciler sees it: recognising it, naming what changed, counting corrections.

*Drift* is a change made to an owned Teleport resource outside teleop (``tctl edit``, the web UI,
another tool) while its CR did not change. The reconciler recognises it from what the CR's status
remembers of the last write:

- the resource is gone from Teleport although ``status.teleportRevision`` says teleop wrote it
  → deleted out of band (teleop recreates it);
- the resource must be written (``compare.needs_write``) although the desired message still
  hashes to ``status.appliedHash`` → the CR did not change, so Teleport did (teleop restores it).

A CR edit changes the hash, so it is an ordinary update, never drift. A correction is recorded as
a Normal Event ``DriftCorrected`` and counted in ``teleop_drift_corrections_total{kind}`` (the CR
kind), on the registry passed in.

``changed_fields`` names, for the Event, the fields the CR sets that Teleport no longer holds as
the CR says: field paths only, never values, so a secret cannot leak into an Event. Fields the CR
does not set are not listed, because they cannot be told apart from Teleport's own defaults;
write-only secret fields that Teleport never returns (``client_secret`` and the like) are not
listed as missing either.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message
from prometheus_client import CollectorRegistry, Counter

from teleop.operator.reconcilers.compare import Normalizer, normalized

__all__ = [
    "MAX_LISTED_FIELDS",
    "DriftMetrics",
    "changed_fields",
    "deleted_message",
    "is_changed_out_of_band",
    "is_deleted_out_of_band",
    "restored_message",
]

MAX_LISTED_FIELDS = 8
"""At most this many field paths are named in one Event; the rest are counted."""

_WRITE_ONLY = ("secret", "private_key", "privatekey", "password", "google_service_account")


class DriftMetrics:
    """``teleop_drift_corrections_total{kind}``, registered on ``registry``."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.corrections = Counter(
            "teleop_drift_corrections_total",
            "Teleport resources restored to their CR's state after a change or deletion made "
            "outside teleop, by CR kind",
            ["kind"],
            registry=registry,
        )

    def init_kind(self, kind: str) -> None:
        """Export 0 for ``kind`` before its first correction."""
        self.corrections.labels(kind=kind)

    def corrected(self, kind: str) -> None:
        self.corrections.labels(kind=kind).inc()


def is_deleted_out_of_band(applied_revision: str | None) -> bool:
    """The resource is absent from Teleport: was it teleop's before (a revision is recorded)?"""
    return bool(applied_revision)


def is_changed_out_of_band(applied_hash: str | None, desired_hash: str) -> bool:
    """A write is needed: is the CR still what teleop last applied (so Teleport changed)?"""
    return applied_hash is not None and applied_hash == desired_hash


def _is_write_only(name: str) -> bool:
    lowered = name.lower()
    return any(part in lowered for part in _WRITE_ONLY)


def _json_name(field: FieldDescriptor) -> str:
    return field.json_name or field.name


def _diff(desired: Message, actual: Message, prefix: str, out: list[str]) -> None:
    for field, value in desired.ListFields():
        path = f"{prefix}{_json_name(field)}"
        other: Any = getattr(actual, field.name)
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            for key, item in value.items():
                if key not in other:
                    if not _is_write_only(field.name):
                        out.append(f"{path}.{key}")
                elif isinstance(item, Message):
                    _diff(item, other[key], f"{path}.{key}.", out)
                elif item != other[key]:
                    out.append(f"{path}.{key}")
        elif field.is_repeated:
            if len(value) != len(other):
                out.append(path)
            elif field.message_type is not None:
                for i, (mine, theirs) in enumerate(zip(value, other, strict=True)):
                    _diff(mine, theirs, f"{path}[{i}].", out)
            elif list(value) != list(other):
                out.append(path)
        elif field.message_type is not None:
            if not actual.HasField(field.name):
                if not _is_write_only(field.name):
                    out.append(path)
            else:
                _diff(value, other, f"{path}.", out)
        elif value != other:
            absent = other in ("", b"", 0, False)
            if not (absent and _is_write_only(field.name)):
                out.append(path)


def changed_fields(
    desired: Message, actual: Message, clear_server_fields: Normalizer | None = None
) -> list[str]:
    """Paths (JSON names, ``spec.allow.logins``) of fields the CR sets that Teleport does not
    hold as the CR says; see the module docstring for what is left out."""
    out: list[str] = []
    _diff(
        normalized(desired, clear_server_fields), normalized(actual, clear_server_fields), "", out
    )
    return out


def restored_message(what: str, name: str, fields: list[str]) -> str:
    """The ``DriftCorrected`` Event text after a change in Teleport (field names, no values)."""
    if not fields:
        detail = "only fields this CR does not set differed"
    else:
        listed = ", ".join(fields[:MAX_LISTED_FIELDS])
        more = len(fields) - MAX_LISTED_FIELDS
        detail = f"changed: {listed}" + (f" and {more} more" if more > 0 else "")
    return (
        f"The {what} {name!r} was changed in Teleport outside teleop ({detail}); teleop "
        "restored it to this CR's state. Change the CR instead to change it."
    )


def deleted_message(what: str, name: str) -> str:
    """The ``DriftCorrected`` Event text after a deletion in Teleport."""
    return (
        f"The {what} {name!r} was deleted in Teleport outside teleop; teleop recreated it from "
        "this CR. Delete the CR instead to delete it."
    )
