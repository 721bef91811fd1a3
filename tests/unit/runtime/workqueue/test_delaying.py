"""The delaying queue: ready-time order, earliest wins, injected clock, no background task."""

from __future__ import annotations

import asyncio

from teleop.runtime.workqueue import DelayingQueue
from teleop.testing.clock import FakeClock, settle


def new_queue() -> tuple[DelayingQueue[str], FakeClock]:
    clock = FakeClock()
    return DelayingQueue(clock=clock), clock


async def test_items_become_ready_in_ready_time_order() -> None:
    q, clock = new_queue()
    q.add_after("c", 3)
    q.add_after("a", 1)
    q.add_after("b", 2)
    assert q.len() == 0
    assert q.num_waiting() == 3
    await clock.advance(1)
    assert q.len() == 1
    await clock.advance(2)
    assert [await q.get(), await q.get(), await q.get()] == ["a", "b", "c"]
    assert q.num_waiting() == 0


async def test_non_positive_delay_adds_at_once() -> None:
    q, _ = new_queue()
    q.add_after("a", 0)
    q.add_after("b", -1)
    assert q.len() == 2


async def test_earliest_ready_time_wins() -> None:
    q, clock = new_queue()
    q.add_after("a", 10)
    q.add_after("a", 2)  # earlier: replaces
    q.add_after("a", 5)  # later: ignored
    assert q.waiting_for("a") == 2
    await clock.advance(2)
    assert q.len() == 1
    assert await q.get() == "a"
    q.done("a")
    await clock.advance(20)  # the superseded entries never fire again
    assert q.len() == 0


async def test_parked_getter_wakes_at_ready_time() -> None:
    q, clock = new_queue()
    getter = asyncio.create_task(q.get())
    await settle()
    q.add_after("a", 5)
    await clock.advance(4.9)
    assert not getter.done()
    await clock.advance(0.1)
    assert getter.done()
    assert getter.result() == "a"
    assert clock.monotonic() == 5


async def test_earlier_item_wakes_the_sleeping_getter_sooner() -> None:
    q, clock = new_queue()
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await settle()
    q.add_after("late", 10)
    await clock.advance(1)
    q.add_after("soon", 1)
    await clock.advance(1)
    done = [g.result() for g in getters if g.done()]
    assert done == ["soon"]
    await clock.advance(8)
    assert sorted(str(g.result()) for g in getters if g.done()) == ["late", "soon"]
    q.shut_down()
    await asyncio.gather(*getters)
    assert clock.sleepers == 0  # the timer is gone with the getters


async def test_timer_survives_the_keeper_taking_another_item() -> None:
    q, clock = new_queue()
    got: list[str] = []

    async def worker() -> None:
        while (item := await q.get()) is not None:
            got.append(item)
            q.done(item)

    async with asyncio.TaskGroup() as tg:
        tg.create_task(worker())
        await settle()
        q.add_after("delayed", 5)
        await settle()
        q.add("now")  # wakes the keeper, which must re-arm the timer afterwards
        await settle()
        assert got == ["now"]
        await clock.advance(5)
        assert got == ["now", "delayed"]
        q.shut_down()


async def test_shutdown_drops_waiting_items_and_refuses_new_ones() -> None:
    q, clock = new_queue()
    q.add_after("a", 1)
    q.shut_down()
    q.add_after("b", 1)
    await clock.advance(5)
    assert q.num_waiting() == 0
    assert await q.get() is None


async def test_many_superseded_entries_are_compacted() -> None:
    q, clock = new_queue()
    for i in range(1000):
        q.add_after("a", 2000 - i)
    assert len(q._heap) < 200
    await clock.advance(1001)
    assert await q.get() == "a"
