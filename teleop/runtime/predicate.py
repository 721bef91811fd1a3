"""Predicates: filters an event handler applies before it enqueues anything.

controller-runtime's ``pkg/predicate``: a predicate answers, per event kind, whether the event
may trigger a reconcile. Handlers enqueue only when *every* predicate passes. ``Funcs`` passes
everything and is the base to override one method of; ``new_predicate_funcs(f)`` filters all
events by one function of the object (the new object for updates).

**Resyncs.** An informer resync re-delivers each cached object as ``update(obj, obj)`` (same
resourceVersion). With no predicates resyncs reach the queue, which is what makes a periodic
resync repair drift. Every "changed" predicate here (generation, labels, annotations,
finalizers, resourceVersion) compares old with new, so it *drops* resyncs, deliberately and as in
controller-runtime. To keep them, pass ``or_(GenerationChangedPredicate(), ResyncPredicate())``.

Caveats of ``GenerationChangedPredicate`` (from controller-runtime): custom resources bump
``metadata.generation`` on spec changes only when the status subresource is enabled; some
built-ins bump it on metadata writes too; a status change made by someone else is not
reconciled. Missing labels, annotations or finalizers compare equal to empty ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from teleop.runtime.client.objects import KubeObject

__all__ = [
    "AnnotationChangedPredicate",
    "FinalizersChangedPredicate",
    "Funcs",
    "GenerationChangedPredicate",
    "LabelChangedPredicate",
    "Predicate",
    "ResourceVersionChangedPredicate",
    "ResyncPredicate",
    "and_",
    "is_resync",
    "new_predicate_funcs",
    "not_",
    "or_",
]


class Predicate(Protocol):
    """Whether an event may trigger a reconcile. ``delete`` gets the last known state."""

    def create(self, obj: KubeObject) -> bool: ...

    def update(self, old: KubeObject, new: KubeObject) -> bool: ...

    def delete(self, obj: KubeObject) -> bool: ...

    def generic(self, obj: KubeObject) -> bool: ...


def _meta(obj: KubeObject) -> Mapping[str, Any]:
    m = obj.get("metadata")
    return m if isinstance(m, Mapping) else {}


def is_resync(old: KubeObject, new: KubeObject) -> bool:
    """An update that is an informer resync: both sides carry the same resourceVersion."""
    rv = _meta(new).get("resourceVersion")
    return old is new or (rv is not None and _meta(old).get("resourceVersion") == rv)


class Funcs:
    """Passes every event; subclass and override the methods that should filter."""

    def create(self, obj: KubeObject) -> bool:
        return True

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return True

    def delete(self, obj: KubeObject) -> bool:
        return True

    def generic(self, obj: KubeObject) -> bool:
        return True


class _FilterFuncs(Funcs):
    def __init__(self, fn: Callable[[KubeObject], bool]) -> None:
        self._fn = fn

    def create(self, obj: KubeObject) -> bool:
        return self._fn(obj)

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return self._fn(new)

    def delete(self, obj: KubeObject) -> bool:
        return self._fn(obj)

    def generic(self, obj: KubeObject) -> bool:
        return self._fn(obj)


def new_predicate_funcs(fn: Callable[[KubeObject], bool]) -> Predicate:
    """A predicate that asks ``fn`` about the object of every event (the new one on update)."""
    return _FilterFuncs(fn)


class GenerationChangedPredicate(Funcs):
    """Updates pass only when ``metadata.generation`` changed (spec edits, not status)."""

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return _meta(old).get("generation") != _meta(new).get("generation")


class ResourceVersionChangedPredicate(Funcs):
    """Updates pass only when ``metadata.resourceVersion`` changed: drops resyncs only."""

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return _meta(old).get("resourceVersion") != _meta(new).get("resourceVersion")


class LabelChangedPredicate(Funcs):
    """Updates pass only when ``metadata.labels`` changed."""

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return (_meta(old).get("labels") or {}) != (_meta(new).get("labels") or {})


class AnnotationChangedPredicate(Funcs):
    """Updates pass only when ``metadata.annotations`` changed."""

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return (_meta(old).get("annotations") or {}) != (_meta(new).get("annotations") or {})


class FinalizersChangedPredicate(Funcs):
    """Updates pass only when ``metadata.finalizers`` changed (order counts).

    Ours, not controller-runtime's: with ``GenerationChangedPredicate`` it lets a controller see
    another party removing or adding a finalizer, which does not bump the generation.
    """

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return list(_meta(old).get("finalizers") or []) != list(_meta(new).get("finalizers") or [])


class ResyncPredicate(Funcs):
    """Passes only resync updates (and every non-update event); combine with ``or_``."""

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return is_resync(old, new)


class _And:
    def __init__(self, predicates: tuple[Predicate, ...]) -> None:
        self._ps = predicates

    def create(self, obj: KubeObject) -> bool:
        return all(p.create(obj) for p in self._ps)

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return all(p.update(old, new) for p in self._ps)

    def delete(self, obj: KubeObject) -> bool:
        return all(p.delete(obj) for p in self._ps)

    def generic(self, obj: KubeObject) -> bool:
        return all(p.generic(obj) for p in self._ps)


class _Or:
    def __init__(self, predicates: tuple[Predicate, ...]) -> None:
        self._ps = predicates

    def create(self, obj: KubeObject) -> bool:
        return any(p.create(obj) for p in self._ps)

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return any(p.update(old, new) for p in self._ps)

    def delete(self, obj: KubeObject) -> bool:
        return any(p.delete(obj) for p in self._ps)

    def generic(self, obj: KubeObject) -> bool:
        return any(p.generic(obj) for p in self._ps)


class _Not:
    def __init__(self, predicate: Predicate) -> None:
        self._p = predicate

    def create(self, obj: KubeObject) -> bool:
        return not self._p.create(obj)

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        return not self._p.update(old, new)

    def delete(self, obj: KubeObject) -> bool:
        return not self._p.delete(obj)

    def generic(self, obj: KubeObject) -> bool:
        return not self._p.generic(obj)


def and_(*predicates: Predicate) -> Predicate:
    """Passes when every predicate passes (all pass when there are none)."""
    return _And(predicates)


def or_(*predicates: Predicate) -> Predicate:
    """Passes when any predicate passes (none pass when there are none)."""
    return _Or(predicates)


def not_(predicate: Predicate) -> Predicate:
    """Passes when ``predicate`` does not."""
    return _Not(predicate)
