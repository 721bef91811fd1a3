"""Leader election timing and identity, with controller-runtime's defaults and client-go's checks.

Defaults: lease 15 s, renew deadline 10 s, retry period 2 s, acquire jitter factor 1.2 (so a
standby polls every 2-4.4 s). ``NewLeaderElector``'s validation is kept: lease duration > renew
deadline > jitter factor x retry period, all positive; that ordering is what guarantees an old
leader gives up before a standby may take over. Each lock request is bounded by
``max(1 s, renew_deadline / 2)`` as controller-runtime does, so one hung request cannot cost the
lease. ``release_on_cancel`` defaults to True here (controller-runtime: False) because the manager
releases only after every leader-only runnable has stopped and then exits, which is the case
client-go documents as safe, and it turns a graceful failover from ~15-21 s into well under a
second (a standby watching the Lease takes a released one at once).
"""

from __future__ import annotations

import math
import socket
import uuid
from dataclasses import dataclass, field

__all__ = ["JITTER_FACTOR", "LeaderElectionConfig", "default_identity"]

JITTER_FACTOR = 1.2


def default_identity() -> str:
    """``<hostname>_<uuid>``, unique per process even when pods share a hostname."""
    return f"{socket.gethostname()}_{uuid.uuid4()}"


@dataclass(frozen=True, slots=True)
class LeaderElectionConfig:
    """How long a lease lasts and how often it is renewed or retried, in seconds."""

    name: str = "leader"
    """The metric label ``name`` of ``leader_election_master_status`` (the lease name)."""
    lease_duration: float = 15.0
    """How long standbys wait, from when they last saw the lease change, before taking over."""
    renew_deadline: float = 10.0
    """How long the leader keeps trying to renew before it stops leading."""
    retry_period: float = 2.0
    """Pause between renewals, and base of the jittered pause between acquire attempts."""
    release_on_cancel: bool = True
    """Give the lease up (holder "", 1 s) when stopped gracefully, for fast failover."""
    jitter_factor: float = JITTER_FACTOR
    request_timeout: float | None = field(default=None)
    """Bound of one lock request; None means ``max(1, renew_deadline / 2)``."""

    def __post_init__(self) -> None:
        if self.lease_duration <= 0 or self.renew_deadline <= 0 or self.retry_period <= 0:
            raise ValueError("lease duration, renew deadline and retry period must be positive")
        if self.jitter_factor < 0:
            raise ValueError("jitter factor must not be negative")
        if self.lease_duration <= self.renew_deadline:
            raise ValueError("lease duration must be greater than the renew deadline")
        if self.renew_deadline <= self.jitter_factor * self.retry_period:
            raise ValueError(
                f"renew deadline must be greater than {self.jitter_factor:g} x retry period"
            )

    @property
    def lease_duration_seconds(self) -> int:
        """The Lease's whole ``leaseDurationSeconds``, rounded up so standbys never wait less."""
        return max(1, math.ceil(self.lease_duration))

    @property
    def effective_request_timeout(self) -> float:
        if self.request_timeout is not None:
            return self.request_timeout
        return max(1.0, self.renew_deadline / 2)
