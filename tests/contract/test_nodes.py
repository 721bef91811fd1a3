"""Node kinds only manage nodes of their own sub kind, as the Go operator's OpenSSH adapters do.

A node of the same name with another sub kind (an EICE node under a TeleportOpenSSHServerV2, or
a Teleport agent's own heartbeat, sub kind empty) makes the reconcile fail with a Teleport error
(CompareFailed) and is never written or deleted; and the CR's sub kind is what reaches Teleport.
"""

from __future__ import annotations

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis import kind_spec
from tests.contract.harness import Env, condition
from tests.contract.primitives import primitives, tctl_read, tctl_write, to_message

pytestmark = pytest.mark.asyncio(loop_scope="session")

OPENSSH = kind_spec("TeleportOpenSSHServerV2")
EICE = kind_spec("TeleportOpenSSHEICEServerV2")


async def test_each_node_kind_writes_its_sub_kind(env: Env) -> None:
    async with env.operator():
        for kind in (OPENSSH, EICE):
            await env.create(kind, f"n-{kind.sub_kind}", primitives(kind.kind).valid())
        for kind in (OPENSSH, EICE):
            await env.wait_ready(kind, f"n-{kind.sub_kind}")
            node = await tctl_read(env.tctl, kind, f"n-{kind.sub_kind}")
            assert node.SubKind == kind.sub_kind


async def test_a_node_of_another_sub_kind_is_never_touched(env: Env) -> None:
    name = "shared-name"
    eice = primitives(EICE.kind)
    existing = to_message(EICE, name, eice.valid())  # owned, but an EICE node
    before = await tctl_write(env.tctl, EICE, existing)
    mark = env.teleport_mark()
    async with env.operator():
        await env.create(OPENSSH, name, primitives(OPENSSH.kind).valid())
        cr = await env.wait_condition(
            OPENSSH, name, c.CONDITION_RECONCILED, c.STATUS_FALSE, c.REASON_TELEPORT_ERROR
        )
        cond = condition(cr, c.CONDITION_RECONCILED)
        assert cond is not None
        assert "openssh-ec2-ice" in cond["message"], cond
        assert env.teleport_writes(since=mark) == []
    after = await tctl_read(env.tctl, EICE, name)
    assert after == before
