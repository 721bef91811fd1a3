"""Invalid specs, Teleport rejections (then convergence), access denied and outages."""

from __future__ import annotations

import grpc
import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.teleport import AccessDenied, ConnectionProblem, TeleportError
from tests.integration.reconcilers.conftest import Harness

ROLE = "TeleportRole"
USER = "TeleportUser"


def condition(cr: dict, type_: str) -> dict:
    return next(c for c in cr["status"]["conditions"] if c["type"] == type_)


async def test_invalid_spec_is_terminal_and_never_reaches_teleport(harness: Harness) -> None:
    # the CRD leaves this field's shape open (x-kubernetes-preserve-unknown-fields); the
    # converter knows its values
    await harness.create(ROLE, "bad", {"allow": {"logins": ["root"]}})
    await harness.reconcile(ROLE, "bad")
    await harness.patch(ROLE, "bad", {"spec": {"options": {"create_host_user_mode": "bogus-mode"}}})
    tele = len(harness.teleport.log)
    result = await harness.reconcile(ROLE, "bad")
    assert result.requeue_after == 0
    assert not result.requeue
    assert len(harness.teleport.log) == tele
    cr = await harness.get(ROLE, "bad")
    valid = condition(cr, "ValidStructure")
    assert (valid["status"], valid["reason"]) == ("False", "FailedToDecode")
    assert "spec.options.create_host_user_mode" in valid["message"]
    assert "Fix the CR" in valid["message"]
    ready = condition(cr, "Ready")
    assert (ready["status"], ready["reason"]) == ("False", "FailedToDecode")
    [event] = await harness.events("bad", reason="InvalidSpec")
    assert event["type"] == "Warning"
    # a second reconcile of the same broken CR writes nothing
    writes = len(harness.cr_writes(KINDS_BY_NAME[ROLE], "bad"))
    await harness.reconcile(ROLE, "bad")
    assert len(harness.cr_writes(KINDS_BY_NAME[ROLE], "bad")) == writes


async def test_rejection_then_convergence(harness: Harness) -> None:
    await harness.create(USER, "alice", {"roles": ["missing"]})
    with pytest.raises(TeleportError):
        await harness.reconcile(USER, "alice")
    cr = await harness.get(USER, "alice")
    reconciled = condition(cr, "SuccessfullyReconciled")
    assert (reconciled["status"], reconciled["reason"]) == ("False", "TeleportError")
    assert "missing" in reconciled["message"]
    assert condition(cr, "Ready")["reason"] == "TeleportError"
    await harness.events("alice", reason="TeleportError")
    assert harness.teleport_writes("alice") == []

    await harness.create(ROLE, "missing", {})
    await harness.reconcile(ROLE, "missing")
    await harness.reconcile(USER, "alice")
    cr = await harness.get(USER, "alice")
    assert condition(cr, "Ready")["status"] == "True"
    assert condition(cr, "SuccessfullyReconciled")["status"] == "True"
    assert harness.teleport_writes("alice") == ["CreateUser"]


async def test_access_denied_says_what_to_grant(harness: Harness) -> None:
    harness.teleport.faults.deny_kind("role")
    await harness.create(ROLE, "dev", {})
    with pytest.raises(AccessDenied):
        await harness.reconcile(ROLE, "dev")
    cr = await harness.get(ROLE, "dev")
    assert "Grant teleop's Teleport role" in condition(cr, "SuccessfullyReconciled")["message"]
    harness.teleport.faults.clear()
    await harness.reconcile(ROLE, "dev")
    assert condition(await harness.get(ROLE, "dev"), "Ready")["status"] == "True"


async def test_connection_problem_names_what_to_check(harness: Harness) -> None:
    harness.teleport.faults.fail("GetRole", grpc.StatusCode.UNAVAILABLE, "auth is down")
    await harness.create(ROLE, "dev", {})
    with pytest.raises(ConnectionProblem):
        await harness.reconcile(ROLE, "dev")
    message = condition(await harness.get(ROLE, "dev"), "Ready")["message"]
    assert "auth is down" in message
    assert "auth server address" in message
