"""EventCorrelator pieces on their own: keys, the LRU bound, stage order."""

from __future__ import annotations

from typing import Any

from teleop.runtime.event import CorrelatorOptions, EventCorrelator
from teleop.runtime.event.correlator import aggregate_key, spam_key
from teleop.runtime.event.lru import LRU
from teleop.testing.clock import FakeClock


def ev(name: str, message: str = "m", reason: str = "R") -> dict[str, Any]:
    return {
        "metadata": {"name": f"{name}.1", "namespace": "ns"},
        "involvedObject": {"kind": "Pod", "name": name, "namespace": "ns", "uid": name},
        "source": {"component": "c"},
        "type": "Normal",
        "reason": reason,
        "message": message,
        "count": 1,
        "firstTimestamp": "2026-01-01T00:00:00Z",
        "lastTimestamp": "2026-01-01T00:00:00Z",
    }


def test_keys() -> None:
    assert aggregate_key(ev("a", "x")) == aggregate_key(ev("a", "y"))
    assert aggregate_key(ev("a", reason="R1")) != aggregate_key(ev("a", reason="R2"))
    assert spam_key(ev("a", reason="R1")) == spam_key(ev("a", reason="R2"))
    assert spam_key(ev("a")) != spam_key(ev("b"))


def test_lru_evicts_least_recently_used() -> None:
    lru: LRU[str, int] = LRU(2)
    lru.put("a", 1)
    lru.put("b", 2)
    assert lru.get("a") == 1
    lru.put("c", 3)
    assert "b" not in lru
    assert len(lru) == 2


def test_forgotten_observations_start_a_new_event() -> None:
    c = EventCorrelator(FakeClock(), CorrelatorOptions(lru_size=2))
    first = c.correlate(ev("a"))
    c.update_state(first.key, first.event)
    assert c.correlate(ev("a")).patch is not None
    for other in ("b", "c", "d"):
        c.correlate(ev(other))
    again = c.correlate(ev("a"))
    assert again.patch is None
    assert again.event["count"] == 1


def test_update_state_takes_the_servers_name_and_version() -> None:
    c = EventCorrelator(FakeClock())
    r = c.correlate(ev("a"))
    written = dict(
        r.event, metadata={"name": "server-name", "namespace": "ns", "resourceVersion": "9"}
    )
    c.update_state(r.key, written)
    again = c.correlate(ev("a"))
    assert again.event["metadata"]["name"] == "server-name"
    assert again.event["metadata"]["resourceVersion"] == "9"
    assert again.patch == {"count": 2, "lastTimestamp": "2026-01-01T00:00:00Z", "message": "m"}
