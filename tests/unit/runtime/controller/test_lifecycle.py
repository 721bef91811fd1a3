"""Controller lifecycle: cache sync, workers, watch, log fields, metrics, graceful shutdown."""

from __future__ import annotations

import asyncio

import pytest

from teleop.runtime.controller import CacheSyncTimeoutError, Options
from teleop.runtime.handler import EnqueueRequestsFromMapFunc
from teleop.runtime.predicate import GenerationChangedPredicate
from teleop.runtime.reconcile import Request, Result
from teleop.testing.clock import settle
from tests.unit.runtime.controller.support import REQ, Env, FakeSource, Script, running


def obj(name: str, generation: int = 1) -> dict[str, object]:
    return {"metadata": {"name": name, "namespace": "default", "generation": generation}}


def test_options_defaults_and_validation() -> None:
    o = Options()
    assert (o.max_concurrent_reconciles, o.rate_limiter, o.cache_sync_timeout) == (1, None, 120.0)
    assert (o.recover_panic, o.need_leader_election, o.reconcile_timeout) == (True, True, None)
    with pytest.raises(ValueError, match="max_concurrent"):
        Options(max_concurrent_reconciles=0)
    with pytest.raises(ValueError, match="cache_sync_timeout"):
        Options(cache_sync_timeout=0)
    with pytest.raises(ValueError, match="reconcile_timeout"):
        Options(reconcile_timeout=-1)


async def test_waits_for_sync_then_reconciles() -> None:
    env = Env(Script())
    source = FakeSource(synced=False)
    env.controller.watch(source)
    env.controller.enqueue(REQ)
    async with running(env):
        await env.clock.advance(1)
        assert env.reconciler.calls == []
        source.synced = True
        await env.clock.advance(0.1)  # next 100 ms poll
        assert env.reconciler.calls == [REQ]


async def test_cache_sync_timeout_fails_run() -> None:
    env = Env(Script(), cache_sync_timeout=2)
    env.controller.watch(FakeSource(synced=False))
    run = asyncio.create_task(env.controller.run())
    await env.clock.advance(1.9)
    assert not run.done()
    await env.clock.advance(0.1)
    with pytest.raises(CacheSyncTimeoutError, match="ctl"):
        await run
    assert env.controller.queue.shutting_down
    with pytest.raises(RuntimeError, match="already started"):
        await env.controller.run()


async def test_shutdown_during_cache_sync() -> None:
    env = Env(Script())
    env.controller.watch(FakeSource(synced=False))
    run = asyncio.create_task(env.controller.run())
    await settle()
    stop = asyncio.create_task(env.controller.shutdown())
    await env.clock.advance(0.1)
    await stop
    await run
    assert env.reconciler.calls == []


async def test_watch_uses_handler_and_predicates() -> None:
    env = Env(Script())
    source = FakeSource()
    env.controller.watch(source, predicates=[GenerationChangedPredicate()])
    mapped = FakeSource()
    env.controller.watch(
        mapped, handler=EnqueueRequestsFromMapFunc.factory(lambda o: [Request("default", "parent")])
    )
    async with running(env):
        (h,) = source.handlers
        h.on_update(obj("a"), obj("a"))  # same generation: filtered
        h.on_update(obj("b", 1), obj("b", 2))
        mapped.handlers[0].on_add(obj("child"), is_initial_list=True)
        await settle()
    assert env.reconciler.calls == [Request("default", "b"), Request("default", "parent")]


async def test_each_reconcile_logs_with_its_fields() -> None:
    env = Env(Script())
    async with running(env):
        env.controller.enqueue(REQ)
        env.controller.enqueue(Request("", "cluster-scoped"))
        await settle()
    first, second = env.reconciler.contexts
    assert {k: first[k] for k in ("controller", "namespace", "name")} == {
        "controller": "ctl",
        "namespace": "default",
        "name": "a",
    }
    assert second["namespace"] == ""
    assert second["name"] == "cluster-scoped"
    assert len({first["reconcileID"], second["reconcileID"]}) == 2


async def test_workers_metrics_and_concurrency_across_keys() -> None:
    release = asyncio.Event()

    async def block() -> Result:
        await release.wait()
        return Result()

    env = Env(Script(block, block, block), max_concurrent_reconciles=3)
    assert env.sample("controller_runtime_max_concurrent_reconciles") == 3
    keys = [Request("default", k) for k in "abc"]
    async with running(env):
        for k in keys:
            env.controller.enqueue(k)
        await settle()
        assert env.sample("controller_runtime_active_workers") == 3
        await env.clock.advance(2)
        release.set()
        await settle()
        assert env.sample("controller_runtime_active_workers") == 0
    assert env.sample("controller_runtime_reconcile_time_seconds_count") == 3
    assert env.sample("controller_runtime_reconcile_time_seconds_sum") == 6
    labels = {"name": "ctl", "controller": "ctl"}
    assert env.metrics.registry.get_sample_value("workqueue_adds_total", labels) == 3


async def test_cancel_finishes_in_flight_reconcile_and_takes_no_more() -> None:
    release = asyncio.Event()

    async def slow() -> Result:
        await release.wait()
        return Result()

    env = Env(Script(slow))
    run = asyncio.create_task(env.controller.run())
    await settle()
    env.controller.enqueue(REQ)
    env.controller.enqueue(Request("default", "queued"))
    await settle()
    run.cancel()
    await settle()
    assert not run.done()  # waiting for the reconcile in flight
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await run
    assert env.reconciler.finished == [REQ]
    assert env.reconciler.calls == [REQ]  # the queued key was left for the next leader
    assert env.results()["success"] == 1


async def test_second_cancel_aborts_in_flight_reconcile() -> None:
    aborted = asyncio.Event()

    async def hang() -> Result:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            aborted.set()
            raise
        return Result()  # pragma: no cover

    env = Env(Script(hang))
    run = asyncio.create_task(env.controller.run())
    await settle()
    env.controller.enqueue(REQ)
    await settle()
    run.cancel()
    await settle()
    assert not aborted.is_set()
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    assert aborted.is_set()


async def test_shutdown_grace_lets_reconcile_finish() -> None:
    async def takes_3s() -> Result:
        await env.clock.sleep(3)
        return Result()

    env = Env(Script(takes_3s))
    async with asyncio.TaskGroup() as tg:
        run = tg.create_task(env.controller.run())
        await settle()
        env.controller.enqueue(REQ)
        await settle()
        stop = tg.create_task(env.controller.shutdown(grace=10))
        await env.clock.advance(3)
        await stop
    assert run.result() is None
    assert env.reconciler.finished == [REQ]


async def test_shutdown_grace_expiry_cancels_reconcile() -> None:
    async def takes_60s() -> Result:
        await env.clock.sleep(60)
        return Result()

    env = Env(Script(takes_60s))
    async with asyncio.TaskGroup() as tg:
        run = tg.create_task(env.controller.run())
        await settle()
        env.controller.enqueue(REQ)
        await settle()
        stop = tg.create_task(env.controller.shutdown(grace=10))
        await env.clock.advance(9.9)
        assert not stop.done()
        await env.clock.advance(0.1)
        await stop
    assert run.result() is None  # run ends normally: the hard stop was ours, not a cancel
    assert env.reconciler.finished == []
    assert env.sample("controller_runtime_active_workers") == 0
    assert env.controller.queue.num_processing() == 0


async def test_shutdown_before_run() -> None:
    env = Env(Script())
    await env.controller.shutdown(grace=1)
    assert env.controller.queue.shutting_down
    assert env.controller.need_leader_election
