"""Deletion (owned, keep, ignore, unowned) and refusing to touch resources teleop does not own."""

from __future__ import annotations

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.teleport import NotFound, types
from tests.integration.reconcilers.conftest import Harness

ROLE = "TeleportRole"
ROLE_KIND = KINDS_BY_NAME[ROLE]
SPEC = {"allow": {"logins": ["root"]}}


def condition(cr: dict, type_: str) -> dict:
    return next(c for c in cr["status"]["conditions"] if c["type"] == type_)


async def created(harness: Harness, name: str, **kw: object) -> None:
    await harness.create(ROLE, name, SPEC, **kw)  # type: ignore[arg-type]
    await harness.reconcile(ROLE, name)


async def test_delete_removes_the_teleport_object_then_the_finalizer(harness: Harness) -> None:
    await created(harness, "dev")
    await harness.delete(ROLE, "dev")
    await harness.reconcile(ROLE, "dev")
    with pytest.raises(NotFound):
        await harness.tclient.get_role("dev")
    assert harness.teleport_writes("dev") == ["UpsertRoleV2", "DeleteRole"]
    assert harness.cached(ROLE, "dev") is None
    await harness.events("dev", reason="Deleted")


async def test_delete_when_already_gone_in_teleport(harness: Harness) -> None:
    await created(harness, "dev")
    await harness.tclient.delete_role("dev")
    await harness.delete(ROLE, "dev")
    await harness.reconcile(ROLE, "dev")
    assert harness.cached(ROLE, "dev") is None


async def test_keep_leaves_the_teleport_object(harness: Harness) -> None:
    await created(harness, "dev", annotations={"teleport.dev/keep": "true"})
    await harness.delete(ROLE, "dev")
    await harness.reconcile(ROLE, "dev")
    assert (await harness.tclient.get_role("dev")).Metadata.Name == "dev"
    assert harness.cached(ROLE, "dev") is None
    await harness.events("dev", reason="Kept")


async def test_ignore_does_nothing_and_deletion_only_drops_the_finalizer(
    harness: Harness,
) -> None:
    await created(harness, "dev")
    await harness.patch(
        ROLE,
        "dev",
        {"metadata": {"annotations": {"teleport.dev/ignore": "true"}}, "spec": {"deny": {}}},
    )
    writes = len(harness.cr_writes(ROLE_KIND, "dev"))
    await harness.reconcile(ROLE, "dev")
    assert len(harness.cr_writes(ROLE_KIND, "dev")) == writes
    assert harness.teleport_writes("dev") == ["UpsertRoleV2"]
    await harness.delete(ROLE, "dev")
    await harness.reconcile(ROLE, "dev")  # the Go operator would keep the finalizer forever
    assert harness.cached(ROLE, "dev") is None
    assert harness.teleport_writes("dev") == ["UpsertRoleV2"]
    assert (await harness.tclient.get_role("dev")).Metadata.Name == "dev"


async def test_ignored_new_cr_gets_no_finalizer(harness: Harness) -> None:
    await harness.create(ROLE, "dev", SPEC, annotations={"teleport.dev/ignore": "true"})
    await harness.reconcile(ROLE, "dev")
    assert harness.cr_writes(ROLE_KIND, "dev") == [("create", "")]
    assert len(harness.teleport.log) == 0


async def test_unowned_resource_is_never_written_or_deleted(harness: Harness) -> None:
    theirs = types.RoleV6(Kind="role", Version="v5", Metadata=types.Metadata(Name="dev"))
    theirs.Spec.Allow.Logins.append("theirs")
    await harness.tclient.upsert_role(theirs)
    await harness.create(ROLE, "dev", SPEC)
    result = await harness.reconcile(ROLE, "dev")
    assert result.requeue_after == harness.options.unowned_requeue_after
    cr = await harness.get(ROLE, "dev")
    owned = condition(cr, "TeleportResourceOwned")
    assert (owned["status"], owned["reason"]) == ("False", "OriginLabelNotMatching")
    assert "teleport.dev/origin=kubernetes" in owned["message"]
    assert condition(cr, "Ready")["status"] == "False"
    [event] = await harness.events("dev", reason="NotOwned")
    assert event["type"] == "Warning"
    # again: no status write, no Teleport write
    writes = len(harness.cr_writes(ROLE_KIND, "dev"))
    await harness.reconcile(ROLE, "dev")
    assert len(harness.cr_writes(ROLE_KIND, "dev")) == writes
    await harness.delete(ROLE, "dev")
    await harness.reconcile(ROLE, "dev")
    assert harness.teleport_writes("dev") == ["UpsertRoleV2"]  # only the test's own write
    assert list((await harness.tclient.get_role("dev")).Spec.Allow.Logins) == ["theirs"]
    assert harness.cached(ROLE, "dev") is None
    await harness.events("dev", reason="DeleteSkipped")


async def test_adding_the_origin_label_in_teleport_lets_teleop_manage_it(
    harness: Harness,
) -> None:
    theirs = types.RoleV6(Kind="role", Version="v5", Metadata=types.Metadata(Name="dev"))
    await harness.tclient.upsert_role(theirs)
    await harness.create(ROLE, "dev", SPEC)
    await harness.reconcile(ROLE, "dev")
    theirs = await harness.tclient.get_role("dev")
    theirs.Metadata.Labels["teleport.dev/origin"] = "kubernetes"
    await harness.tclient.upsert_role(theirs)
    assert (await harness.reconcile(ROLE, "dev")).requeue_after == 0
    assert list((await harness.tclient.get_role("dev")).Spec.Allow.Logins) == ["root"]
    cr = await harness.get(ROLE, "dev")
    assert condition(cr, "Ready")["status"] == "True"
    assert condition(cr, "TeleportResourceOwned")["reason"] == "OriginLabelMatching"
