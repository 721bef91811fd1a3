"""Two replicas, as the Deployment runs them: only the Lease holder reconciles; after it stops
(releasing the Lease), the standby takes over, re-verifies what exists without writing, and
reconciles what is new.
"""

from __future__ import annotations

from typing import Any

import pytest

from teleop.operator.apis import kind_spec
from tests.contract.harness import Env, eventually
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

ROLE = kind_spec("TeleportRole")


async def holder(env: Env) -> Any:
    r = await env.api.get(
        f"/apis/coordination.k8s.io/v1/namespaces/{env.namespace}/leases/teleop-contract"
    )
    assert r.status == 200, r.body
    return r.body["spec"].get("holderIdentity")


async def test_only_the_leader_reconciles_and_the_standby_takes_over(env: Env) -> None:
    p = primitives("TeleportRole")
    first = env.operator()
    await first.start()
    try:
        await eventually(lambda: first.operator.manager.is_leader, what="the first replica leads")
        leader = await holder(env)
        assert leader
        async with env.operator() as second:
            await env.create(ROLE, "before", p.valid())
            await env.wait_ready(ROLE, "before")
            await first.settle(ROLE, ["before"])
            assert not second.operator.manager.is_leader
            assert second.reconciles(ROLE) == 0, "the standby reconciled"
            assert first.reconciles(ROLE) >= 1

            teleport_mark = env.teleport_mark()
            await first.stop()
            await eventually(
                lambda: second.operator.manager.is_leader, what="the standby to take over"
            )
            assert await holder(env) not in (None, "", leader)

            await eventually(
                lambda: second.reconciles(ROLE) >= 1, what="the new leader's first reconcile"
            )
            await second.settle(ROLE, ["before"])
            assert env.teleport_writes(since=teleport_mark) == []

            await env.create(ROLE, "after", p.changed())
            await env.wait_ready(ROLE, "after")
            p.assert_matches(await p.read(env.tctl, "after"), p.changed())
            assert [w.name for w in env.teleport_writes(since=teleport_mark)] == ["after"]
    finally:
        await first.stop()
