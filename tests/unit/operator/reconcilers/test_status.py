"""status: set_condition keeps transition times, one patch only when something changed."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from teleop.operator.reconcilers.status import (
    MAX_MESSAGE,
    StatusBuilder,
    set_condition,
    status_patch,
    truncate,
)

T0 = "2026-01-01T00:00:00Z"
T1 = "2026-01-01T00:05:00Z"
NOW = datetime(2026, 1, 1, 0, 5, tzinfo=UTC)


def test_set_condition_keeps_transition_time_unless_status_flips() -> None:
    conds: list[dict[str, Any]] = []
    set_condition(conds, "Ready", "True", "Reconciled", "ok", now=T0, generation=1)
    set_condition(conds, "Ready", "True", "Reconciled", "still ok", now=T1, generation=2)
    assert conds == [
        {
            "type": "Ready",
            "status": "True",
            "reason": "Reconciled",
            "message": "still ok",
            "lastTransitionTime": T0,
            "observedGeneration": 2,
        }
    ]
    set_condition(conds, "Ready", "False", "TeleportError", "bad", now=T1)
    assert conds[0]["lastTransitionTime"] == T1
    assert "observedGeneration" not in conds[0]


def test_truncate() -> None:
    assert truncate("short") == "short"
    long = truncate("x" * (MAX_MESSAGE + 10))
    assert len(long) == MAX_MESSAGE
    assert long.endswith("…")


def test_status_patch() -> None:
    assert status_patch({"a": 1}, {"a": 1}) is None
    assert status_patch({"a": 1, "b": 2}, {"a": 1}) == {"status": {"a": 1, "b": None}}


def test_builder_writes_nothing_for_an_unchanged_cr() -> None:
    cr: dict[str, Any] = {"metadata": {"name": "x", "generation": 3}}
    first = StatusBuilder(cr, NOW)
    first.set("Ready", True, "Reconciled", "ok")
    first.applied("r1", "h1")
    patch = first.patch()
    assert patch is not None
    cr["status"] = patch["status"]
    again = StatusBuilder(cr, datetime(2027, 1, 1, tzinfo=UTC))
    again.set("Ready", True, "Reconciled", "ok")
    again.applied("r1", "h1")
    assert again.patch() is None
    assert again.applied_hash == "h1"
    assert again.applied_revision == "r1"
    assert cr["status"]["observedGeneration"] == 3


def test_builder_never_mutates_the_cached_object() -> None:
    cr: dict[str, Any] = {
        "metadata": {"name": "x", "generation": 1},
        "status": {
            "conditions": [{"type": "Ready", "status": "True", "reason": "R", "message": ""}]
        },
    }
    b = StatusBuilder(cr, NOW)
    b.set("Ready", False, "TeleportError", "boom")
    assert cr["status"]["conditions"][0]["status"] == "True"


def test_keep_if_true_refreshes_generation_only() -> None:
    cr: dict[str, Any] = {
        "metadata": {"name": "x", "generation": 2},
        "status": {
            "conditions": [
                {
                    "type": "TeleportResourceOwned",
                    "status": "True",
                    "reason": "NewResource",
                    "message": "m",
                    "lastTransitionTime": T0,
                    "observedGeneration": 1,
                }
            ]
        },
    }
    b = StatusBuilder(cr, NOW)
    assert b.keep_if_true("TeleportResourceOwned")
    [cond] = b.conditions
    assert (cond["reason"], cond["lastTransitionTime"], cond["observedGeneration"]) == (
        "NewResource",
        T0,
        2,
    )
    assert not b.keep_if_true("Ready")
