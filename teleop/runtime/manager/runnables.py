"""Runnables and the groups the manager starts and stops together.

A runnable is anything with ``async def run()`` that runs until cancelled (returning early is
fine). Like controller-runtime's ``LeaderElectionRunnable``, an optional ``need_leader_election``
attribute (a bool, or a method returning one) says whether it may only run on the leader; a
runnable without it is leader-only, as in controller-runtime (controllers are the typical case).

``RunnableGroup`` is one of the manager's groups (servers, caches, others, leader-only). Its
``run`` holds every member in one ``TaskGroup`` until cancelled; a member's exception does not
tear the group down but is handed to ``on_error`` (the manager then shuts down in order instead of
letting a ``TaskGroup`` cancel everything at once). ``stop`` cancels the group and waits, on the
injected clock, up to a graceful timeout for members to finish (a controller lets in-flight
reconciles complete on cancellation); past the timeout it cancels again. ``abort`` does both at
once, for a lost lease.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, runtime_checkable

from teleop.runtime.clock import Clock
from teleop.runtime.leaderelection import wait_task

__all__ = ["Runnable", "RunnableFunc", "RunnableGroup", "needs_leader_election"]


@runtime_checkable
class Runnable(Protocol):
    """Runs until cancelled."""

    async def run(self) -> None: ...


def needs_leader_election(runnable: object) -> bool:
    """``runnable.need_leader_election`` (attribute or method); True when absent."""
    value = getattr(runnable, "need_leader_election", True)
    if callable(value):
        value = value()
    return bool(value)


class RunnableFunc:
    """A coroutine function as a runnable: ``RunnableFunc(fn, need_leader_election=False)``."""

    def __init__(
        self,
        fn: Callable[[], Awaitable[None]],
        *,
        need_leader_election: bool = True,
        name: str = "",
    ) -> None:
        self._fn = fn
        self.need_leader_election = need_leader_election
        self.name = name or getattr(fn, "__name__", "runnable")

    async def run(self) -> None:
        await self._fn()

    def __repr__(self) -> str:
        return f"RunnableFunc({self.name})"


class RunnableGroup:
    """Runnables started together, stopped together."""

    def __init__(
        self,
        name: str,
        *,
        clock: Clock,
        on_error: Callable[[BaseException], None],
        logger: logging.Logger | None = None,
    ) -> None:
        self.name = name
        self._clock = clock
        self._on_error = on_error
        self._log = logger if logger is not None else logging.getLogger(__name__)
        self._members: list[Runnable] = []
        self._tg: asyncio.TaskGroup | None = None
        self._task: asyncio.Task[None] | None = None
        self._started = asyncio.Event()
        self._member_tasks: set[asyncio.Task[None]] = set()
        self._stopped = False

    def __len__(self) -> int:
        return len(self._members)

    @property
    def running(self) -> bool:
        return self._tg is not None

    def add(self, runnable: Runnable) -> None:
        """Add ``runnable``; started at once if the group is already running."""
        self._members.append(runnable)
        if self._tg is not None:
            self._spawn(self._tg, runnable)

    def _spawn(self, tg: asyncio.TaskGroup, runnable: Runnable) -> None:
        task = tg.create_task(self._guard(runnable), name=f"{self.name}: {runnable!r}")
        self._member_tasks.add(task)
        task.add_done_callback(self._member_tasks.discard)

    async def run(self) -> None:
        """Run every member until cancelled."""
        if self._task is not None:
            raise RuntimeError(f"runnable group {self.name} runs once")
        self._task = asyncio.current_task()
        if self._stopped:  # stopped before its task got to run
            return
        try:
            async with asyncio.TaskGroup() as tg:
                self._tg = tg
                for runnable in self._members:
                    self._spawn(tg, runnable)
                self._started.set()
                await asyncio.Event().wait()
        finally:
            self._tg = None

    async def wait_started(self) -> None:
        await self._started.wait()

    async def _guard(self, runnable: Runnable) -> None:
        try:
            await runnable.run()
        except Exception as exc:
            self._log.error("%s runnable %r failed: %s", self.name, runnable, exc)
            self._on_error(exc)

    def abort(self) -> None:
        """Stop every member now: cancel, and cancel again once that has been delivered.

        A runnable that drains on the first cancellation (a controller finishing in-flight
        reconciles) is interrupted by the second; used when leadership is lost.
        """
        self._stopped = True
        tasks = list(self._member_tasks)
        if self._task is not None:
            self._task.cancel()
        for task in tasks:
            task.cancel()
        loop = asyncio.get_running_loop()

        def again() -> None:
            for task in tasks:
                if not task.done():
                    task.cancel()

        # two loop passes: the first cancellation is thrown in, then the second one follows
        loop.call_soon(loop.call_soon, again)

    async def stop(self, grace: float | None) -> bool:
        """Cancel and wait up to ``grace`` seconds (None: no bound); True if it finished in time."""
        self._stopped = True
        task = self._task
        if task is None or task.done():
            return True
        task.cancel()
        if grace is not None and grace <= 0:
            return task.done()
        if await wait_task(self._clock, task, grace):
            return True
        self._log.warning("%s did not stop within %ss, cancelling again", self.name, grace)
        for member in list(self._member_tasks):  # the TaskGroup does not pass a 2nd cancel on
            member.cancel()
        return False
