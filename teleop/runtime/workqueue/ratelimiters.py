"""Rate limiters: how long a key waits before its next try (client-go ``default_rate_limiters``).

One small protocol, ``RateLimiter``: ``when(item)`` returns the delay in seconds (and records a
failure), ``forget(item)`` clears the key's history, ``num_requeues(item)`` reports it. The
limiters and defaults are client-go's:

- ``ItemExponentialFailureRateLimiter``: per-key base·2^n, capped (overflow-safe); 5 ms / 1000 s
  in the controller default (5, 10, 20 ms … 655 s on the 18th failure, 1000 s from the 19th).
- ``BucketRateLimiter``: one token bucket for all keys (10 qps, burst 100 by default) with the
  reservation semantics of golang.org/x/time/rate ``Reserve().Delay()``: each call takes a token
  now and is told how long until that token exists. Time comes from the injected clock.
- ``ItemFastSlowRateLimiter``: a fast delay for the first N failures of a key, slow after.
- ``MaxOfRateLimiter``: the largest delay of its children; ``forget`` reaches all of them.
- ``default_controller_rate_limiter``: max of exponential(5 ms, 1000 s) and bucket(10, 100).

The bucket throttles only rate-limited re-adds (errors, ``requeue``), never fresh events.
Limiters are per queue: never share one between controllers.
"""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Generic, Protocol, TypeVar

from teleop.runtime.clock import Clock

__all__ = [
    "BucketRateLimiter",
    "ItemExponentialFailureRateLimiter",
    "ItemFastSlowRateLimiter",
    "MaxOfRateLimiter",
    "RateLimiter",
    "default_controller_rate_limiter",
    "default_item_based_rate_limiter",
]

T = TypeVar("T", bound=Hashable)
T_contra = TypeVar("T_contra", bound=Hashable, contravariant=True)


class RateLimiter(Protocol[T_contra]):
    """Decides delays for retried keys."""

    def when(self, item: T_contra) -> float:
        """Seconds to wait before ``item`` is tried again; counts as one more failure."""
        ...

    def forget(self, item: T_contra) -> None:
        """Stop tracking ``item`` (it succeeded, or we gave up on it)."""
        ...

    def num_requeues(self, item: T_contra) -> int:
        """How many failures of ``item`` are being tracked."""
        ...


class ItemExponentialFailureRateLimiter(Generic[T]):
    """Delay ``base_delay · 2^failures`` per key, never above ``max_delay``."""

    def __init__(self, base_delay: float, max_delay: float) -> None:
        self._base = base_delay
        self._max = max_delay
        self._failures: dict[T, int] = {}

    def when(self, item: T) -> float:
        exp = self._failures.get(item, 0)
        self._failures[item] = exp + 1
        try:
            backoff = self._base * math.ldexp(1.0, exp)
        except OverflowError:
            return self._max
        if not math.isfinite(backoff) or backoff > self._max:
            return self._max
        return backoff

    def forget(self, item: T) -> None:
        self._failures.pop(item, None)

    def num_requeues(self, item: T) -> int:
        return self._failures.get(item, 0)


class ItemFastSlowRateLimiter(Generic[T]):
    """``fast_delay`` for a key's first ``max_fast_attempts`` failures, ``slow_delay`` after."""

    def __init__(self, fast_delay: float, slow_delay: float, max_fast_attempts: int) -> None:
        self._fast = fast_delay
        self._slow = slow_delay
        self._max_fast = max_fast_attempts
        self._failures: dict[T, int] = {}

    def when(self, item: T) -> float:
        n = self._failures.get(item, 0) + 1
        self._failures[item] = n
        return self._fast if n <= self._max_fast else self._slow

    def forget(self, item: T) -> None:
        self._failures.pop(item, None)

    def num_requeues(self, item: T) -> int:
        return self._failures.get(item, 0)


class BucketRateLimiter:
    """A token bucket shared by all keys: ``qps`` tokens a second, at most ``burst`` stored.

    ``when`` reserves one token and returns how long until it is available (0 while the bucket
    has tokens). A zero-size bucket never grants one (``math.inf``); ``qps=math.inf`` never
    waits. No per-key state: ``forget`` does nothing and ``num_requeues`` is 0.
    """

    def __init__(self, qps: float = 10.0, burst: int = 100, *, clock: Clock) -> None:
        self._limit = qps
        self._burst = burst
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock.monotonic()

    def when(self, item: Hashable) -> float:
        now = self._clock.monotonic()
        if math.isinf(self._limit):
            return 0.0
        if self._limit <= 0:
            if self._burst >= 1:
                self._burst -= 1
                return 0.0
            return math.inf
        last = min(self._last, now)
        tokens = min(float(self._burst), self._tokens + (now - last) * self._limit)
        tokens -= 1.0
        wait = -tokens / self._limit if tokens < 0 else 0.0
        if self._burst < 1:
            return math.inf
        self._last = now
        self._tokens = tokens
        return wait

    def forget(self, item: Hashable) -> None:
        pass

    def num_requeues(self, item: Hashable) -> int:
        return 0


class MaxOfRateLimiter(Generic[T]):
    """The worst (largest) answer of several limiters."""

    def __init__(self, *limiters: RateLimiter[T]) -> None:
        if not limiters:
            raise ValueError("MaxOfRateLimiter needs at least one limiter")
        self._limiters = limiters

    def when(self, item: T) -> float:
        # Every child must see the failure, so no short-circuiting generator tricks.
        delays = [limiter.when(item) for limiter in self._limiters]
        return max(delays)

    def forget(self, item: T) -> None:
        for limiter in self._limiters:
            limiter.forget(item)

    def num_requeues(self, item: T) -> int:
        return max(limiter.num_requeues(item) for limiter in self._limiters)


def default_controller_rate_limiter(clock: Clock) -> MaxOfRateLimiter[T]:
    """controller-runtime's default: max of exponential(5 ms, 1000 s) and bucket(10 qps, 100)."""
    return MaxOfRateLimiter(
        ItemExponentialFailureRateLimiter[T](0.005, 1000.0),
        BucketRateLimiter(qps=10.0, burst=100, clock=clock),
    )


def default_item_based_rate_limiter() -> ItemExponentialFailureRateLimiter[T]:
    """client-go's ``DefaultItemBasedRateLimiter``: exponential from 1 ms, capped at 1000 s."""
    return ItemExponentialFailureRateLimiter(0.001, 1000.0)
