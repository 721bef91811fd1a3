"""Predicates: what each one passes, resync handling, and composition."""

from __future__ import annotations

from typing import Any

import pytest

from teleop.runtime.client.objects import KubeObject
from teleop.runtime.predicate import (
    AnnotationChangedPredicate,
    FinalizersChangedPredicate,
    Funcs,
    GenerationChangedPredicate,
    LabelChangedPredicate,
    Predicate,
    ResourceVersionChangedPredicate,
    ResyncPredicate,
    and_,
    is_resync,
    new_predicate_funcs,
    not_,
    or_,
)


def obj(rv: str = "1", generation: int = 1, **meta: Any) -> KubeObject:
    return {"metadata": {"name": "a", "resourceVersion": rv, "generation": generation, **meta}}


def passes_other_events(p: Predicate) -> bool:
    o = obj()
    return p.create(o) and p.delete(o) and p.generic(o)


@pytest.mark.parametrize(
    ("predicate", "old", "new", "expected"),
    [
        (GenerationChangedPredicate(), obj("1", 1), obj("2", 2), True),
        (GenerationChangedPredicate(), obj("1", 1), obj("2", 1), False),  # status-only write
        (ResourceVersionChangedPredicate(), obj("1"), obj("2"), True),
        (LabelChangedPredicate(), obj("1", labels={"a": "1"}), obj("2", labels={"a": "2"}), True),
        (LabelChangedPredicate(), obj("1"), obj("2", labels={}), False),  # missing == empty
        (AnnotationChangedPredicate(), obj("1"), obj("2", annotations={"x": "y"}), True),
        (
            AnnotationChangedPredicate(),
            obj("1", annotations={"x": "y"}),
            obj("2", annotations={"x": "y"}),
            False,
        ),
        (FinalizersChangedPredicate(), obj("1", finalizers=["f"]), obj("2"), True),
        (
            FinalizersChangedPredicate(),
            obj("1", finalizers=["f"]),
            obj("2", finalizers=["f"]),
            False,
        ),
    ],
)
def test_changed_predicates(
    predicate: Predicate, old: KubeObject, new: KubeObject, expected: bool
) -> None:
    assert predicate.update(old, new) is expected
    assert passes_other_events(predicate)


@pytest.mark.parametrize(
    "predicate",
    [
        GenerationChangedPredicate(),
        ResourceVersionChangedPredicate(),
        LabelChangedPredicate(),
        AnnotationChangedPredicate(),
        FinalizersChangedPredicate(),
    ],
)
def test_changed_predicates_drop_resyncs(predicate: Predicate) -> None:
    o = obj("7", labels={"a": "b"}, finalizers=["f"])
    assert is_resync(o, o)
    assert predicate.update(o, o) is False


def test_resyncs_can_be_kept_deliberately() -> None:
    keep = or_(GenerationChangedPredicate(), ResyncPredicate())
    o = obj("7")
    assert keep.update(o, dict(o)) is True  # resync: same resourceVersion
    assert keep.update(obj("7", 1), obj("8", 1)) is False  # a real status-only change
    assert keep.update(obj("7", 1), obj("8", 2)) is True


def test_funcs_and_filter() -> None:
    assert passes_other_events(Funcs())
    named_a = new_predicate_funcs(lambda o: o["metadata"]["name"] == "a")
    other: KubeObject = {"metadata": {"name": "b"}}
    assert named_a.create(obj())
    assert not named_a.create(other)
    assert named_a.update(other, obj())
    assert not named_a.update(obj(), other)
    assert not named_a.delete(other)
    assert not named_a.generic(other)


def test_composition() -> None:
    yes, no = Funcs(), not_(Funcs())
    o = obj()
    for method in ("create", "delete", "generic"):
        assert getattr(and_(yes, yes), method)(o) is True
        assert getattr(and_(yes, no), method)(o) is False
        assert getattr(or_(no, yes), method)(o) is True
        assert getattr(or_(no, no), method)(o) is False
        assert getattr(not_(no), method)(o) is True
    assert and_(yes, no).update(o, o) is False
    assert or_(no, yes).update(o, o) is True
    assert and_().create(o) is True
    assert or_().create(o) is False
