"""Which CR events trigger a reconcile: the Go operator's ``buildPredicate``, minus our own echoes.

``cr_changed``: create and delete always; an update when the generation (spec), the labels, the
annotations or the finalizers changed. Status-only writes (teleop's own) and informer resyncs
never do, so a status write does not cause another reconcile.

``OwnWriteEcho``: an update whose new object is exactly what the API server returned to one of
the reconciler's own writes (its resourceVersion is one ``OwnWrites`` recorded, or it is the
finalizer patch still in flight) and that differs
from the previous cached object only in what those writes touch (``metadata.finalizers``,
``status``, bookkeeping such as ``managedFields``) does not reconcile: the reconcile that made the
write already acted on that state. Without it every new CR is reconciled twice (the finalizer
patch passes ``cr_changed``), the second decoding the spec and reading Teleport to write nothing.
Anything else passes: user edits, label or annotation changes by others, a set
``deletionTimestamp``, creates, deletes. The periodic verifier and the live drift path enqueue
directly and never meet this filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from teleop.operator.reconcilers.ownwrites import OwnWrites
from teleop.runtime import (
    AnnotationChangedPredicate,
    FinalizersChangedPredicate,
    GenerationChangedPredicate,
    KubeObject,
    LabelChangedPredicate,
    Predicate,
    or_,
)

__all__ = ["OwnWriteEcho", "cr_changed"]

_OURS_IN_METADATA = frozenset({"finalizers", "resourceVersion", "managedFields"})
"""Metadata fields our writes change (the API server bumps the last two on any write)."""


def cr_changed() -> Predicate:
    """A new predicate passing create/delete and the updates listed in the module docstring."""
    return or_(
        GenerationChangedPredicate(),
        LabelChangedPredicate(),
        AnnotationChangedPredicate(),
        FinalizersChangedPredicate(),
    )


def _rest(obj: KubeObject) -> tuple[dict[str, Any], dict[str, Any]]:
    """``obj`` without status and without the metadata our writes change: (metadata, the rest)."""
    md = obj.get("metadata")
    meta = (
        {k: v for k, v in md.items() if k not in _OURS_IN_METADATA}
        if isinstance(md, Mapping)
        else {}
    )
    rest = {k: v for k, v in obj.items() if k not in ("metadata", "status")}
    return meta, rest


class OwnWriteEcho:
    """Drops the watch's echo of the reconciler's own writes (see the module docstring)."""

    def __init__(self, own_writes: OwnWrites) -> None:
        self._own = own_writes

    def create(self, obj: KubeObject) -> bool:
        return True

    def update(self, old: KubeObject, new: KubeObject) -> bool:
        if not self._own.is_own_result(new, old):
            return True
        new_meta, new_rest = _rest(new)
        if new_meta.get("deletionTimestamp"):
            return True
        return _rest(old) != (new_meta, new_rest)

    def delete(self, obj: KubeObject) -> bool:
        self._own.forget(obj)
        return True

    def generic(self, obj: KubeObject) -> bool:
        return True
