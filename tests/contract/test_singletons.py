"""Singleton kinds (Teleport holds one resource of each, under a fixed name).

A CR of a singleton kind with another name is refused before anything reaches Teleport: it gets
``ValidStructure=False``/``FailedToDecode`` and ``Ready=False`` naming the required name, no
finalizer and no Teleport call, and the singleton the correctly named CR manages is left alone.
"""

from __future__ import annotations

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis.conventions import FINALIZER
from tests.contract.harness import Env, condition
from tests.contract.primitives import PRIMITIVES, Primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

SINGLETONS = [p for p in PRIMITIVES if p.kind.singleton_name]


@pytest.mark.parametrize("p", SINGLETONS, ids=lambda p: p.id)
async def test_a_wrongly_named_singleton_is_refused_with_a_clear_condition(
    env: Env, p: Primitives
) -> None:
    kind = p.kind
    right, wrong = kind.singleton_name, "not-the-singleton"
    async with env.operator() as op:
        await env.create(kind, right, p.valid())
        await env.wait_ready(kind, right)
        before = await p.read(env.tctl, right)
        writes = len(env.teleport_writes())

        await env.create(kind, wrong, p.changed())
        cr = await env.wait_condition(
            kind, wrong, c.CONDITION_VALID_STRUCTURE, c.STATUS_FALSE, c.REASON_FAILED_TO_DECODE
        )
        valid = condition(cr, c.CONDITION_VALID_STRUCTURE)
        assert valid is not None
        assert "metadata.name" in valid["message"], valid
        assert repr(right) in valid["message"], valid
        ready = condition(cr, c.CONDITION_READY)
        assert ready is not None
        assert ready["status"] == c.STATUS_FALSE, ready
        assert FINALIZER not in (cr["metadata"].get("finalizers") or [])

        await op.settle(kind, [right, wrong])
        assert len(env.teleport_writes()) == writes, env.teleport_writes()
        p.assert_matches(await p.read(env.tctl, right), p.valid())
        assert (await p.read(env.tctl, right)) == before

        # The refused CR goes away without touching Teleport's singleton.
        await env.delete(kind, wrong)
        await env.wait_gone(kind, wrong)
        assert (await p.read(env.tctl, right)) == before
