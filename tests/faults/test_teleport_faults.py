"""Teleport faults: an outage mid-run, latency spikes, PERMISSION_DENIED for one kind.

Each error must be visible while it lasts (SuccessfullyReconciled=False/TeleportError and
Ready=False with Teleport's words, and a Warning Event), retries must back off (counted from the
operator's metrics against what per-item exponential backoff allows in the fault window; a hot
loop would make thousands of attempts), and once the fault clears every CR converges with
exactly one owned Teleport object per CR.

Durations are scaled down from the issue's (a 30 s outage) to 3 s: backoff is exponential, so the
bound scales with the logarithm of the window and the check keeps its meaning.
"""

from __future__ import annotations

import asyncio
import math
from typing import Any

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis import kind_spec
from teleop.testing.faketeleport.state import ROLE as STORE_ROLE
from teleop.testing.faketeleport.state import TOKEN as STORE_TOKEN
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import primitives
from tests.faults.checks import assert_converged, assert_only_owned_writes, counters
from tests.faults.churn import ROLE, create, in_batches, role_spec, update

pytestmark = pytest.mark.faults

TOKEN = kind_spec("TeleportProvisionToken")


def reconciles_allowed(window: float, first: float = 0.005) -> int:
    """Attempts per key per-item backoff (``first`` doubling) allows in ``window`` seconds, +1."""
    return math.ceil(math.log2(window / first + 1)) + 1


async def warning_reasons(env: Env, name: str) -> set[str]:
    return {e["reason"] for e in await env.events_for(name) if e["type"] == "Warning"}


async def assert_error_visible(env: Env, kind: Any, name: str, words: str) -> None:
    """SuccessfullyReconciled=False/TeleportError, Ready=False, both naming ``words``, and a
    Warning Event."""

    async def visible() -> bool:
        cr = await env.must_get(kind, name)
        rec = condition(cr, c.CONDITION_RECONCILED)
        ready = condition(cr, c.CONDITION_READY)
        assert rec is not None, cr.get("status")
        assert (rec["status"], rec["reason"]) == (c.STATUS_FALSE, c.REASON_TELEPORT_ERROR), rec
        assert words in rec["message"], rec["message"]
        assert ready is not None, cr.get("status")
        assert ready["status"] == c.STATUS_FALSE, ready
        assert await warning_reasons(env, name), "no Warning event"
        return True

    await eventually(visible, 10, what=f"{name}'s error in its status and Events")


async def test_outage_mid_run_is_visible_backs_off_and_converges(world: Env) -> None:
    env = world
    n, outage = 20, 3.0
    names = [f"r{i:04d}" for i in range(n)]
    async with env.operator() as op:
        await in_batches([lambda name=name: create(env, name) for name in names[:5]])
        await assert_converged(env, ROLE, STORE_ROLE, names[:5])
        before = counters(op, ROLE)
        env.teleport.faults.outage(outage)
        started = asyncio.get_running_loop().time()
        await in_batches([lambda name=name: create(env, name) for name in names[5:]])
        await in_batches([lambda name=name: update(env, name, 1) for name in names[:5]])
        await assert_error_visible(env, ROLE, names[-1], "Teleport could not be reached")
        await assert_converged(env, ROLE, STORE_ROLE, names, timeout=outage + 20)
        window = asyncio.get_running_loop().time() - started
        after = counters(op, ROLE)
        errors, attempts = after.errors - before.errors, after.teleport - before.teleport
        per_key = reconciles_allowed(window)
        assert errors <= n * per_key, (errors, n, per_key)
        # Each reconcile makes a few calls, each retried at most 4 times by the client.
        assert attempts <= n * per_key * 4 * 2, (attempts, n, per_key)
        hot_loop = n * window / 0.001
        assert errors < hot_loop / 100
        assert_only_owned_writes(env, names)
        for name in names[:5]:
            cr = await env.must_get(ROLE, name)
            assert cr["spec"] == role_spec(name, 1)


async def test_latency_spikes_write_each_change_exactly_once(world: Env) -> None:
    env = world
    n = 30
    names = [f"r{i:04d}" for i in range(n)]

    async def spikes() -> None:
        """0.3 s more on every call for 0.2 s out of every 0.5 s (below the call deadline)."""
        while True:
            rule = env.teleport.faults.delay("*", 0.3)
            await asyncio.sleep(0.2)
            env.teleport.faults.remove(rule.id)
            await asyncio.sleep(0.3)

    async with env.operator():
        spiking = asyncio.create_task(spikes())
        try:
            await in_batches([lambda name=name: create(env, name) for name in names])
            await assert_converged(env, ROLE, STORE_ROLE, names)
            await in_batches([lambda name=name: update(env, name, 1) for name in names])

            async def updated() -> bool:
                for name in names:
                    role: Any = env.teleport.store.get(STORE_ROLE, name)
                    assert list(role.Spec.Allow.Logins) == [f"{name}-v1"], name
                return True

            await eventually(updated, 20, what="every update in Teleport")
        finally:
            spiking.cancel()
            await asyncio.gather(spiking, return_exceptions=True)
        env.teleport.faults.clear()
        await assert_converged(env, ROLE, STORE_ROLE, names)
    writes = env.teleport_writes(kind="role")
    assert len(writes) == 2 * n, f"{len(writes)} writes for {n} creates and {n} updates"


async def test_permission_denied_for_one_kind_leaves_the_others_alone(world: Env) -> None:
    env = world
    roles = [f"r{i}" for i in range(5)]
    tokens = [f"t{i}" for i in range(5)]
    token_spec = primitives(TOKEN.kind).valid()
    async with env.operator() as op:
        env.teleport.faults.deny_kind("role")
        started = asyncio.get_running_loop().time()
        await in_batches([lambda name=name: create(env, name) for name in roles])
        for name in tokens:
            await env.create(TOKEN, name, token_spec)
        await assert_converged(env, TOKEN, STORE_TOKEN, tokens)
        for name in roles:
            await assert_error_visible(env, ROLE, name, "Teleport denied teleop access")
        await asyncio.sleep(1.0)
        window = asyncio.get_running_loop().time() - started
        errors = counters(op, ROLE).errors
        assert 0 < errors <= len(roles) * reconciles_allowed(window), (errors, window)
        assert counters(op, TOKEN).errors == 0
        env.teleport.faults.clear()
        await assert_converged(env, ROLE, STORE_ROLE, roles, timeout=40)
    assert_only_owned_writes(env, roles + tokens)
