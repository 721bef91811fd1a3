"""A controller's options, with controller-runtime's defaults.

Frozen so one ``Options`` can be shared as configuration. The rate limiter is the exception to
"share freely": it holds per-key state, so leave ``rate_limiter`` as ``None`` (each controller
then builds its own ``default_controller_rate_limiter``) or give every controller its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from teleop.runtime.reconcile import Request
from teleop.runtime.workqueue import RateLimiter

__all__ = ["Options"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """How a ``Controller`` runs. Durations are in seconds."""

    # Default 1. Worker tasks; the queue never gives one key to two workers at once.
    max_concurrent_reconciles: int = 1
    # Default None: a fresh default_controller_rate_limiter(clock) per controller, i.e. max of
    # per-key exponential (5 ms doubling, cap 1000 s) and a 10 qps / burst 100 token bucket.
    rate_limiter: RateLimiter[Request] | None = None
    # Default 120 (controller-runtime's CacheSyncTimeout, 2 min): how long run() waits for the
    # watched sources to sync before failing with CacheSyncTimeoutError.
    cache_sync_timeout: float = 120.0
    # Default True: a reconciler crash (a BaseException that is not an Exception, other than
    # cancellation, KeyboardInterrupt and SystemExit) is counted in reconcile_panics_total and
    # handled as an error; False lets it end run().
    recover_panic: bool = True
    # Default True: the manager runs this controller only while it holds the leader lease.
    need_leader_election: bool = True
    # Default None (no limit): a reconcile still running after this long is cancelled, counted
    # in reconcile_timeouts_total and handled as an error (measured on the injected clock).
    reconcile_timeout: float | None = None

    def __post_init__(self) -> None:
        if self.max_concurrent_reconciles < 1:
            raise ValueError("max_concurrent_reconciles must be at least 1")
        if self.cache_sync_timeout <= 0:
            raise ValueError("cache_sync_timeout must be positive")
        if self.reconcile_timeout is not None and self.reconcile_timeout <= 0:
            raise ValueError("reconcile_timeout must be positive or None")
