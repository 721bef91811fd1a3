"""Role and provision-token specifics (``role_controller_test.go``, ``provision_token_…``).

Roles: ``node_labels`` accepts a string or a list per key (``'*': '*'`` and ``'*': ['*']`` mean
the same); ``create_host_user_mode`` accepts its number or its name. (A label value that is an
object or a number is in ``test_validation``: ValidStructure=False, no Teleport call.)
Tokens: no expiry is set on the Teleport token; the GitHub bot token sample converges with its
join method, bot name and allow rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from teleop.operator.apis import kind_spec
from teleop.teleport.convert import encode
from tests.contract.harness import Env
from tests.unit.operator.samples import load_sample

pytestmark = pytest.mark.asyncio(loop_scope="session")

ROLE = kind_spec("TeleportRole")
TOKEN = kind_spec("TeleportProvisionToken")


@pytest.mark.parametrize("value", ["*", ["*"]], ids=["string", "list"])
async def test_node_labels_string_and_list_forms(env: Env, value: Any) -> None:
    async with env.operator():
        await env.create(ROLE, "labels", {"allow": {"logins": ["u"], "node_labels": {"*": value}}})
        await env.wait_ready(ROLE, "labels")
        role = await env.tctl.get_role("labels")
        assert list(role.Spec.Allow.NodeLabels.Values["*"].Values) == ["*"]


@pytest.mark.parametrize("mode", [3, "keep"], ids=["number", "name"])
async def test_create_host_user_mode_number_or_name(env: Env, mode: Any) -> None:
    async with env.operator():
        await env.create(ROLE, "hostusers", {"options": {"create_host_user_mode": mode}})
        await env.wait_ready(ROLE, "hostusers")
        role = await env.tctl.get_role("hostusers")
        assert encode(role)["spec"]["options"]["create_host_user_mode"] == "keep"


async def test_token_has_no_expiry(env: Env) -> None:
    async with env.operator():
        await env.create(TOKEN, "no-expiry", {"roles": ["Node"], "join_method": "token"})
        await env.wait_ready(TOKEN, "no-expiry")
        token = await env.tctl.get_token("no-expiry")
        assert not token.Metadata.HasField("Expires"), token.Metadata.Expires
        assert list(token.Spec.Roles) == ["Node"]


async def test_github_bot_token(env: Env) -> None:
    sample = load_sample(TOKEN)
    async with env.operator():
        await env.create(TOKEN, "gha-bot", sample["spec"])
        await env.wait_ready(TOKEN, "gha-bot")
        token = await env.tctl.get_token("gha-bot")
        assert list(token.Spec.Roles) == ["Bot"]
        assert token.Spec.JoinMethod == "github"
        assert token.Spec.BotName == "ci-bot"
        allow = token.Spec.GitHub.Allow
        assert [a.Repository for a in allow] == ["example-org/infrastructure"]
        assert allow[0].Ref == "refs/heads/main"
        assert not token.Metadata.HasField("Expires")
