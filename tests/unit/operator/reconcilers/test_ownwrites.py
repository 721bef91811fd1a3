"""OwnWrites: our write's response stands in for the cache until the cache catches up."""

from __future__ import annotations

from typing import Any

from teleop.operator.reconcilers.ownwrites import OwnWrites


def obj(rv: str, marker: str = "") -> dict[str, Any]:
    return {"metadata": {"name": "x", "namespace": "ns", "resourceVersion": rv}, "m": marker}


def test_stale_cache_is_replaced_until_it_catches_up() -> None:
    w = OwnWrites()
    assert w.current("ns", "x", obj("1")) == obj("1")
    w.record(obj("1"), obj("2", "finalizer"))
    w.record(obj("2", "finalizer"), obj("3", "status"))
    assert w.current("ns", "x", obj("1"))["m"] == "status"
    assert w.current("ns", "x", obj("2"))["m"] == "status"
    assert w.current("ns", "x", obj("3", "cache"))["m"] == "cache"
    assert len(w) == 0


def test_someone_elses_write_wins_and_deletion_forgets() -> None:
    w = OwnWrites()
    w.record(obj("1"), obj("2", "ours"))
    assert w.current("ns", "x", obj("7", "theirs"))["m"] == "theirs"
    w.record(obj("7"), obj("8"))
    assert w.current("ns", "x", None) is None
    assert len(w) == 0
