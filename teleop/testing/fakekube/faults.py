"""Fault injection: failed requests, latency, a paused server and dropped watches.

``Faults`` is plain state read by the HTTP middleware on every API request (admin paths under
``/fakekube/`` and the health probes are exempt, so a test can always undo what it did). The same
operations are exposed over HTTP by ``admin.py`` so another process can inject them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from teleop.testing.fakekube.errors import ApiError

__all__ = ["Faults"]


@dataclass(slots=True)
class _Failure:
    status: int
    retry_after: int


class Faults:
    """What is currently being injected. All methods are synchronous and idempotent."""

    def __init__(self, drop_watches: Callable[[], None]) -> None:
        self.latency = 0.0
        self._failures: list[_Failure] = []
        self._running = asyncio.Event()
        self._running.set()
        self._drop_watches = drop_watches

    def fail_next(self, n: int, status: int = 500, retry_after: int = 1) -> None:
        """Answer the next ``n`` API requests with ``status`` (500 InternalError or 429)."""
        self._failures.extend(_Failure(status, retry_after) for _ in range(n))

    def clear(self) -> None:
        """Stop every fault: no pending failures, no latency, not paused."""
        self._failures.clear()
        self.latency = 0.0
        self.resume()

    def pause(self) -> None:
        """Make API requests hang until ``resume``."""
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    @property
    def pending_failures(self) -> int:
        return len(self._failures)

    def drop_watches(self) -> None:
        """Close every open watch stream now (clients see the stream end)."""
        self._drop_watches()

    async def before_request(self) -> None:
        """Run by the middleware: wait while paused, add latency, raise an injected failure."""
        await self._running.wait()
        if self.latency > 0:
            await asyncio.sleep(self.latency)
        if self._failures:
            failure = self._failures.pop(0)
            raise _error(failure)

    def snapshot(self) -> dict[str, Any]:
        return {
            "latency": self.latency,
            "paused": self.paused,
            "pendingFailures": len(self._failures),
        }


def _error(failure: _Failure) -> ApiError:
    if failure.status == 429:
        return ApiError(
            429,
            "TooManyRequests",
            "Too many requests, please try again later.",
            {"retryAfterSeconds": failure.retry_after},
            {"Retry-After": str(failure.retry_after)},
        )
    if failure.status == 503:
        return ApiError(503, "ServiceUnavailable", "injected fault: service unavailable")
    return ApiError(
        failure.status,
        "InternalError",
        "Internal error occurred: injected fault",
        {"causes": [{"message": "injected fault"}]},
    )
