"""Jittered exponential backoff for the reflector's reconnects (client-go's backoff manager).

client-go waits 800 ms before the first re-list/re-watch after a failure, doubles up to 30 s,
adds up to 100 % random jitter, and starts over once two minutes have passed since the previous
backoff (a healthy stretch). The comment in client-go notes this takes a broken watcher from
about 1 request/s down to about 0.22 at the cap. Here the jittered value is clamped to the cap so
the documented bounds (0.8 s to 30 s) hold. Time comes from the injected clock; randomness from
an injected ``random.Random`` so tests can be deterministic.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from teleop.runtime.clock import Clock

__all__ = ["Backoff", "BackoffPolicy"]


@dataclass(frozen=True, slots=True)
class BackoffPolicy:
    """Delays in seconds. Defaults are client-go's reflector settings."""

    initial: float = 0.8
    cap: float = 30.0
    factor: float = 2.0
    jitter: float = 1.0
    reset_after: float = 120.0


class Backoff:
    """Hands out growing delays; forgets the growth after ``reset_after`` without a backoff."""

    def __init__(
        self,
        policy: BackoffPolicy,
        *,
        clock: Clock,
        rng: random.Random | None = None,
    ) -> None:
        self.policy = policy
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._current = policy.initial
        self._last: float | None = None

    def next_delay(self) -> float:
        """The delay to wait now; the next call (within ``reset_after``) returns about twice it."""
        p = self.policy
        now = self._clock.monotonic()
        if self._last is not None and now - self._last > p.reset_after:
            self._current = p.initial
        self._last = now
        base = self._current
        self._current = min(p.cap, self._current * p.factor)
        return min(p.cap, base + self._rng.random() * p.jitter * base)

    def reset(self) -> None:
        self._current = self.policy.initial
        self._last = None

    async def wait(self, at_least: float = 0.0) -> float:
        """Sleep ``max(next_delay(), at_least)`` on the clock; returns the time slept."""
        delay = max(self.next_delay(), at_least)
        await self._clock.sleep(delay)
        return delay
