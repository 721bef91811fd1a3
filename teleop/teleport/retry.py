"""When and how the client retries a call: only UNAVAILABLE, only idempotent methods, bounded.

An operator's calls are driven by a reconcile loop that retries on its own, so the client retries
only what is safe and cheap to retry at once: a transient ``UNAVAILABLE`` (auth restarting, a load
balancer swapping backends, a channel reconnecting) on a method that has the same effect when run
twice. ``Get*``, ``List*``, ``Delete*``, ``Ping`` and ``Upsert*`` are idempotent; ``Create*`` and
``Update*`` are not (a create whose answer was lost would come back ALREADY_EXISTS, an update would
fail its revision check), so they surface the first ``ConnectionProblem``. A deadline
(``Timeout``) is never retried: the caller's time is spent.

Defaults (``RetryPolicy()``): at most 4 attempts and at most 10 s from the first attempt to the
last retry's start, waiting a full-jitter exponential backoff between attempts (uniform in
``[0, min(2.0, 0.1 * 2**n)]`` s). When retries run out the client raises ``ConnectionProblem``
saying how many attempts it made. Waiting goes through the injected clock.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

import grpc
from tenacity import (
    AsyncRetrying,
    RetryCallState,
    RetryError,
    retry_if_exception,
    stop_after_attempt,
    wait_random_exponential,
)
from tenacity.stop import stop_base

from teleop.teleport.clock import Clock
from teleop.teleport.errors import ConnectionProblem, Timeout

__all__ = ["RetryPolicy", "call_with_retry", "is_idempotent"]

T = TypeVar("T")

_IDEMPOTENT_PREFIXES = ("Get", "List", "Delete", "Ping", "Upsert")


def is_idempotent(method: str) -> bool:
    """Whether a full gRPC method name (``/svc/Name``) is safe to run twice."""
    name = method.rsplit("/", 1)[-1]
    return name.startswith(_IDEMPOTENT_PREFIXES)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounds for retrying ``UNAVAILABLE``; ``max_attempts=1`` turns retries off."""

    max_attempts: int = 4
    max_elapsed: float = 10.0
    initial_backoff: float = 0.1
    max_backoff: float = 2.0


class _StopAfterElapsed(stop_base):
    """Stop once ``limit`` seconds have passed on ``clock`` since ``start``."""

    def __init__(self, clock: Clock, start: float, limit: float) -> None:
        self._clock = clock
        self._start = start
        self._limit = limit

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self._clock.monotonic() - self._start >= self._limit


def _retryable(exc: BaseException) -> bool:
    return isinstance(exc, ConnectionProblem) and not isinstance(exc, Timeout)


async def call_with_retry(
    attempt: Callable[[], Awaitable[T]],
    *,
    policy: RetryPolicy,
    clock: Clock,
    idempotent: bool,
) -> T:
    """Run ``attempt``, retrying ``ConnectionProblem`` per ``policy`` when ``idempotent``."""
    if not idempotent or policy.max_attempts <= 1:
        return await attempt()
    retrying = AsyncRetrying(
        stop=stop_after_attempt(policy.max_attempts)
        | _StopAfterElapsed(clock, clock.monotonic(), policy.max_elapsed),
        wait=wait_random_exponential(multiplier=policy.initial_backoff, max=policy.max_backoff),
        retry=retry_if_exception(_retryable),
        sleep=clock.sleep,
    )
    try:
        async for state in retrying:
            with state:
                return await attempt()
    except RetryError as e:
        last = e.last_attempt
        exc = last.exception()
        detail = exc.message if isinstance(exc, ConnectionProblem) else str(exc)
        raise ConnectionProblem(
            f"{detail} (gave up after {last.attempt_number} attempts)",
            code=grpc.StatusCode.UNAVAILABLE,
        ) from exc
    raise AssertionError("unreachable: tenacity ended without a result")
