"""Randomised mix of adds, delayed adds, time and workers: no key is lost or run twice at once."""

from __future__ import annotations

import asyncio
import random

import pytest

from teleop.runtime.workqueue import DelayingQueue
from teleop.testing.clock import FakeClock, settle


@pytest.mark.parametrize("seed", range(8))
async def test_every_request_is_followed_by_a_pass(seed: int) -> None:
    rng = random.Random(seed)
    clock = FakeClock()
    q: DelayingQueue[int] = DelayingQueue(clock=clock)
    seq = 0
    last_request: dict[int, int] = {}
    last_pass: dict[int, int] = {}
    active: set[int] = set()
    overlaps = 0

    async def worker() -> None:
        nonlocal seq, overlaps
        while (key := await q.get()) is not None:
            if key in active:
                overlaps += 1
            active.add(key)
            seq += 1
            last_pass[key] = seq
            for _ in range(rng.randrange(3)):
                await asyncio.sleep(0)
            active.discard(key)
            q.done(key)

    async with asyncio.TaskGroup() as tg:
        for _ in range(rng.randrange(1, 5)):
            tg.create_task(worker())
        for _ in range(300):
            action = rng.random()
            key = rng.randrange(6)
            if action < 0.4:
                seq += 1
                last_request[key] = seq
                q.add(key)
            elif action < 0.8:
                seq += 1
                last_request[key] = seq
                q.add_after(key, rng.choice([0, 0.25, 0.5, 1.0, 3.0]))
            elif action < 0.9:
                await clock.advance(rng.choice([0.1, 0.3, 1.0]))
            else:
                await settle(rng.randrange(1, 4))
        await clock.advance(10)
        await q.shut_down_with_drain()
    assert overlaps == 0
    for key, requested in last_request.items():
        assert last_pass.get(key, 0) > requested, key
