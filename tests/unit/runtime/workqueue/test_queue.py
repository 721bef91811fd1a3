"""The basic queue's guarantees: dedup, one worker per key, re-add runs once more, shutdown."""

from __future__ import annotations

import asyncio
import random

import pytest

from teleop.runtime.workqueue import Queue
from teleop.testing.clock import FakeClock, settle


def new_queue() -> Queue[str]:
    return Queue(clock=FakeClock())


async def test_fifo_and_dedup_while_queued() -> None:
    q = new_queue()
    for key in ("a", "b", "a", "c", "b"):
        q.add(key)
    assert q.len() == 3
    assert [await q.get(), await q.get(), await q.get()] == ["a", "b", "c"]
    assert q.len() == 0


async def test_readd_while_processing_runs_exactly_once_more_after_done() -> None:
    q = new_queue()
    q.add("a")
    item = await q.get()
    assert item == "a"
    for _ in range(5):
        q.add("a")
    assert q.len() == 0  # held back while a worker has it
    assert q.num_processing() == 1
    q.done("a")
    assert q.len() == 1
    assert await q.get() == "a"
    q.done("a")
    assert q.len() == 0
    assert q.num_processing() == 0


async def test_done_of_unknown_item_is_ignored() -> None:
    q = new_queue()
    q.add("a")
    q.done("a")  # queued, not processing: must not duplicate it
    assert q.len() == 1


async def test_get_waits_for_add() -> None:
    q = new_queue()
    getter = asyncio.create_task(q.get())
    await settle()
    assert not getter.done()
    q.add("x")
    assert await getter == "x"


async def test_each_add_wakes_a_distinct_waiter() -> None:
    q = new_queue()
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await settle()
    q.add("a")
    q.add("b")
    await settle()
    assert sorted(str(g.result()) for g in getters if g.done()) == ["a", "b"]
    q.shut_down()
    results = await asyncio.gather(*getters)
    assert results.count(None) == 1
    assert {r for r in results if r is not None} == {"a", "b"}


async def test_cancelled_waiter_passes_its_wakeup_on() -> None:
    q = new_queue()
    first = asyncio.create_task(q.get())
    await settle()
    second = asyncio.create_task(q.get())
    await settle()
    q.add("a")  # wakes `first`...
    first.cancel()  # ...which is cancelled before it runs
    assert await second == "a"
    with pytest.raises(asyncio.CancelledError):
        await first


async def test_shutdown_lets_workers_take_what_is_queued_then_returns_none() -> None:
    q = new_queue()
    q.add("a")
    q.add("b")
    q.shut_down()
    q.add("c")  # refused
    assert q.shutting_down
    assert await q.get() == "a"
    assert await q.get() == "b"
    assert await q.get() is None


async def test_shutdown_wakes_all_waiters() -> None:
    q = new_queue()
    getters = [asyncio.create_task(q.get()) for _ in range(4)]
    await settle()
    q.shut_down()
    assert await asyncio.gather(*getters) == [None] * 4


async def test_shutdown_with_drain_waits_for_in_flight_items() -> None:
    q = new_queue()
    q.add("a")
    q.add("b")
    a = await q.get()
    b = await q.get()
    drain = asyncio.create_task(q.shut_down_with_drain())
    await settle()
    assert not drain.done()
    q.done(a)  # type: ignore[arg-type]
    await settle()
    assert not drain.done()
    q.done(b)  # type: ignore[arg-type]
    await asyncio.wait_for(drain, 1)


async def test_shutdown_stops_a_pending_drain() -> None:
    q = new_queue()
    q.add("a")
    await q.get()
    drain = asyncio.create_task(q.shut_down_with_drain())
    await settle()
    q.shut_down()
    await asyncio.wait_for(drain, 1)


async def test_drain_with_nothing_in_flight_returns_at_once() -> None:
    q = new_queue()
    await asyncio.wait_for(q.shut_down_with_drain(), 1)


async def test_one_key_never_on_two_workers_and_last_add_always_processed() -> None:
    q = new_queue()
    rng = random.Random(7)
    version = 0  # bumped by every add
    seen: list[int] = []  # version each pass started from
    active = 0
    max_active = 0

    async def worker() -> None:
        nonlocal active, max_active
        while (item := await q.get()) is not None:
            active += 1
            max_active = max(max_active, active)
            seen.append(version)
            for _ in range(rng.randrange(4)):
                await asyncio.sleep(0)
            active -= 1
            q.done(item)

    async with asyncio.TaskGroup() as tg:
        for _ in range(16):
            tg.create_task(worker())
        for _ in range(1000):
            version += 1
            q.add("k")
            if rng.random() < 0.5:
                await asyncio.sleep(0)
        await q.shut_down_with_drain()  # workers still finish what is queued
    assert max_active == 1
    assert seen[-1] == version  # the final add was followed by a pass that saw it
    assert 1 < len(seen) <= 1000
