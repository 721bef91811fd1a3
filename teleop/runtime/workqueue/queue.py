"""The basic work queue: client-go's ``workqueue.Type`` on asyncio.

Three collections carry the guarantees (see the package docstring for the list):

- ``_queue``: FIFO of keys waiting to be handed out; each is also in ``_dirty``, never in
  ``_processing``.
- ``_dirty``: keys that need (another) processing pass. Adding a dirty key is a no-op, which is
  what collapses any number of events into one pass.
- ``_processing``: keys a worker holds between ``get`` and ``done``. A key added while processing
  is marked dirty but not queued; ``done`` queues it again, so it runs exactly once more and never
  on two workers at once.

Everything except waiting is synchronous and runs on the event loop, so no lock is needed.
Waiting getters park on futures (woken one per added key, all on shutdown). The queue also hosts
the timing for ``DelayingQueue``: while keys wait for their delay, one parked getter (the
"keeper") sleeps on the injected clock until the earliest ready time and wakes to promote due
keys. So no background task exists, nothing needs to be started, and nothing outlives the
getters that wait; timing never reads the wall clock, so tests drive it with a fake clock.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Hashable
from typing import Generic, TypeVar

from teleop.runtime.clock import Clock
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.workqueue.metrics import QueueMetrics, new_queue_metrics

__all__ = ["Queue"]

T = TypeVar("T", bound=Hashable)


class Queue(Generic[T]):
    """A deduplicating FIFO work queue with a processing set. ``None`` is not a valid item.

    ``name`` labels the ``workqueue_*`` metrics (name and controller); an unnamed queue or one
    without ``metrics`` records nothing.
    """

    def __init__(
        self, *, clock: Clock, name: str = "", metrics: RuntimeMetrics | None = None
    ) -> None:
        self.name = name
        self._clock = clock
        self._metrics: QueueMetrics[T] = new_queue_metrics(metrics, name, clock)
        self._queue: deque[T] = deque()
        self._dirty: set[T] = set()
        self._processing: set[T] = set()
        self._shutting_down = False
        self._drain = False
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._drainers: list[asyncio.Future[None]] = []
        self._keeper: asyncio.Future[None] | None = None
        self._keeper_deadline = 0.0

    # -- public API ---------------------------------------------------------------------------

    def add(self, item: T) -> None:
        """Mark ``item`` as needing processing. Ignored while shutting down or already queued."""
        self._promote_due()
        self._insert(item, self._clock.monotonic())

    async def get(self) -> T | None:
        """Wait for an item and take it; ``None`` once shut down *and* nothing is queued.

        The caller must call ``done(item)`` when finished with it.
        """
        while True:
            self._promote_due()
            if self._queue:
                item = self._queue.popleft()
                self._metrics.get(item, self._clock.monotonic())
                self._processing.add(item)
                self._dirty.discard(item)
                return item
            if self._shutting_down:
                return None
            await self._park()

    def done(self, item: T) -> None:
        """Finish processing ``item``; if it was added meanwhile, queue it again now."""
        self._promote_due()
        if item not in self._processing:
            return
        self._metrics.done(item, self._clock.monotonic())
        self._processing.discard(item)
        if item in self._dirty:
            self._queue.append(item)
            self._notify_one()
        elif not self._processing:
            self._wake_drainers()

    def len(self) -> int:
        """Keys waiting to be handed out (excludes keys being processed or still delayed)."""
        self._promote_due()
        return len(self._queue)

    def num_processing(self) -> int:
        """Keys currently held by workers."""
        return len(self._processing)

    @property
    def shutting_down(self) -> bool:
        return self._shutting_down

    def shut_down(self) -> None:
        """Stop accepting adds and wake every waiting getter; queued keys can still be taken."""
        self._drain = False
        self._begin_shut_down()
        self._wake_drainers()

    async def shut_down_with_drain(self) -> None:
        """``shut_down``, then wait until every key handed out has been marked ``done``.

        Waits forever if a worker never calls ``done``; a later ``shut_down()`` (or cancelling
        this call) stops the wait.
        """
        self._drain = True
        self._begin_shut_down()
        while self._processing and self._drain:
            fut = asyncio.get_running_loop().create_future()
            self._drainers.append(fut)
            try:
                await fut
            finally:
                if fut in self._drainers:
                    self._drainers.remove(fut)

    # -- hooks for DelayingQueue ------------------------------------------------------------------

    def _promote_due(self) -> None:
        """Move delayed keys whose time has come into the queue (no delays here)."""

    def _next_ready_at(self) -> float | None:
        """The earliest monotonic time a delayed key becomes due, if any."""
        return None

    def _on_shut_down(self) -> None:
        """Drop state that must not survive shutdown."""

    def _deadline_added(self, ready_at: float) -> None:
        """A delayed key now becomes due at ``ready_at``: make sure some getter wakes for it."""
        if self._keeper is not None:
            if ready_at < self._keeper_deadline and not self._keeper.done():
                self._keeper.set_result(None)
        else:
            self._notify_one()

    # -- internals ----------------------------------------------------------------------------

    def _insert(self, item: T, at: float) -> None:
        if self._shutting_down or item in self._dirty:
            return
        self._metrics.add(item, at)
        self._dirty.add(item)
        if item in self._processing:
            return
        self._queue.append(item)
        self._notify_one()

    def _begin_shut_down(self) -> None:
        self._shutting_down = True
        self._on_shut_down()
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(None)

    def _notify_one(self) -> None:
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(None)
                return

    def _wake_drainers(self) -> None:
        for fut in self._drainers:
            if not fut.done():
                fut.set_result(None)

    async def _park(self) -> None:
        """Wait to be notified; the first parked getter also sleeps until the next delay ends."""
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(fut)
        timer: asyncio.Task[None] | None = None
        deadline = self._next_ready_at()
        try:
            if deadline is not None and self._keeper is None:
                self._keeper, self._keeper_deadline = fut, deadline
                timer = asyncio.create_task(self._clock.sleep(deadline - self._clock.monotonic()))
                await asyncio.wait((fut, timer), return_when=asyncio.FIRST_COMPLETED)
            else:
                await fut
        except BaseException:
            # A wake-up meant for this getter must reach another one if this one is cancelled.
            if fut.done() and not fut.cancelled():
                self._notify_one()
            raise
        finally:
            self._promote_due()
            self._waiters.remove(fut)
            if self._keeper is fut:
                self._keeper = None
                if self._next_ready_at() is not None:
                    self._notify_one()  # hand the timer over to another parked getter
            if timer is not None:
                timer.cancel()
                await asyncio.wait((timer,))
