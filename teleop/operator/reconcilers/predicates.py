"""Which CR events trigger a reconcile: the Go operator's ``buildPredicate``.

Create and delete always; an update when the generation (spec), the labels, the annotations or
the finalizers changed. Status-only writes (teleop's own) and informer resyncs never do, so a
status write does not cause another reconcile.
"""

from __future__ import annotations

from teleop.runtime import (
    AnnotationChangedPredicate,
    FinalizersChangedPredicate,
    GenerationChangedPredicate,
    LabelChangedPredicate,
    Predicate,
    or_,
)

__all__ = ["cr_changed"]


def cr_changed() -> Predicate:
    """A new predicate passing create/delete and the updates listed in the module docstring."""
    return or_(
        GenerationChangedPredicate(),
        LabelChangedPredicate(),
        AnnotationChangedPredicate(),
        FinalizersChangedPredicate(),
    )
