"""Event handlers: object → request, predicates first, tombstones unwrapped, map functions."""

from __future__ import annotations

from collections.abc import Iterable

from teleop.runtime.cache.events import DeletedFinalStateUnknown
from teleop.runtime.client.objects import KubeObject
from teleop.runtime.handler import (
    EnqueueRequestForObject,
    EnqueueRequestsFromMapFunc,
    request_for,
)
from teleop.runtime.predicate import GenerationChangedPredicate, new_predicate_funcs
from teleop.runtime.reconcile import Request


class Recorder:
    def __init__(self) -> None:
        self.added: list[Request] = []

    def add(self, item: Request) -> None:
        self.added.append(item)


def obj(name: str, ns: str = "default", generation: int = 1, rv: str = "1") -> KubeObject:
    return {
        "metadata": {"name": name, "namespace": ns, "generation": generation, "resourceVersion": rv}
    }


def test_request_for() -> None:
    assert request_for(obj("a")) == Request("default", "a")
    assert request_for({"metadata": {"name": "cluster-wide"}}) == Request("", "cluster-wide")
    assert request_for({}) is None


def test_enqueue_request_for_object_all_events() -> None:
    q = Recorder()
    h = EnqueueRequestForObject(q)
    h.on_add(obj("a"), is_initial_list=True)
    h.on_update(obj("b", rv="1"), obj("b", rv="2"))
    h.on_delete(obj("c"))
    h.on_delete(DeletedFinalStateUnknown(key="default/d", obj=obj("d")))
    h.on_generic(obj("e", ns=""))
    h.on_add({"metadata": {}}, is_initial_list=False)  # no name: logged, skipped
    assert q.added == [
        Request("default", "a"),
        Request("default", "b"),
        Request("default", "c"),
        Request("default", "d"),
        Request("", "e"),
    ]


def test_predicates_apply_before_enqueue() -> None:
    q = Recorder()
    seen: list[KubeObject] = []

    def keep_not_x(o: KubeObject) -> bool:
        seen.append(o)
        return bool(o["metadata"]["name"] != "x")

    h = EnqueueRequestForObject(q, [GenerationChangedPredicate(), new_predicate_funcs(keep_not_x)])
    h.on_update(obj("a", generation=1), obj("a", generation=1, rv="2"))  # status only
    h.on_update(obj("a", generation=1), obj("a", generation=2, rv="2"))
    h.on_add(obj("x"), is_initial_list=False)
    h.on_delete(DeletedFinalStateUnknown(key="default/x", obj=obj("x")))
    assert q.added == [Request("default", "a")]
    assert seen[-1] == obj("x")  # predicates see the tombstone's object, unwrapped


def test_map_func_maps_old_and_new_without_duplicates() -> None:
    q = Recorder()

    def owners(o: KubeObject) -> Iterable[Request]:
        yield Request("default", "parent")
        yield Request("default", "of-" + o["metadata"]["name"])

    h = EnqueueRequestsFromMapFunc.factory(owners)(q, ())
    h.on_update(obj("old"), obj("new"))
    assert q.added == [
        Request("default", "parent"),
        Request("default", "of-old"),
        Request("default", "of-new"),
    ]
    q.added.clear()
    h.on_delete(DeletedFinalStateUnknown(key="default/z", obj=obj("z")))
    h.on_generic(obj("g"))
    assert q.added == [
        Request("default", "parent"),
        Request("default", "of-z"),
        Request("default", "parent"),
        Request("default", "of-g"),
    ]
