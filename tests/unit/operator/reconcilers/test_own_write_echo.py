"""OwnWriteEcho: only the watch's echo of our own finalizer/status writes is dropped."""

from __future__ import annotations

import copy
from typing import Any

from teleop.operator.reconcilers import OwnWriteEcho
from teleop.operator.reconcilers.ownwrites import OwnWrites


def cr(rv: str, **meta: Any) -> dict[str, Any]:
    return {
        "apiVersion": "resources.teleport.dev/v1",
        "kind": "TeleportRole",
        "metadata": {"name": "x", "namespace": "ns", "resourceVersion": rv, "generation": 1} | meta,
        "spec": {"allow": {"logins": ["root"]}},
    }


def with_finalizer(obj: dict[str, Any], rv: str) -> dict[str, Any]:
    new = copy.deepcopy(obj)
    new["metadata"]["resourceVersion"] = rv
    new["metadata"]["finalizers"] = ["resources.teleport.dev/deletion"]
    return new


def test_echo_of_our_finalizer_and_status_writes_is_dropped() -> None:
    own = OwnWrites()
    echo = OwnWriteEcho(own)
    created = cr("1")
    patched = with_finalizer(created, "2")
    own.record(created, patched)
    assert not echo.update(created, patched)
    status = copy.deepcopy(patched) | {"status": {"conditions": []}}
    status["metadata"]["resourceVersion"] = "3"
    own.record(patched, status)
    assert not echo.update(patched, status)
    # The earlier echo is still recognised when it arrives late (our entries were superseded).
    assert not echo.update(created, patched)


def test_other_changes_pass_even_at_our_resource_version() -> None:
    own = OwnWrites()
    echo = OwnWriteEcho(own)
    created = cr("1")
    ours = with_finalizer(created, "2")
    own.record(created, ours)
    edited = copy.deepcopy(ours)
    edited["spec"] = {"allow": {"logins": ["admin"]}}
    edited["metadata"]["generation"] = 2
    assert echo.update(created, edited)
    labelled = copy.deepcopy(ours)
    labelled["metadata"]["labels"] = {"team": "x"}
    assert echo.update(created, labelled)
    deleting = copy.deepcopy(ours)
    deleting["metadata"]["deletionTimestamp"] = "2026-01-01T00:00:00Z"
    assert echo.update(created, deleting)


def test_writes_by_others_pass_and_deletion_forgets() -> None:
    own = OwnWrites()
    echo = OwnWriteEcho(own)
    created = cr("1")
    ours = with_finalizer(created, "2")
    own.record(created, ours)
    theirs = with_finalizer(ours, "5")
    theirs["metadata"]["finalizers"] = []
    assert echo.update(ours, theirs)
    assert echo.create(created)
    assert echo.generic(created)
    assert echo.delete(ours)
    assert not own.is_own_result(ours)
    assert echo.update(created, ours)


def test_echo_arriving_before_the_patch_response_is_dropped() -> None:
    own = OwnWrites()
    echo = OwnWriteEcho(own)
    created = cr("1")
    patched = with_finalizer(created, "2")
    own.expect(created, patched["metadata"]["finalizers"])
    assert not echo.update(created, patched)
    other = copy.deepcopy(patched)
    other["metadata"]["finalizers"] = ["someone.else/finalizer"]
    assert echo.update(created, other)
    assert echo.update(with_finalizer(created, "9"), with_finalizer(created, "10"))
    own.settle(created)
    assert echo.update(created, patched)
