"""The reflector's backoff: 0.8 s doubling to 30 s, jittered, reset after 2 healthy minutes."""

from __future__ import annotations

import random

from teleop.runtime.cache.backoff import Backoff, BackoffPolicy
from teleop.testing.clock import FakeClock


class _Max(random.Random):
    def random(self) -> float:
        return 0.999999


async def test_doubles_to_the_cap_without_jitter() -> None:
    clock = FakeClock()
    b = Backoff(BackoffPolicy(jitter=0.0), clock=clock)
    delays = [b.next_delay() for _ in range(8)]
    assert delays == [0.8, 1.6, 3.2, 6.4, 12.8, 25.6, 30.0, 30.0]


async def test_jitter_stays_within_bounds() -> None:
    clock = FakeClock()
    b = Backoff(BackoffPolicy(), clock=clock, rng=_Max())
    assert 1.59 < b.next_delay() <= 1.6
    seen = [Backoff(BackoffPolicy(), clock=clock).next_delay() for _ in range(200)]
    assert all(0.8 <= d <= 1.6 for d in seen)
    for _ in range(10):
        assert b.next_delay() <= 30.0


async def test_resets_after_two_healthy_minutes() -> None:
    clock = FakeClock()
    b = Backoff(BackoffPolicy(jitter=0.0), clock=clock)
    b.next_delay()
    b.next_delay()
    await clock.advance(119)
    assert b.next_delay() == 3.2
    await clock.advance(121)
    assert b.next_delay() == 0.8


async def test_wait_sleeps_on_the_clock() -> None:
    clock = FakeClock()
    b = Backoff(BackoffPolicy(jitter=0.0), clock=clock)
    assert await _run_wait(clock, b, at_least=5.0) == 5.0
    assert await _run_wait(clock, b) == 1.6


async def _run_wait(clock: FakeClock, b: Backoff, at_least: float = 0.0) -> float:
    import asyncio

    task = asyncio.create_task(b.wait(at_least))
    await clock.advance(60)
    return await task
