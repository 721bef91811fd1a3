"""Enterprise gating: with faketeleport reporting OSS features (OIDC, SAML, Okta off), CRs of the
kinds that need them get a condition saying why, and Teleport is never called for them, while
the other kinds keep working in the same operator.
"""

from __future__ import annotations

from typing import Any

import pytest

from teleop.operator.apis import KINDS, kind_spec
from teleop.operator.apis import conditions as c
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import primitives
from tests.contract.test_validation import method_part

pytestmark = pytest.mark.asyncio(loop_scope="session")

GATED = [k.kind for k in KINDS if k.gates]
ROLE = kind_spec("TeleportRole")


@pytest.mark.parametrize("kind_name", GATED)
async def test_gated_kind_says_why_and_never_calls_teleport(oss_env: Env, kind_name: str) -> None:
    env = oss_env
    kind = kind_spec(kind_name)
    p = primitives(kind_name)
    async with env.operator() as op:
        assert not kind.enabled_by(op.operator.features), "OSS features should gate it off"
        await env.create(kind, "gated", p.valid())
        await env.create(ROLE, "open", primitives("TeleportRole").valid())

        cr = await env.wait_condition(kind, "gated", c.CONDITION_READY, c.STATUS_FALSE)
        ready = condition(cr, c.CONDITION_READY)
        assert ready is not None
        assert ready["reason"], ready
        assert any(gate in ready["message"] for gate in kind.gates), ready
        assert "Enterprise" in ready["message"] or "enterprise" in ready["message"], ready
        await env.wait_ready(ROLE, "open")

        await op.settle(kind, ["gated"])
        assert op.teleport_calls(method_part(kind)) == 0, "Teleport was called for a gated kind"
        assert {(w.kind, w.name) for w in env.teleport_writes()} == {("role", "open")}
        await eventually(lambda: _warning(env, "gated"), what="a Warning event saying why")


async def _warning(env: Env, name: str) -> list[dict[str, Any]]:
    return [e for e in await env.events_for(name) if e.get("type") == "Warning"]
