"""Work queue instrumentation: client-go's seven ``workqueue_*`` series.

The queue reports four events (an item was added, handed out, finished; a delayed add was asked
for) with the monotonic time it read from its injected clock, and this module turns them into
controller-runtime's series: ``depth`` (labels ``name``, ``controller``, ``priority=""``),
``adds_total``, ``queue_duration_seconds`` (add → get), ``work_duration_seconds`` (get → done),
``unfinished_work_seconds`` and ``longest_running_processor_seconds``, ``retries_total``. The two
"unfinished" gauges are computed when Prometheus scrapes (from the start times of the items being
processed) instead of on client-go's 500 ms tick, so they are always current and need no task.

The families come from ``RuntimeMetrics`` (never registered here). A queue without a name, or
without a ``RuntimeMetrics``, gets ``NoopQueueMetrics``, as client-go does for unnamed queues.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, Protocol, TypeVar

from teleop.runtime.clock import Clock
from teleop.runtime.metrics import RuntimeMetrics

__all__ = ["NoopQueueMetrics", "PrometheusQueueMetrics", "QueueMetrics", "new_queue_metrics"]

T = TypeVar("T", bound=Hashable)
T_contra = TypeVar("T_contra", bound=Hashable, contravariant=True)


class QueueMetrics(Protocol[T_contra]):
    """What a queue reports; ``at`` is ``Clock.monotonic()`` when it happened."""

    def add(self, item: T_contra, at: float) -> None: ...

    def get(self, item: T_contra, at: float) -> None: ...

    def done(self, item: T_contra, at: float) -> None: ...

    def retry(self) -> None: ...


class NoopQueueMetrics:
    """Records nothing: for unnamed queues and queues built without ``RuntimeMetrics``."""

    def add(self, item: Hashable, at: float) -> None:
        pass

    def get(self, item: Hashable, at: float) -> None:
        pass

    def done(self, item: Hashable, at: float) -> None:
        pass

    def retry(self) -> None:
        pass


class PrometheusQueueMetrics(Generic[T]):
    """One queue's series, labelled ``name=controller=<queue name>``."""

    def __init__(self, metrics: RuntimeMetrics, name: str, clock: Clock) -> None:
        labels = {"name": name, "controller": name}
        self._clock = clock
        self._depth = metrics.workqueue_depth.labels(**labels, priority="")
        self._adds = metrics.workqueue_adds.labels(**labels)
        self._latency = metrics.workqueue_queue_duration.labels(**labels)
        self._work = metrics.workqueue_work_duration.labels(**labels)
        self._retries = metrics.workqueue_retries.labels(**labels)
        # item -> when it was added (first add since it was last handed out)
        self._added_at: dict[T, float] = {}
        # item -> when a worker took it
        self._started_at: dict[T, float] = {}
        metrics.workqueue_unfinished_work.labels(**labels).set_function(self.unfinished_work)
        metrics.workqueue_longest_running_processor.labels(**labels).set_function(
            self.longest_running_processor
        )

    def add(self, item: T, at: float) -> None:
        self._adds.inc()
        self._depth.inc()
        self._added_at.setdefault(item, at)

    def get(self, item: T, at: float) -> None:
        self._depth.dec()
        self._started_at[item] = at
        added = self._added_at.pop(item, None)
        if added is not None:
            self._latency.observe(max(0.0, at - added))

    def done(self, item: T, at: float) -> None:
        started = self._started_at.pop(item, None)
        if started is not None:
            self._work.observe(max(0.0, at - started))

    def retry(self) -> None:
        self._retries.inc()

    def unfinished_work(self) -> float:
        """Sum of the ages of the items being processed (seconds)."""
        now = self._clock.monotonic()
        return sum(max(0.0, now - t) for t in self._snapshot())

    def longest_running_processor(self) -> float:
        """Age of the oldest item being processed (seconds), 0 when idle."""
        now = self._clock.monotonic()
        return max((max(0.0, now - t) for t in self._snapshot()), default=0.0)

    def _snapshot(self) -> tuple[float, ...]:
        # Scrapes may run on another thread; tuple() of a dict view of floats runs without
        # releasing the GIL, and a resize racing it is retried rather than crashing the scrape.
        for _ in range(3):
            try:
                return tuple(self._started_at.values())
            except RuntimeError:  # pragma: no cover - needs a racing thread
                continue
        return ()  # pragma: no cover


def new_queue_metrics(
    metrics: RuntimeMetrics | None, name: str, clock: Clock
) -> QueueMetrics[Hashable]:
    """Prometheus metrics for a named queue with a registry, otherwise no-ops."""
    if metrics is None or not name:
        return NoopQueueMetrics()
    return PrometheusQueueMetrics(metrics, name, clock)
