"""The indexed store."""

from __future__ import annotations

import pytest

from teleop.runtime.cache.store import NAMESPACE_INDEX, Store


def obj(ns: str, name: str, **labels: str) -> dict[str, object]:
    return {"metadata": {"namespace": ns, "name": name, "labels": labels}}


def by_label(o: dict[str, object]) -> list[str]:
    meta = o["metadata"]
    assert isinstance(meta, dict)
    return [f"{k}={v}" for k, v in meta["labels"].items()]


def test_put_get_delete_and_namespace_index() -> None:
    s = Store()
    assert s.put(obj("a", "x")) is None
    s.put(obj("a", "y"))
    s.put(obj("b", "x"))
    s.put({"metadata": {"name": "cluster-wide"}})
    assert s.get("a/x") == obj("a", "x")
    assert s.get("cluster-wide") is not None
    assert sorted(o["metadata"]["name"] for o in s.by_index(NAMESPACE_INDEX, "a")) == ["x", "y"]
    assert s.delete("a/x") == obj("a", "x")
    assert s.delete("a/x") is None
    assert [o["metadata"]["name"] for o in s.by_index(NAMESPACE_INDEX, "a")] == ["y"]
    assert len(s) == 3
    assert "b/x" in s


def test_custom_indexer_follows_updates() -> None:
    s = Store()
    s.put(obj("a", "x", app="web", tier="1"))
    s.add_indexer("label", by_label)  # existing objects are indexed at once
    assert s.index_keys("label", "app=web") == ["a/x"]
    s.put(obj("a", "x", app="db"))
    assert s.by_index("label", "app=web") == []
    assert s.by_index("label", "tier=1") == []
    assert s.index_keys("label", "app=db") == ["a/x"]
    s.delete("a/x")
    assert s.by_index("label", "app=db") == []
    with pytest.raises(ValueError, match="exists"):
        s.add_indexer("label", by_label)
    with pytest.raises(KeyError):
        s.by_index("nope", "x")


def test_replace() -> None:
    s = Store()
    s.add_indexer("label", by_label)
    s.put(obj("a", "old", app="web"))
    s.replace([obj("a", "new", app="web")])
    assert s.keys() == ["a/new"]
    assert s.index_keys("label", "app=web") == ["a/new"]
