"""Work queues with client-go's semantics, on asyncio and an injected clock.

Guarantees (each has a unit test in ``tests/unit/runtime/workqueue``):

- **Dedup while queued**: adding a key that is already waiting to be handed out is a no-op.
- **One worker per key**: a key handed out by ``get`` is never handed out again before ``done``.
- **Nothing is lost**: a key added while it is being processed is handed out exactly once more,
  after ``done``; any number of adds during one pass collapse into that one follow-up pass.
- **FIFO** among keys that are ready.
- **Shutdown**: ``shut_down()`` refuses new adds and wakes all getters; ``get`` returns ``None``
  only once shut down *and* nothing is queued, so workers can finish what is queued.
  ``shut_down_with_drain()`` additionally waits until every key handed out is ``done``.
- **Delays** (``DelayingQueue.add_after``): a key waiting for its delay keeps the earliest ready
  time; delays ≤ 0 add at once; keys still waiting at shutdown are dropped. Time comes only from
  the injected ``Clock``, and no background task exists (see ``queue.py``).
- **Rate limiting** (``RateLimitingQueue``): ``add_rate_limited``, ``forget``, ``num_requeues``
  over a ``RateLimiter``; ``default_controller_rate_limiter`` is controller-runtime's default.
- **Metrics**: client-go's seven ``workqueue_*`` series from ``RuntimeMetrics``, labelled
  ``name`` and ``controller`` with the queue's name (``priority=""`` on depth); none without a
  name or a ``RuntimeMetrics``.

Everything runs on one event loop; the queues are not thread-safe.
"""

from teleop.runtime.workqueue.delaying import DelayingQueue
from teleop.runtime.workqueue.metrics import (
    NoopQueueMetrics,
    PrometheusQueueMetrics,
    QueueMetrics,
    new_queue_metrics,
)
from teleop.runtime.workqueue.queue import Queue
from teleop.runtime.workqueue.ratelimiters import (
    BucketRateLimiter,
    ItemExponentialFailureRateLimiter,
    ItemFastSlowRateLimiter,
    MaxOfRateLimiter,
    RateLimiter,
    default_controller_rate_limiter,
    default_item_based_rate_limiter,
)
from teleop.runtime.workqueue.ratelimiting import RateLimitingQueue

__all__ = [
    "BucketRateLimiter",
    "DelayingQueue",
    "ItemExponentialFailureRateLimiter",
    "ItemFastSlowRateLimiter",
    "MaxOfRateLimiter",
    "NoopQueueMetrics",
    "PrometheusQueueMetrics",
    "Queue",
    "QueueMetrics",
    "RateLimiter",
    "RateLimitingQueue",
    "default_controller_rate_limiter",
    "default_item_based_rate_limiter",
    "new_queue_metrics",
]
