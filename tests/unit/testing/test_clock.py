"""FakeClock: sleepers wake in deadline order, only when time is advanced."""

import asyncio

from teleop.testing.clock import FakeClock


async def test_sleep_wakes_only_after_advance() -> None:
    clock = FakeClock()
    woke: list[float] = []

    async def sleeper(d: float) -> None:
        await clock.sleep(d)
        woke.append(clock.monotonic())

    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper(5))
        tg.create_task(sleeper(2))
        await clock.advance(1)
        assert woke == []
        await clock.advance(1)
        assert woke == [2.0]
        await clock.advance(10)
    assert woke == [2.0, 5.0]
    assert clock.monotonic() == 12.0


async def test_chained_sleeps_inside_one_advance() -> None:
    clock = FakeClock()
    ticks: list[float] = []

    async def ticker() -> None:
        for _ in range(3):
            await clock.sleep(1)
            ticks.append(clock.monotonic())

    task = asyncio.create_task(ticker())
    await clock.advance(3)
    await task
    assert ticks == [1.0, 2.0, 3.0]


async def test_wall_time_follows_monotonic() -> None:
    clock = FakeClock()
    start = clock.now()
    await clock.advance(90)
    assert (clock.now() - start).total_seconds() == 90
    assert start.tzinfo is not None
