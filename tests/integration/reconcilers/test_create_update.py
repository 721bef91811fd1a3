"""Create in one pass, no writes when nothing changed, updates, drift and label propagation."""

from __future__ import annotations

import logging

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.apis.conventions import FINALIZER
from tests.integration.reconcilers.conftest import Harness

ROLE = "TeleportRoleV7"
ROLE_KIND = KINDS_BY_NAME[ROLE]
SPEC = {"allow": {"logins": ["root"]}}


def conditions(cr: dict) -> dict[str, tuple[str, str]]:
    return {c["type"]: (c["status"], c["reason"]) for c in cr["status"]["conditions"]}


async def test_create_is_a_single_pass(harness: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="teleop.operator")
    await harness.create(ROLE, "dev", SPEC, labels={"team": "a"})
    result = await harness.reconcile(ROLE, "dev")
    assert result.requeue_after == 0
    # exactly one finalizer write and one status write on the CR, one Teleport write
    assert harness.cr_writes(ROLE_KIND, "dev") == [
        ("create", ""),
        ("patch", ""),
        ("patch", "status"),
    ]
    assert harness.teleport_writes("dev") == ["UpsertRoleV2"]
    cr = await harness.get(ROLE, "dev")
    assert cr["metadata"]["finalizers"] == [FINALIZER]
    assert conditions(cr) == {
        "ValidStructure": ("True", "NoError"),
        "TeleportResourceOwned": ("True", "NewResource"),
        "SuccessfullyReconciled": ("True", "NoError"),
        "Ready": ("True", "Reconciled"),
    }
    assert cr["status"]["observedGeneration"] == cr["metadata"]["generation"]
    role = await harness.tclient.get_role("dev")
    assert cr["status"]["teleportRevision"] == role.Metadata.Revision
    assert len(cr["status"]["appliedHash"]) == 64
    assert role.Version == "v7"
    assert dict(role.Metadata.Labels) == {"team": "a", "teleport.dev/origin": "kubernetes"}
    assert list(role.Spec.Allow.Logins) == ["root"]
    [event] = await harness.events("dev", reason="Created")
    assert event["type"] == "Normal"
    logged = [r.getMessage() for r in caplog.records if r.name.startswith("teleop.operator")]
    assert logged == ["adding finalizer", "creating object in Teleport"]


async def test_unchanged_rereconcile_writes_nothing(harness: Harness) -> None:
    await harness.create(ROLE, "dev", SPEC)
    await harness.reconcile(ROLE, "dev")
    kube_before, tele_before = len(harness.cr_writes(ROLE_KIND, "dev")), len(harness.teleport.log)
    for _ in range(2):
        await harness.reconcile(ROLE, "dev")
    assert len(harness.cr_writes(ROLE_KIND, "dev")) == kube_before
    assert len(harness.teleport.log) == tele_before


async def test_update_writes_once_and_carries_the_revision(harness: Harness) -> None:
    await harness.create(ROLE, "dev", SPEC, annotations={"description": "first"})
    await harness.reconcile(ROLE, "dev")
    await harness.patch(
        ROLE,
        "dev",
        {
            "metadata": {"labels": {"env": "prod"}, "annotations": {"description": "second"}},
            "spec": {"allow": {"logins": ["admin"]}},
        },
    )
    kube_before = len(harness.cr_writes(ROLE_KIND, "dev"))
    await harness.reconcile(ROLE, "dev")
    assert harness.teleport_writes("dev") == ["UpsertRoleV2", "UpsertRoleV2"]
    assert harness.cr_writes(ROLE_KIND, "dev")[kube_before:] == [("patch", "status")]
    role = await harness.tclient.get_role("dev")
    assert list(role.Spec.Allow.Logins) == ["admin"]
    assert role.Metadata.Description == "second"
    assert role.Metadata.Labels["env"] == "prod"
    cr = await harness.get(ROLE, "dev")
    assert cr["status"]["teleportRevision"] == role.Metadata.Revision
    assert cr["status"]["observedGeneration"] == 2
    await harness.events("dev", reason="Updated")


async def test_drift_in_teleport_is_corrected(harness: Harness) -> None:
    await harness.create(ROLE, "dev", SPEC)
    await harness.reconcile(ROLE, "dev")
    role = await harness.tclient.get_role("dev")
    role.Spec.Allow.Logins[:] = ["intruder"]
    await harness.tclient.upsert_role(role)
    await harness.reconcile(ROLE, "dev")
    assert list((await harness.tclient.get_role("dev")).Spec.Allow.Logins) == ["root"]


async def test_user_keeps_created_by_and_tokens_upsert(harness: Harness) -> None:
    await harness.create(ROLE, "r1", SPEC)
    await harness.reconcile(ROLE, "r1")
    await harness.create("TeleportUser", "alice", {"roles": ["r1"]})
    await harness.reconcile("TeleportUser", "alice")
    assert harness.teleport_writes("alice") == ["CreateUser"]
    # created_by, copied from Teleport on later passes, changes neither the hash nor the status
    user_kind = KINDS_BY_NAME["TeleportUser"]
    writes = len(harness.cr_writes(user_kind, "alice"))
    await harness.reconcile("TeleportUser", "alice")
    assert len(harness.cr_writes(user_kind, "alice")) == writes
    assert harness.teleport_writes("alice") == ["CreateUser"]
    await harness.patch("TeleportUser", "alice", {"spec": {"traits": {"logins": ["alice"]}}})
    await harness.reconcile("TeleportUser", "alice")
    assert harness.teleport_writes("alice") == ["CreateUser", "UpdateUser"]
    await harness.reconcile("TeleportUser", "alice")
    assert harness.teleport_writes("alice") == ["CreateUser", "UpdateUser"]

    await harness.create(
        "TeleportProvisionToken", "tok", {"roles": ["Node"], "join_method": "token"}
    )
    await harness.reconcile("TeleportProvisionToken", "tok")
    await harness.reconcile("TeleportProvisionToken", "tok")
    assert harness.teleport_writes("tok") == ["UpsertTokenV2"]
