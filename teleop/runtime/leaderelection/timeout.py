"""Timeouts on the injected clock.

``asyncio.timeout`` measures the event loop's time, which a ``FakeClock`` does not move, so a
lease request bounded by it would make unit tests either sleep or hang. ``clock_timeout`` races
the awaitable against ``clock.sleep`` instead: with the ``SystemClock`` it behaves like
``asyncio.wait_for``; with a ``FakeClock`` the test decides when the deadline passes.
``wait_task`` is the same race for a task someone else owns (graceful shutdown).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, TypeVar

from teleop.runtime.clock import Clock

__all__ = ["clock_timeout", "wait_task"]

T = TypeVar("T")


async def clock_timeout(clock: Clock, seconds: float | None, aw: Awaitable[T]) -> T:
    """Await ``aw``; cancel it and raise ``TimeoutError`` after ``seconds`` on ``clock``.

    ``seconds=None`` waits without a bound.
    """
    if seconds is None:
        return await aw
    work: asyncio.Future[T] = asyncio.ensure_future(aw)
    expired = False

    async def watchdog() -> None:
        nonlocal expired
        await clock.sleep(seconds)
        expired = True
        work.cancel()

    guard = asyncio.ensure_future(watchdog())
    try:
        return await work
    except asyncio.CancelledError:
        if expired and not _outer_cancelled():
            raise TimeoutError(f"timed out after {seconds:g}s") from None
        raise
    finally:
        guard.cancel()
        if not work.done():
            work.cancel()
        await asyncio.gather(guard, return_exceptions=True)


def _outer_cancelled() -> bool:
    task = asyncio.current_task()
    return task is not None and task.cancelling() > 0


async def wait_task(clock: Clock, task: asyncio.Future[Any], seconds: float | None) -> bool:
    """Wait until ``task`` is done or ``seconds`` pass on ``clock``; True if it is done.

    Never cancels ``task`` and never raises its exception (the owner collects it).
    """
    if task.done():
        return True
    if seconds is not None and seconds <= 0:
        return False
    done = asyncio.Event()
    task.add_done_callback(lambda _: done.set())
    if seconds is None:
        await done.wait()
        return True
    waiter = asyncio.ensure_future(done.wait())
    sleeper = asyncio.ensure_future(clock.sleep(seconds))
    try:
        await asyncio.wait({waiter, sleeper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
        sleeper.cancel()
        await asyncio.gather(waiter, sleeper, return_exceptions=True)
    return task.done()
