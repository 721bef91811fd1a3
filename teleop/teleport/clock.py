"""The bit of time the Teleport client needs, injectable so tests control it.

``teleop.teleport`` is a leaf package and may not import ``teleop.runtime``, so it declares the
subset of ``teleop.runtime.clock.Clock`` it uses (``monotonic`` and ``sleep``) as its own protocol.
Any runtime clock, including ``teleop.testing.clock.FakeClock``, satisfies it structurally.
"""

from __future__ import annotations

import asyncio
import time
from typing import Protocol

__all__ = ["Clock", "SystemClock"]


class Clock(Protocol):
    """Monotonic time and sleeping."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes backwards."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait ``seconds``."""
        ...


class SystemClock:
    """Real time: ``time.monotonic`` and ``asyncio.sleep``."""

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))
