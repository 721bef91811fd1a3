"""TeleportUser specifics (the Go operator's ``user_controller_test.go``).

- ``created_by`` of an existing user is kept across updates (the CR never carries it);
- a user naming a role that does not exist is refused by Teleport: SuccessfullyReconciled=False
  with Teleport's message, a Warning event, no user; it converges once the role exists;
- a role list update ``x, z`` → ``x, z, y`` reaches Teleport.
"""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from teleop.operator.apis import conditions as c
from teleop.operator.apis import kind_spec
from teleop.teleport import NotFound, types
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import to_message

pytestmark = pytest.mark.asyncio(loop_scope="session")

USER = kind_spec("TeleportUser")
ROLE = kind_spec("TeleportRole")


async def make_roles(env: Env, *names: str) -> None:
    for name in names:
        await env.tctl.upsert_role(to_message(ROLE, name, {"allow": {"logins": [name]}}))


async def test_created_by_is_preserved_across_updates(env: Env) -> None:
    await make_roles(env, "x", "y")
    existing = to_message(USER, "bob", {"roles": ["x"], "traits": {"logins": ["old"]}})
    existing.Spec.CreatedBy.User.Name = "bootstrap-admin"
    existing.Spec.CreatedBy.Time.CopyFrom(Timestamp(seconds=1_700_000_000))
    await env.tctl.create_user(existing)

    async with env.operator():
        await env.create(USER, "bob", {"roles": ["x"], "traits": {"logins": ["bob"]}})
        await env.wait_ready(USER, "bob")
        user = await env.tctl.get_user("bob")
        assert list(user.Spec.Traits.Values["logins"].Values) == ["bob"]
        assert user.Spec.CreatedBy.User.Name == "bootstrap-admin"
        assert user.Spec.CreatedBy.Time.seconds == 1_700_000_000

        await env.replace_spec(USER, "bob", {"roles": ["x", "y"], "traits": {"logins": ["bob"]}})
        await env.wait_ready(USER, "bob")
        user = await env.tctl.get_user("bob")
        assert list(user.Spec.Roles) == ["x", "y"]
        assert user.Spec.CreatedBy.User.Name == "bootstrap-admin"
        assert user.Spec.CreatedBy.Time.seconds == 1_700_000_000


async def test_missing_role_is_reported_then_converges(env: Env) -> None:
    await make_roles(env, "present")
    async with env.operator():
        await env.create(USER, "carol", {"roles": ["present", "ghost"]})
        cr = await env.wait_condition(
            USER, "carol", c.CONDITION_RECONCILED, c.STATUS_FALSE, c.REASON_TELEPORT_ERROR
        )
        reconciled = condition(cr, c.CONDITION_RECONCILED)
        assert reconciled is not None
        assert "role ghost is not found" in reconciled["message"], reconciled
        ready = condition(cr, c.CONDITION_READY)
        assert ready is not None, ready
        assert ready["status"] == c.STATUS_FALSE, ready

        async def warning() -> list[dict[str, Any]]:
            return [
                e
                for e in await env.events_for("carol")
                if e.get("type") == "Warning" and "role ghost is not found" in e.get("message", "")
            ]

        await eventually(warning, what="a Warning event carrying Teleport's message")
        with pytest.raises(NotFound):
            await env.tctl.get_user("carol")
        assert env.teleport_writes(kind="user") == []

        # The admin creates the role: the operator's retries make the user converge.
        await make_roles(env, "ghost")
        await env.wait_ready(USER, "carol", timeout=15)
        user = await env.tctl.get_user("carol")
        assert list(user.Spec.Roles) == ["present", "ghost"]


async def test_role_list_update(env: Env) -> None:
    await make_roles(env, "x", "y", "z")
    async with env.operator():
        await env.create(USER, "dave", {"roles": ["x", "z"]})
        await env.wait_ready(USER, "dave")
        assert list((await env.tctl.get_user("dave")).Spec.Roles) == ["x", "z"]

        await env.replace_spec(USER, "dave", {"roles": ["x", "z", "y"]})
        await env.wait_ready(USER, "dave")
        user: types.UserV2 = await env.tctl.get_user("dave")
        assert list(user.Spec.Roles) == ["x", "z", "y"]
