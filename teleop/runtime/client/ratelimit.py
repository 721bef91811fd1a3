"""An optional client-side QPS/burst limiter for API requests (a token bucket).

client-go's ``rest.Config`` defaults to 5 QPS / burst 10 and kube-controller-manager runs at
20/30, but controller-runtime >= 0.21 turns client-side limiting off and relies on the server's
API Priority and Fairness (which answers 429 with Retry-After). ``KubeClient`` therefore runs
without a limiter unless given one. The bucket runs on the injected clock so tests can drive it
with ``FakeClock``; waiters are served first come, first served, because each ``acquire``
reserves its token before sleeping (as ``rate.Limiter.Reserve`` does).
"""

from __future__ import annotations

from teleop.runtime.clock import Clock

__all__ = ["TokenBucket"]


class TokenBucket:
    """``qps`` tokens per second, at most ``burst`` saved up; starts full."""

    def __init__(self, qps: float, burst: int, *, clock: Clock) -> None:
        if qps <= 0:
            raise ValueError("qps must be positive")
        if burst < 1:
            raise ValueError("burst must be at least 1")
        self.qps = qps
        self.burst = burst
        self._clock = clock
        self._tokens = float(burst)
        self._last = clock.monotonic()

    def _refill(self) -> None:
        now = self._clock.monotonic()
        elapsed = max(0.0, now - self._last)
        self._last = now
        self._tokens = min(float(self.burst), self._tokens + elapsed * self.qps)

    def reserve(self) -> float:
        """Take a token now (possibly going into debt); return how long to wait before using it."""
        self._refill()
        self._tokens -= 1.0
        return 0.0 if self._tokens >= 0 else -self._tokens / self.qps

    def try_acquire(self) -> bool:
        """Take a token only if one is available right now."""
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False

    async def acquire(self) -> None:
        """Wait until this caller may send a request."""
        delay = self.reserve()
        if delay > 0:
            try:
                await self._clock.sleep(delay)
            except BaseException:
                self._tokens += 1.0  # give the reservation back (rate.Reservation.Cancel)
                raise
