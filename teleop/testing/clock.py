"""A fake clock for tests: time moves only when the test says so.

``FakeClock`` satisfies ``teleop.runtime.clock.Clock``. Sleepers park on futures keyed by their
wake-up time; ``advance`` moves time forward and wakes, in deadline order, every sleeper whose time
has come, letting the event loop run between wake-ups so that code woken early can schedule new
sleeps that also fall inside the advanced window (as it would in real time).
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from datetime import UTC, datetime, timedelta

__all__ = ["FakeClock"]

_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


class FakeClock:
    """Deterministic time. ``monotonic`` starts at 0; ``now`` starts at 2026-01-01T00:00:00Z."""

    def __init__(self, *, start: datetime = _EPOCH) -> None:
        self._t = 0.0
        self._start = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def monotonic(self) -> float:
        return self._t

    def now(self) -> datetime:
        return self._start + timedelta(seconds=self._t)

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self._t + seconds, next(self._seq), fut))
        await fut

    @property
    def sleepers(self) -> int:
        """How many tasks are parked in ``sleep`` right now."""
        return sum(1 for _, _, f in self._sleepers if not f.done())

    def next_deadline(self) -> float | None:
        """The earliest wake-up time of a parked sleeper, if any."""
        self._drop_cancelled()
        return self._sleepers[0][0] if self._sleepers else None

    async def advance(self, seconds: float) -> None:
        """Move time forward by ``seconds``, waking sleepers in order and letting them run."""
        target = self._t + seconds
        while True:
            await settle()
            self._drop_cancelled()
            if not self._sleepers or self._sleepers[0][0] > target:
                break
            deadline, _, fut = heapq.heappop(self._sleepers)
            self._t = max(self._t, deadline)
            fut.set_result(None)
        self._t = target
        await settle()

    def _drop_cancelled(self) -> None:
        while self._sleepers and self._sleepers[0][2].done():
            heapq.heappop(self._sleepers)


async def settle(rounds: int = 20) -> None:
    """Let ready callbacks run: yield to the event loop a few times."""
    for _ in range(rounds):
        await asyncio.sleep(0)
