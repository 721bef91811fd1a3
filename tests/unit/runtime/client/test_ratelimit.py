"""The client-side token bucket, driven by FakeClock."""

from __future__ import annotations

import asyncio

import pytest

from teleop.runtime.client.ratelimit import TokenBucket
from teleop.testing.clock import FakeClock


async def test_burst_then_qps() -> None:
    clock = FakeClock()
    bucket = TokenBucket(qps=2, burst=3, clock=clock)
    done: list[int] = []

    async def one(i: int) -> None:
        await bucket.acquire()
        done.append(i)

    async with asyncio.TaskGroup() as tg:
        for i in range(6):
            tg.create_task(one(i))
        await clock.advance(0)
        assert done == [0, 1, 2]  # the burst passes at once
        await clock.advance(0.5)
        assert done == [0, 1, 2, 3]  # then one token per 1/qps, in arrival order
        await clock.advance(0.5)
        assert done == [0, 1, 2, 3, 4]
        await clock.advance(0.5)
    assert done == list(range(6))


async def test_refill_caps_at_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(qps=10, burst=2, clock=clock)
    assert bucket.try_acquire()
    assert bucket.try_acquire()
    assert not bucket.try_acquire()
    await clock.advance(100)
    assert bucket.try_acquire()
    assert bucket.try_acquire()
    assert not bucket.try_acquire()


async def test_cancelled_waiter_returns_its_token() -> None:
    clock = FakeClock()
    bucket = TokenBucket(qps=1, burst=1, clock=clock)
    await bucket.acquire()
    waiter = asyncio.create_task(bucket.acquire())
    await clock.advance(0.1)
    waiter.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    await clock.advance(0.9)
    assert bucket.try_acquire()


def test_rejects_bad_settings() -> None:
    with pytest.raises(ValueError):
        TokenBucket(qps=0, burst=1, clock=FakeClock())
    with pytest.raises(ValueError):
        TokenBucket(qps=1, burst=0, clock=FakeClock())
