"""A watching standby: renewals observed as they happen, take-over at expiry, release at once."""

from __future__ import annotations

import asyncio

import pytest

from teleop.runtime.client.errors import Forbidden
from teleop.runtime.leaderelection import EXPIRY_MARGIN
from teleop.testing.clock import FakeClock
from tests.unit.runtime.leaderelection.memlock import MemoryLeaseStore, WatchingMemoryLock
from tests.unit.runtime.leaderelection.test_elector import CFG, _expect_lost, member, running

POLL_MAX = CFG.retry_period * (1 + CFG.jitter_factor)


async def test_crash_takeover_is_scheduled_at_expiry_of_the_last_renewal() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", seed=5, watch=True)
    async with asyncio.TaskGroup() as tg:
        a_task = tg.create_task(_expect_lost(a.elector))
        await clock.advance(0)
        async with running(b):
            await clock.advance(5.0)  # a renewed at 2 and 4 (every retry period)
            assert store.writes[-1][0] == "a"
            a.lock.hang = True  # a's next renewal (at 6) never reaches the store: a "crash"
            await clock.advance(4.0 + CFG.lease_duration - 5.0 - 0.01)
            await clock.advance(0)
            assert not b.elector.leading
            await clock.advance(EXPIRY_MARGIN + 0.01)  # to expiry + margin exactly
            assert b.elector.leading
            # observed at 4.0 via the watch, not at b's next poll; tried at expiry, not at a poll
            assert b.started == [pytest.approx(4.0 + CFG.lease_duration + EXPIRY_MARGIN)]
            assert a_task.done()
            assert a.worker_cancelled[0] < b.started[0]


async def test_renewals_seen_through_the_watch_never_let_a_standby_in() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", watch=True)
    async with running(a, b):
        await clock.advance(60)
        assert a.elector.leading
        assert not b.elector.leading
        assert "update" not in b.lock.calls  # no take-over attempt while the lease is renewed
        assert {who for who, _ in store.writes} == {"a"}


async def test_graceful_release_is_taken_over_at_once() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", seed=3, watch=True)
    async with running(a, b):
        await clock.advance(5.3)
        a.elector.stop()
        await clock.advance(0)
        assert a.worker_cancelled == [5.3]
        assert b.elector.leading
        assert b.started == [5.3]  # no poll period passed
        assert store.record is not None
        assert store.record.holder_identity == "b"


async def test_two_watching_standbys_race_for_a_release_and_one_wins() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a = member(store, clock, "a")
    b, c = member(store, clock, "b", watch=True), member(store, clock, "c", seed=2, watch=True)
    async with running(a, b, c):
        await clock.advance(3.0)
        a.elector.stop()
        await clock.advance(0)
        await clock.advance(10)
        assert b.elector.leading != c.elector.leading
        assert [who for who, _ in store.writes].count("b") + [who for who, _ in store.writes].count(
            "c"
        ) >= 1


async def test_a_broken_watch_falls_back_to_polling_and_is_retried() -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", watch=True)
    assert isinstance(b.lock, WatchingMemoryLock)
    b.lock.watch_fail = True
    async with running(a, b):
        await clock.advance(3 * CFG.retry_period + 0.1)
        assert b.lock.watches >= 3  # re-watched every retry period
        a.elector.stop()
        await clock.advance(0)
        assert not b.elector.leading  # nobody told b: it finds out at its next poll
        await clock.advance(POLL_MAX)
        assert b.elector.leading
        assert store.record is not None
        assert store.record.holder_identity == "b"


async def test_a_forbidden_watch_is_not_retried(caplog: pytest.LogCaptureFixture) -> None:
    clock, store = FakeClock(), MemoryLeaseStore()
    a, b = member(store, clock, "a"), member(store, clock, "b", watch=True)
    assert isinstance(b.lock, WatchingMemoryLock)
    b.lock.watch_error = Forbidden(403, "Forbidden", "cannot watch leases")
    async with running(a, b):
        await clock.advance(10 * CFG.retry_period)
        assert b.lock.watches == 1
        assert "grant the verb watch on leases" in caplog.text
        a.elector.stop()
        await clock.advance(POLL_MAX)
        assert b.elector.leading
