"""The delaying queue: client-go's ``AddAfter`` on the injected clock, with no background task.

Delayed keys sit in a min-heap ordered by ready time (``Clock.monotonic``) plus a map from key to
its current entry. A key already waiting keeps the *earlier* ready time; a later ``add_after`` for
it is a no-op and an earlier one supersedes the old heap entry (left in the heap and skipped when
popped, compacted when stale entries pile up). Due keys are promoted into the basic queue by any
queue operation (``get``, ``add``, ``done``, ``len``) and by the parked getter that sleeps until
the earliest ready time (see ``queue.py``), so a queue with idle workers hands a key out at its
ready time without any task of its own. Promotion records the ready time as the add time, so
``workqueue_queue_duration_seconds`` is right even when every worker was busy at that moment;
``workqueue_depth`` counts a due key only once promoted, which lags while all workers are busy.

Every ``add_after`` call counts in ``workqueue_retries_total`` (also for delays ≤ 0, which are
plain adds), as in client-go. Keys still waiting at shutdown are dropped.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Hashable
from typing import TypeVar

from teleop.runtime.clock import Clock
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.workqueue.queue import Queue

__all__ = ["DelayingQueue"]

T = TypeVar("T", bound=Hashable)

_COMPACT_SLACK = 64


class DelayingQueue(Queue[T]):
    """A ``Queue`` that can also add a key after a delay."""

    def __init__(
        self, *, clock: Clock, name: str = "", metrics: RuntimeMetrics | None = None
    ) -> None:
        super().__init__(clock=clock, name=name, metrics=metrics)
        self._heap: list[tuple[float, int, T]] = []
        self._waiting: dict[T, tuple[float, int]] = {}
        self._seq = itertools.count()

    def add_after(self, item: T, seconds: float) -> None:
        """Add ``item`` once ``seconds`` have passed; at once if ``seconds`` ≤ 0."""
        if self._shutting_down:
            return
        self._metrics.retry()
        if seconds <= 0:
            self.add(item)
            return
        ready_at = self._clock.monotonic() + seconds
        current = self._waiting.get(item)
        if current is not None and current[0] <= ready_at:
            return
        entry = (ready_at, next(self._seq))
        self._waiting[item] = entry
        heapq.heappush(self._heap, (*entry, item))
        if len(self._heap) > 2 * len(self._waiting) + _COMPACT_SLACK:
            self._heap = [(*e, k) for k, e in self._waiting.items()]
            heapq.heapify(self._heap)
        self._deadline_added(ready_at)

    def num_waiting(self) -> int:
        """Keys waiting for their delay to end."""
        self._promote_due()
        return len(self._waiting)

    def waiting_for(self, item: T) -> float | None:
        """Seconds until ``item`` becomes due, or ``None`` if it is not waiting."""
        self._promote_due()
        entry = self._waiting.get(item)
        return None if entry is None else entry[0] - self._clock.monotonic()

    # -- hooks ----------------------------------------------------------------------------------

    def _promote_due(self) -> None:
        if not self._heap:
            return
        now = self._clock.monotonic()
        while self._heap and self._heap[0][0] <= now:
            ready_at, seq, item = heapq.heappop(self._heap)
            if self._waiting.get(item) != (ready_at, seq):
                continue  # superseded by an earlier add_after
            del self._waiting[item]
            self._insert(item, ready_at)

    def _next_ready_at(self) -> float | None:
        while self._heap:
            ready_at, seq, item = self._heap[0]
            if self._waiting.get(item) == (ready_at, seq):
                return ready_at
            heapq.heappop(self._heap)
        return None

    def _on_shut_down(self) -> None:
        self._heap.clear()
        self._waiting.clear()
