"""The leader election record and the MicroTime wire format of Lease timestamps.

``LeaderElectionRecord`` is what the elector reads and writes, independent of the object that
stores it (client-go's ``resourcelock.LeaderElectionRecord``). It is a frozen dataclass so that
the elector can tell "the record changed" by plain equality, the way client-go compares the raw
bytes. Lease ``acquireTime``/``renewTime`` are ``MicroTime``: the API server accepts exactly six
fractional digits and a ``Z`` and rejects other forms with 422, so formatting lives here, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "LeaderElectionRecord",
    "format_microtime",
    "parse_microtime",
    "record_from_lease_spec",
    "record_to_lease_spec",
]


def format_microtime(t: datetime) -> str:
    """``2026-01-01T00:00:00.000000Z``: UTC, exactly six fractional digits, a ``Z``."""
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_microtime(s: str) -> datetime:
    """Parse a MicroTime or Time string (any fraction, ``Z`` or an offset) to aware UTC."""
    text = s.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    if "." in text:
        # fromisoformat in 3.11 accepts 3 or 6 fractional digits only: normalise to 6.
        head, rest = text.split(".", 1)
        digits = ""
        while rest and rest[0].isdigit():
            digits, rest = digits + rest[0], rest[1:]
        text = f"{head}.{(digits + '000000')[:6]}{rest}"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class LeaderElectionRecord:
    """Who holds the lock, for how long, and since when.

    ``holder_identity`` is "" for a released lock. Timestamps are informational: the elector never
    trusts them (another node's clock) and measures expiry from when it *observed* a change.
    """

    holder_identity: str
    lease_duration_seconds: int
    acquire_time: datetime | None = None
    renew_time: datetime | None = None
    leader_transitions: int = 0


def record_from_lease_spec(spec: dict[str, Any] | None) -> LeaderElectionRecord:
    """Read a ``coordination.k8s.io/v1`` LeaseSpec (as decoded JSON)."""
    spec = spec or {}
    acquire = spec.get("acquireTime")
    renew = spec.get("renewTime")
    return LeaderElectionRecord(
        holder_identity=str(spec.get("holderIdentity") or ""),
        lease_duration_seconds=int(spec.get("leaseDurationSeconds") or 0),
        acquire_time=parse_microtime(acquire) if acquire else None,
        renew_time=parse_microtime(renew) if renew else None,
        leader_transitions=int(spec.get("leaseTransitions") or 0),
    )


def record_to_lease_spec(record: LeaderElectionRecord) -> dict[str, Any]:
    """A LeaseSpec for ``record``; the holder is written even when empty (a released lock)."""
    spec: dict[str, Any] = {
        "holderIdentity": record.holder_identity,
        "leaseDurationSeconds": record.lease_duration_seconds,
        "leaseTransitions": record.leader_transitions,
    }
    if record.acquire_time is not None:
        spec["acquireTime"] = format_microtime(record.acquire_time)
    if record.renew_time is not None:
        spec["renewTime"] = format_microtime(record.renew_time)
    return spec
