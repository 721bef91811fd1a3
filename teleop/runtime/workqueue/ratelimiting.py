"""The rate-limiting queue: ``add_rate_limited`` asks a ``RateLimiter`` how long to wait.

client-go's ``RateLimitingInterface``: ``add_rate_limited(k)`` is ``add_after(k,
limiter.when(k))``; ``forget(k)`` clears only the limiter's memory of ``k`` (``done`` is still
required after ``get``); ``num_requeues(k)`` asks the limiter. This is the queue a controller
owns; its rate limiter belongs to it alone.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

from teleop.runtime.clock import Clock
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.workqueue.delaying import DelayingQueue
from teleop.runtime.workqueue.ratelimiters import RateLimiter

__all__ = ["RateLimitingQueue"]

T = TypeVar("T", bound=Hashable)


class RateLimitingQueue(DelayingQueue[T]):
    """A ``DelayingQueue`` whose retries are spaced by ``rate_limiter``."""

    def __init__(
        self,
        rate_limiter: RateLimiter[T],
        *,
        clock: Clock,
        name: str = "",
        metrics: RuntimeMetrics | None = None,
    ) -> None:
        super().__init__(clock=clock, name=name, metrics=metrics)
        self.rate_limiter = rate_limiter

    def add_rate_limited(self, item: T) -> None:
        """Add ``item`` after the delay the rate limiter gives (one more failure for it)."""
        self.add_after(item, self.rate_limiter.when(item))

    def forget(self, item: T) -> None:
        """Reset the rate limiter's history for ``item``."""
        self.rate_limiter.forget(item)

    def num_requeues(self, item: T) -> int:
        """How many rate-limited re-adds of ``item`` the limiter remembers."""
        return self.rate_limiter.num_requeues(item)
