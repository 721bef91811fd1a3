"""The elector's algorithm on a FakeClock and an in-memory lock: acquire, wait, renew, lose, release."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from teleop.runtime.leaderelection import (
    LeaderCallbacks,
    LeaderElectionConfig,
    LeaderElectionLostError,
    LeaderElectionRecord,
    LeaderElector,
)
from teleop.runtime.metrics import RuntimeMetrics
from teleop.testing.clock import FakeClock
from tests.unit.runtime.leaderelection.memlock import (
    MemoryLeaseStore,
    MemoryLock,
    WatchingMemoryLock,
)

CFG = LeaderElectionConfig(name="lease")


@dataclass
class Member:
    elector: LeaderElector
    lock: MemoryLock
    metrics: RuntimeMetrics
    clock: FakeClock
    started: list[float] = field(default_factory=list)
    stopped: list[float] = field(default_factory=list)
    worker_cancelled: list[float] = field(default_factory=list)
    leaders: list[str] = field(default_factory=list)
    task: asyncio.Task[None] | None = None

    def status(self) -> float | None:
        return self.metrics.registry.get_sample_value(
            "leader_election_master_status", {"name": "lease"}
        )

    def slowpath(self) -> float | None:
        return self.metrics.registry.get_sample_value(
            "leader_election_slowpath_total", {"name": "lease"}
        )


def member(
    store: MemoryLeaseStore,
    clock: FakeClock,
    identity: str,
    config: LeaderElectionConfig = CFG,
    seed: int = 1,
    *,
    watch: bool = False,
) -> Member:
    lock = WatchingMemoryLock(store, identity) if watch else MemoryLock(store, identity)
    metrics = RuntimeMetrics()
    m: Member

    async def work() -> None:
        m.started.append(clock.monotonic())
        try:
            await asyncio.Event().wait()
        finally:
            m.worker_cancelled.append(clock.monotonic())

    callbacks = LeaderCallbacks(
        on_started_leading=work,
        on_stopped_leading=lambda: m.stopped.append(clock.monotonic()),
        on_new_leader=lambda who: m.leaders.append(who),
    )
    elector = LeaderElector(
        lock, config, clock=clock, metrics=metrics, callbacks=callbacks, rng=random.Random(seed)
    )
    m = Member(elector, lock, metrics, clock)
    return m


@asynccontextmanager
async def running(*members: Member) -> AsyncIterator[None]:
    async with asyncio.TaskGroup() as tg:
        for m in members:
            m.task = tg.create_task(m.elector.run())
        await members[0].clock.advance(0)
        try:
            yield
        finally:
            for m in members:
                m.elector.stop()
            for m in members:
                if m.task is not None and not m.task.done():
                    await m.clock.advance(0)
            for m in members:
                if m.task is not None and not m.task.done():
                    m.task.cancel()


async def test_acquires_a_free_lock_at_once() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    async with running(a):
        assert a.elector.leading
        assert a.elector.is_leader
        assert a.started == [0.0]
        assert a.status() == 1.0
        assert store.record is not None
        assert store.record.holder_identity == "a"
        assert store.record.lease_duration_seconds == 15
        assert store.record.leader_transitions == 0
        assert a.leaders == ["a"]
        assert a.lock.events == ["became leader"]


async def test_standby_waits_for_expiry_on_its_own_clock() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    # Held by a dead leader whose (remote) renewTime is long past: must not be trusted.
    old = datetime(2000, 1, 1, tzinfo=UTC)
    store.put(LeaderElectionRecord("dead", 15, old, old, 3))
    b = member(store, clock, "b")
    async with running(b):
        assert not b.elector.leading
        assert b.elector.leader == "dead"
        assert b.leaders == ["dead"]
        assert b.status() == 0.0
        await clock.advance(14.9)
        assert not b.elector.leading
        await clock.advance(4.5)  # expiry at 15, next poll at most 4.4 s later
        assert b.elector.leading
        assert 15.0 < b.started[0] <= 15.0 + 4.4
        assert store.record is not None
        assert store.record.holder_identity == "b"
        assert store.record.leader_transitions == 4


async def test_standby_restarts_its_wait_whenever_the_record_changes() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b")
    async with running(a, b):
        assert a.elector.leading
        await clock.advance(60)
        assert a.elector.leading
        assert not b.elector.leading
        assert b.leaders == ["a"]


async def test_renewal_uses_the_fast_path() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    async with running(a):
        a.lock.calls.clear()
        await clock.advance(20)
        assert a.lock.calls == ["update"] * 10  # every retry period, no Get
        assert a.slowpath() == 0.0 or a.slowpath() is None
        assert store.record is not None
        assert store.record.renew_time == clock.now()
        assert store.record.acquire_time == FakeClock().now()


async def test_renewal_falls_back_to_the_slow_path_on_conflict() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    async with running(a):
        assert store.record is not None
        store.put(store.record)  # same content, new version: a's cached object is stale
        a.lock.calls.clear()
        await clock.advance(2)
        assert a.lock.calls == ["update", "get", "update"]
        assert a.slowpath() == 1.0
        assert a.elector.leading


async def test_leader_stops_before_the_lease_could_expire_for_others() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", seed=2)
    async with asyncio.TaskGroup() as tg:
        a_task = tg.create_task(_expect_lost(a.elector))
        await clock.advance(0)
        async with running(b):
            assert a.elector.leading
            assert not b.elector.leading
            await clock.advance(2)  # b has seen a's latest renewal at t=2
            last_renew = 2.0
            a.lock.hang = True  # a's requests never come back (frozen apiserver path)
            await _advance_until(clock, lambda: bool(b.started), 40)
            assert a_task.done()
            assert b.started, "the standby never took over"
            assert a.worker_cancelled[0] <= last_renew + CFG.renew_deadline
            assert a.stopped[0] <= last_renew + CFG.renew_deadline
            assert a.worker_cancelled[0] < b.started[0]
            assert b.started[0] >= last_renew + CFG.lease_duration
            assert a.status() == 0.0


async def _advance_until(clock: FakeClock, done: object, limit: float) -> None:
    assert callable(done)
    for _ in range(int(limit * 10)):
        await clock.advance(0.1)
        if done():
            return


async def test_failing_requests_cost_the_lease_after_the_renew_deadline() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(_expect_lost(a.elector))
        await clock.advance(0)
        a.lock.fail = True
        await clock.advance(9.9)
        assert a.elector.leading  # deadline counts from the last success at t=0
        await clock.advance(0.2)
        assert not a.elector.leading
        assert a.stopped == [10.0]
        assert a.worker_cancelled == [10.0]
        await task


async def _expect_lost(elector: LeaderElector) -> None:
    with pytest.raises(LeaderElectionLostError):
        await elector.run()


async def test_losing_to_another_holder_stops_at_once() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(_expect_lost(a.elector))
        await clock.advance(0)
        now = clock.now()
        store.put(LeaderElectionRecord("intruder", 15, now, now, 1))
        await clock.advance(2)
        assert not a.elector.leading
        assert a.stopped == [2.0]
        assert a.leaders == ["a", "intruder"]
        await task


async def test_graceful_stop_releases_and_a_standby_takes_over_on_its_next_poll() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", seed=3)
    async with running(a, b):
        await clock.advance(5)
        a.elector.stop()
        await clock.advance(0)
        assert a.task is not None
        assert a.task.done()
        assert a.task.exception() is None
        assert a.worker_cancelled == [5.0]
        assert a.stopped == [5.0]
        assert store.record is not None
        assert store.record.holder_identity == ""
        assert store.record.lease_duration_seconds == 1
        assert a.lock.events == ["became leader", "stopped leading"]
        await clock.advance(CFG.retry_period * (1 + CFG.jitter_factor))
        assert b.elector.leading
        assert b.started[0] - 5.0 <= CFG.retry_period * (1 + CFG.jitter_factor)
        assert store.record.holder_identity == "b"


async def test_cancellation_also_releases() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    task = asyncio.create_task(a.elector.run())
    await clock.advance(1)
    task.cancel()
    await clock.advance(0)
    with pytest.raises(asyncio.CancelledError):
        await task
    assert store.record is not None
    assert store.record.holder_identity == ""


async def test_no_release_when_disabled() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    cfg = LeaderElectionConfig(name="lease", release_on_cancel=False)
    a = member(store, clock, "a", cfg)
    async with running(a):
        await clock.advance(1)
    assert store.record is not None
    assert store.record.holder_identity == "a"


async def test_standbys_racing_for_a_released_lease_yield_one_winner() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    t = clock.now()
    store.put(LeaderElectionRecord("", 1, t, t, 0))
    members = [member(store, clock, f"s{i}", seed=7 + i) for i in range(3)]
    barrier = asyncio.Barrier(3)
    for m in members:
        m.lock.barrier = barrier  # the three read the free lease before anyone writes
    async with running(*members):
        await clock.advance(20)
        leaders = [m for m in members if m.elector.leading]
        assert len(leaders) == 1
        assert store.record is not None
        assert store.record.leader_transitions == 1
        losers = [m for m in members if m not in leaders]
        assert all(m.lock.calls[:2] == ["get", "update"] for m in losers)  # ... and got 409
        assert all(m.elector.leader == leaders[0].elector.identity for m in losers)


async def test_acquire_retries_are_jittered_between_retry_and_2_2_retry() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    t = clock.now()
    store.put(LeaderElectionRecord("other", 3600, t, t, 0))
    b = member(store, clock, "b", seed=11)
    times: list[float] = []
    orig = b.lock.get

    async def timed_get() -> LeaderElectionRecord:
        times.append(clock.monotonic())
        return await orig()

    b.lock.get = timed_get  # type: ignore[method-assign]
    async with running(b):
        for _ in range(400):
            await clock.advance(0.5)
    gaps = [y - x for x, y in itertools.pairwise(times)]
    assert len(gaps) > 40
    assert all(2.0 <= g <= 4.4 + 0.5 for g in gaps)
    assert min(gaps) < 2.6
    assert max(gaps) > 3.8


async def test_async_callbacks_are_awaited() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    seen: list[str] = []

    async def on_new_leader(who: str) -> None:
        await asyncio.sleep(0)
        seen.append(f"new:{who}")

    async def on_stopped() -> None:
        await asyncio.sleep(0)
        seen.append("stopped")

    async def lead() -> None:
        seen.append("leading")
        await asyncio.Event().wait()

    elector = LeaderElector(
        MemoryLock(store, "a"),
        CFG,
        clock=clock,
        callbacks=LeaderCallbacks(lead, on_stopped, on_new_leader),
    )
    task = asyncio.create_task(elector.run())
    await clock.advance(1)
    elector.stop()
    await clock.advance(0)
    await task
    assert sorted(seen[:2]) == ["leading", "new:a"]  # two tasks: either order
    assert seen[2:] == ["stopped"]
