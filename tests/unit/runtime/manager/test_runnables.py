"""Runnable groups: leader-election marker, error hand-off, graceful stop on the fake clock."""

from __future__ import annotations

import asyncio

from teleop.runtime.manager import RunnableFunc, RunnableGroup, needs_leader_election
from teleop.testing.clock import FakeClock


class Marked:
    def __init__(self, value: object) -> None:
        self.need_leader_election = value

    async def run(self) -> None:
        return None


class MethodMarked:
    def need_leader_election(self) -> bool:
        return False

    async def run(self) -> None:
        return None


def test_leader_election_marker() -> None:
    assert needs_leader_election(object())
    assert needs_leader_election(Marked(True))
    assert not needs_leader_election(Marked(False))
    assert not needs_leader_election(MethodMarked())

    async def fn() -> None:
        return None

    assert not needs_leader_election(RunnableFunc(fn, need_leader_election=False))


async def test_errors_are_handed_over_and_the_group_keeps_running() -> None:
    errors: list[BaseException] = []
    clock = FakeClock()
    group = RunnableGroup("g", clock=clock, on_error=errors.append)
    alive = asyncio.Event()

    async def boom() -> None:
        raise RuntimeError("boom")

    async def steady() -> None:
        alive.set()
        await asyncio.Event().wait()

    group.add(RunnableFunc(boom))
    group.add(RunnableFunc(steady))
    task = asyncio.create_task(group.run())
    await alive.wait()
    await clock.advance(0)
    assert [str(e) for e in errors] == ["boom"]
    assert not task.done()
    late = asyncio.Event()

    async def added_later() -> None:
        late.set()

    group.add(RunnableFunc(added_later))  # started at once while running
    await late.wait()
    assert await group.stop(1.0)
    assert task.cancelled()


async def test_stop_waits_for_graceful_finish_up_to_the_timeout() -> None:
    clock = FakeClock()
    finished: list[float] = []

    async def drains_on_cancel() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            await clock.sleep(5)  # an in-flight reconcile finishing
            finished.append(clock.monotonic())
            raise

    group = RunnableGroup("g", clock=clock, on_error=lambda e: None)
    group.add(RunnableFunc(drains_on_cancel))
    task = asyncio.create_task(group.run())
    await group.wait_started()
    await clock.advance(0)
    stopping = asyncio.create_task(group.stop(10))
    await clock.advance(5)
    assert finished == [5.0]
    assert await stopping
    assert task.done()


async def test_stop_gives_up_after_the_timeout() -> None:
    clock = FakeClock()

    async def slow_on_cancel() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            await clock.sleep(100)
            raise

    group = RunnableGroup("g", clock=clock, on_error=lambda e: None)
    group.add(RunnableFunc(slow_on_cancel))
    task = asyncio.create_task(group.run())
    await group.wait_started()
    await clock.advance(0)
    stopping = asyncio.create_task(group.stop(3))
    await clock.advance(3)
    assert not await stopping  # timed out, cancelled a second time
    await clock.advance(0)
    assert task.done()


async def test_abort_interrupts_a_runnable_that_drains_on_the_first_cancel() -> None:
    clock = FakeClock()
    phases: list[str] = []

    async def drains() -> None:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            phases.append("draining")
            try:
                await clock.sleep(100)
            except asyncio.CancelledError:
                phases.append("interrupted")
                raise
            raise

    group = RunnableGroup("g", clock=clock, on_error=lambda e: None)
    group.add(RunnableFunc(drains))
    task = asyncio.create_task(group.run())
    await group.wait_started()
    await clock.advance(0)
    group.abort()
    await asyncio.wait({task})
    assert phases == ["draining", "interrupted"]
    assert clock.monotonic() == 0


async def test_a_group_stopped_before_its_task_runs_does_not_start() -> None:
    started: list[str] = []

    async def member() -> None:
        started.append("member")

    group = RunnableGroup("g", clock=FakeClock(), on_error=lambda e: None)
    group.add(RunnableFunc(member))
    task = asyncio.create_task(group.run())
    assert await group.stop(1.0)  # the task has not run yet
    await asyncio.wait_for(task, 1)
    assert started == []
