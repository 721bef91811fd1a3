"""The Lease's history, recorded by watching it, and the check that only its holder wrote.

``LeaseWatch`` runs ``kubectl get leases --watch -o json --output-watch-events`` for the namespace
(it works before the Lease exists and against any API server), one JSON event per line. From the
events ``tenures`` builds who held the Lease when: a tenure starts at the holder's ``acquireTime``,
is extended by each ``renewTime`` (valid until ``renewTime + leaseDurationSeconds``), and ends at
the next record's ``acquireTime`` (a takeover or a release, which sets the holder to ""). Those
times are written by the replicas' clocks and faketeleport stamps each write with its own; all run
on this host, so one clock, and the only tolerance (``CLOCK_TOLERANCE``) is for its resolution.

``leaseTransitions`` counts holder changes; a jump of more than one between consecutive holders
would mean the watch missed a tenure, so the check fails rather than trusting a partial history.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from e2e.harness import Kubectl, Process

__all__ = ["CLOCK_TOLERANCE", "LeaseWatch", "Tenure", "check_writers", "tenures", "watch_leases"]

# Lease MicroTime and faketeleport's write times are microsecond wall-clock readings on one host.
CLOCK_TOLERANCE = timedelta(milliseconds=1)


def parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


@dataclass
class Tenure:
    holder: str
    start: datetime
    duration: timedelta
    transitions: int
    renewals: list[datetime] = field(default_factory=list)
    end: datetime | None = None

    def covers(self, t: datetime, tol: timedelta = CLOCK_TOLERANCE) -> bool:
        """Held at ``t``: after the acquisition, before the next one, within a renewal's term."""
        if t < self.start - tol or (self.end is not None and t > self.end + tol):
            return False
        return any(r - tol <= t <= r + self.duration + tol for r in [self.start, *self.renewals])


@dataclass
class LeaseWatch:
    process: Process
    name: str

    def events(self) -> list[dict[str, Any]]:
        out = []
        for line in self.process.out.read_text(encoding="utf-8").splitlines():
            if line.strip():
                event = json.loads(line)
                if event["object"]["metadata"]["name"] == self.name:
                    out.append(event)
        return out

    def tenures(self) -> list[Tenure]:
        return tenures([e["object"]["spec"] for e in self.events() if e["type"] != "DELETED"])


@contextmanager
def watch_leases(kubectl: Kubectl, name: str, log: Path) -> Iterator[LeaseWatch]:
    args = [
        kubectl.binary, "--kubeconfig", str(kubectl.kubeconfig), "-n", kubectl.namespace,
        "get", "leases", "--watch", "-o", "json", "--output-watch-events",
        "--request-timeout", "0",
    ]  # fmt: skip
    process = Process("lease-watch", args, log).start()
    try:
        yield LeaseWatch(process, name)
    finally:
        process.stop(grace=5)


def tenures(specs: list[dict[str, Any]]) -> list[Tenure]:
    """Successive holders of one Lease from its successive specs (see the module docstring)."""
    out: list[Tenure] = []
    current: Tenure | None = None
    for spec in specs:
        holder = spec.get("holderIdentity") or ""
        acquired = parse_time(spec["acquireTime"]) if spec.get("acquireTime") else None
        if current is not None and holder == current.holder and acquired == current.start:
            current.renewals.append(parse_time(spec["renewTime"]))
            continue
        if current is not None:
            current.end = acquired
        if not holder or acquired is None:
            current = None
            continue
        transitions = int(spec.get("leaseTransitions") or 0)
        if out and transitions > out[-1].transitions + 1:
            raise AssertionError(
                f"the Lease watch missed a holder: leaseTransitions went from "
                f"{out[-1].transitions} to {transitions}"
            )
        current = Tenure(
            holder, acquired, timedelta(seconds=int(spec["leaseDurationSeconds"])), transitions
        )
        out.append(current)
    return out


def check_writers(
    writes: list[dict[str, Any]], history: list[Tenure], holders: dict[str, str]
) -> list[str]:
    """Every write that its caller made while not holding the Lease, described; [] when none.

    ``holders`` maps a Lease holder identity to the identity CN (replica) that acquired it.
    """
    by_replica: dict[str, list[Tenure]] = {}
    for tenure in history:
        replica = holders.get(tenure.holder)
        if replica is None:
            raise AssertionError(f"Lease holder {tenure.holder!r} is no replica of this test")
        by_replica.setdefault(replica, []).append(tenure)
    bad = []
    for w in writes:
        t = parse_time(w["time"])
        if not any(tenure.covers(t) for tenure in by_replica.get(w["caller"], [])):
            bad.append(f"{w['time']} {w['caller']} {w['method'].rsplit('/', 1)[-1]} {w['name']}")
    return bad
