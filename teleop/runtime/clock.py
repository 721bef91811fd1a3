"""Injectable time for the runtime.

Everything in the runtime that waits or measures (backoff, delaying queues, leases, resync) takes a
``Clock`` instead of calling ``time``/``asyncio.sleep`` directly, so tests drive time with
``teleop.testing.clock.FakeClock`` and never sleep. ``monotonic`` measures durations; ``now`` gives
wall time for timestamps written to the API (Lease renewTime, Event times).
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from typing import Protocol

__all__ = ["Clock", "SystemClock"]


class Clock(Protocol):
    """What the runtime needs from time."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards; only differences are meaningful."""
        ...

    def now(self) -> datetime:
        """The current wall time, timezone-aware UTC."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds`` (returns at once for zero or less)."""
        ...


class SystemClock:
    """The real clock: ``time.monotonic``, ``datetime.now(UTC)`` and ``asyncio.sleep``."""

    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> datetime:
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))
