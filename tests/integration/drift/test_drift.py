"""Drift correction end to end: the operator runs as in production against fakekube and
faketeleport; an admin (``tctl``, a second identity) changes or deletes an owned role directly in
Teleport, and the operator restores it, through the live event stream and through the periodic
verification, with a ``DriftCorrected`` event, the metric, and exactly one Teleport write."""

from __future__ import annotations

import time
from typing import Any

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.teleport import NotFound
from tests.contract.harness import Env, OperatorRun, eventually
from tests.contract.primitives import primitives, to_message

pytestmark = pytest.mark.asyncio(loop_scope="session")

ROLE = KINDS_BY_NAME["TeleportRole"]
SPEC = {"allow": {"logins": ["dev"]}}
METRIC = "teleop_drift_corrections_total"


async def converged(env: Env, op: OperatorRun, name: str) -> None:
    await env.create(ROLE, name, SPEC)
    await env.wait_ready(ROLE, name)
    await op.settle(ROLE, [name])
    router = op.operator.drift.router
    if op.operator.drift.watcher is not None:  # the event of the operator's own create was seen
        await eventually(lambda: router.changes >= 1, what="own create event")
        await op.settle(ROLE, [name])


async def change_logins(env: Env, name: str, logins: list[str]) -> None:
    role = await env.tctl.get_role(name)
    del role.Spec.Allow.Logins[:]
    role.Spec.Allow.Logins.extend(logins)
    await env.tctl.upsert_role(role)


async def logins(env: Env, name: str) -> list[str] | None:
    """The role's logins in Teleport; None while it does not exist."""
    try:
        return list((await env.tctl.get_role(name)).Spec.Allow.Logins)
    except NotFound:
        return None


async def drift_events(env: Env, name: str) -> list[dict[str, Any]]:
    return [e for e in await env.events_for(name) if e.get("reason") == "DriftCorrected"]


async def test_live_path_restores_a_role_changed_in_teleport(env: Env) -> None:
    name = "live"
    async with env.operator() as op:
        await converged(env, op, name)
        assert op.operator.drift.watcher is not None
        mark = env.teleport_mark()
        seen = op.operator.drift.router.changes
        started = time.monotonic()
        await change_logins(env, name, ["root"])

        async def restored() -> bool:
            assert await logins(env, name) == ["dev"]
            return True

        await eventually(restored, timeout=5, what="the role restored by the live path")
        elapsed = time.monotonic() - started
        events = await eventually(lambda: drift_events(env, name), what="DriftCorrected event")
        assert events[0]["type"] == "Normal"
        assert "spec.allow.logins" in events[0]["message"]
        assert "root" not in events[0]["message"]
        assert op.metric(METRIC, {"kind": "TeleportRole"}) == 1
        # the admin's change and the operator's restore both come back as events; the second
        # is the operator's own write, which must not start another round
        await eventually(lambda: op.operator.drift.router.changes >= seen + 2, what="2 events")
        await op.settle(ROLE, [name])
        assert len(env.teleport_writes("role", name, since=mark)) == 1
        assert op.operator.drift.verifier.rounds == 0  # the 10-minute period played no part
        print(f"live drift restored in {elapsed:.3f}s")


async def test_periodic_path_restores_a_role_with_live_mode_off(env: Env) -> None:
    name = "periodic"
    async with env.operator(sync_period=0.5, live_drift=False) as op:
        assert op.operator.drift.watcher is None
        await converged(env, op, name)
        mark, kube_mark = env.teleport_mark(), env.kube_mark()
        quiet_rounds = op.operator.drift.verifier.rounds
        await eventually(
            lambda: op.operator.drift.verifier.rounds > quiet_rounds + 1, what="two rounds"
        )
        await op.settle(ROLE, [name])
        # verifying an unchanged role: reads only, no Teleport write, no CR or Event write
        assert env.teleport_writes(since=mark) == []
        assert env.all_cr_writes(since=kube_mark) == []
        assert env.event_writes(name, since=kube_mark) == []
        assert op.teleport_calls("GetRole") >= 2
        await change_logins(env, name, ["root"])

        async def restored() -> bool:
            assert await logins(env, name) == ["dev"]
            return True

        await eventually(restored, timeout=5, what="the role restored by the periodic path")
        await eventually(lambda: drift_events(env, name), what="DriftCorrected event")
        assert op.metric(METRIC, {"kind": "TeleportRole"}) == 1
        await op.settle(ROLE, [name])
        assert len(env.teleport_writes("role", name, since=mark)) == 1


async def test_a_role_deleted_in_teleport_is_recreated(env: Env) -> None:
    name = "deleted"
    async with env.operator() as op:
        await converged(env, op, name)
        await env.tctl.delete_role(name)

        async def recreated() -> bool:
            assert await logins(env, name) == ["dev"]
            return True

        await eventually(recreated, timeout=5, what="the role recreated")
        events = await eventually(lambda: drift_events(env, name), what="DriftCorrected event")
        assert "deleted in Teleport" in events[0]["message"]
        assert op.metric(METRIC, {"kind": "TeleportRole"}) == 1
        cr = await env.must_get(ROLE, name)
        assert cr["status"]["teleportRevision"] == (await env.tctl.get_role(name)).Metadata.Revision


async def test_a_user_locked_by_teleport_is_not_unlocked(env: Env) -> None:
    """A lockout is Teleport's own change to a user (a new revision): not drift, no write."""
    user = KINDS_BY_NAME["TeleportUser"]
    await env.tctl.upsert_role(to_message(ROLE, "dev-role", SPEC, owned=False))
    async with env.operator() as op:
        await env.create(user, "alice", {"roles": ["dev-role"]})
        await env.wait_ready(user, "alice")
        await op.settle(user, ["alice"])
        mark, seen = env.teleport_mark(), op.operator.drift.router.changes
        locked = await env.tctl.get_user("alice")
        locked.Spec.Status.IsLocked = True
        locked.Spec.Status.LockedMessage = "too many failed logins"
        await env.tctl.update_user(locked)
        await eventually(lambda: op.operator.drift.router.changes > seen, what="the lock event")
        await op.settle(user, ["alice"])
        assert env.teleport_writes(since=mark) == []
        assert (await env.tctl.get_user("alice")).Spec.Status.IsLocked
        assert op.metric(METRIC, {"kind": "TeleportUser"}) == 0


async def test_a_connector_is_restored_by_the_periodic_path_only(env: Env) -> None:
    """Teleport's event stream cannot carry connectors: live mode does not watch them, and the
    periodic verification restores them."""
    p = primitives("TeleportGithubConnector")
    name = "gh"
    async with env.operator(sync_period=0.5) as op:
        assert op.operator.drift.watcher is not None
        assert "github" not in op.operator.drift.watcher.kinds
        await env.create(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)
        await op.settle(p.kind, [name])
        theirs = await p.read(env.tctl, name)
        theirs.Spec.Display = "changed in Teleport"
        await env.tctl.upsert_connector(theirs)

        async def restored() -> bool:
            p.assert_matches(await p.read(env.tctl, name), p.valid())
            return True

        await eventually(restored, timeout=5, what="the connector restored")
        events = await eventually(lambda: drift_events(env, name), what="DriftCorrected event")
        assert "spec.display" in events[0]["message"]
        assert op.metric(METRIC, {"kind": "TeleportGithubConnector"}) == 1
