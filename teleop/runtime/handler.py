"""Event handlers: turn informer notifications into reconcile requests on a queue.

controller-runtime's ``pkg/handler``, shaped as the ``ResourceEventHandler`` an informer calls
(``teleop.runtime.cache.events``). Each handler is bound to the queue it feeds and to the
predicates it applies first; an event is enqueued only if every predicate passes. Reconciliation
is level-based, so only the key goes on the queue, never the event.

- ``EnqueueRequestForObject``: the object's own ``namespace/name``.
- ``EnqueueRequestsFromMapFunc``: whatever requests a function maps the object to (for updates,
  of both the old and the new object, without duplicates).

A delete that the informer reports as ``DeletedFinalStateUnknown`` (the object vanished while the
watch was down) is unwrapped to the last known state before predicates and mapping see it.
``on_generic`` is for sources other than informers (an external event stream, a timer).

``Controller.watch`` builds handlers through a ``HandlerFactory`` (queue, predicates) → handler:
``EnqueueRequestForObject`` is one as is; ``EnqueueRequestsFromMapFunc.factory(fn)`` makes one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from teleop.runtime.cache.events import DeletedFinalStateUnknown, ResourceEventHandler
from teleop.runtime.client.objects import KubeObject
from teleop.runtime.reconcile import Request

__all__ = [
    "EnqueueRequestForObject",
    "EnqueueRequestsFromMapFunc",
    "Enqueuer",
    "EventHandler",
    "HandlerFactory",
    "MapFunc",
    "Predicate",
    "request_for",
]

_log = logging.getLogger(__name__)


class Predicate(Protocol):
    """``teleop.runtime.predicate.Predicate``, restated structurally.

    The layer contract keeps ``handler`` and ``predicate`` independent of each other, so the
    handler names the shape it needs instead of importing it.
    """

    def create(self, obj: KubeObject) -> bool: ...

    def update(self, old: KubeObject, new: KubeObject) -> bool: ...

    def delete(self, obj: KubeObject) -> bool: ...

    def generic(self, obj: KubeObject) -> bool: ...


class Enqueuer(Protocol):
    """Where requests go: a work queue of ``Request`` (only ``add`` is used)."""

    def add(self, item: Request) -> None: ...


class EventHandler(ResourceEventHandler, Protocol):
    """An informer handler that also accepts generic events from other sources."""

    def on_generic(self, obj: KubeObject) -> None: ...


HandlerFactory = Callable[[Enqueuer, Sequence[Predicate]], EventHandler]
"""Builds a handler bound to a controller's queue and the watch's predicates."""

MapFunc = Callable[[KubeObject], Iterable[Request]]
"""Maps an object to the requests it should trigger."""


def request_for(obj: KubeObject) -> Request | None:
    """The request for an object's own key, or ``None`` if it has no name."""
    m = obj.get("metadata") or {}
    name = m.get("name")
    if not name:
        return None
    return Request(namespace=m.get("namespace") or "", name=str(name))


def _unwrap(obj: KubeObject | DeletedFinalStateUnknown) -> KubeObject:
    return obj.obj if isinstance(obj, DeletedFinalStateUnknown) else obj


class _Base:
    def __init__(self, queue: Enqueuer, predicates: Sequence[Predicate] = ()) -> None:
        self._queue = queue
        self._predicates = tuple(predicates)

    def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
        if all(p.create(obj) for p in self._predicates):
            self._enqueue((obj,))

    def on_update(self, old: KubeObject, new: KubeObject) -> None:
        if all(p.update(old, new) for p in self._predicates):
            self._enqueue_update(old, new)

    def on_delete(self, obj: KubeObject | DeletedFinalStateUnknown) -> None:
        last = _unwrap(obj)
        if all(p.delete(last) for p in self._predicates):
            self._enqueue((last,))

    def on_generic(self, obj: KubeObject) -> None:
        if all(p.generic(obj) for p in self._predicates):
            self._enqueue((obj,))

    def _enqueue_update(self, old: KubeObject, new: KubeObject) -> None:
        raise NotImplementedError

    def _enqueue(self, objs: Iterable[KubeObject]) -> None:
        raise NotImplementedError


class EnqueueRequestForObject(_Base):
    """Enqueues ``Request(namespace, name)`` of the object the event is about."""

    def _enqueue_update(self, old: KubeObject, new: KubeObject) -> None:
        self._enqueue((new,))

    def _enqueue(self, objs: Iterable[KubeObject]) -> None:
        for obj in objs:
            req = request_for(obj)
            if req is None:
                _log.error("event for an object without metadata.name; not enqueued")
                continue
            self._queue.add(req)


class EnqueueRequestsFromMapFunc(_Base):
    """Enqueues the requests ``map_fn`` returns for the object (old and new on update)."""

    def __init__(
        self, queue: Enqueuer, map_fn: MapFunc, predicates: Sequence[Predicate] = ()
    ) -> None:
        super().__init__(queue, predicates)
        self._map = map_fn

    @classmethod
    def factory(cls, map_fn: MapFunc) -> HandlerFactory:
        """A ``HandlerFactory`` for ``Controller.watch(..., handler=...)``."""

        def build(queue: Enqueuer, predicates: Sequence[Predicate]) -> EventHandler:
            return cls(queue, map_fn, predicates)

        return build

    def _enqueue_update(self, old: KubeObject, new: KubeObject) -> None:
        self._enqueue((old, new))

    def _enqueue(self, objs: Iterable[KubeObject]) -> None:
        seen: set[Request] = set()
        for obj in objs:
            for req in self._map(obj):
                if req not in seen:
                    seen.add(req)
                    self._queue.add(req)
