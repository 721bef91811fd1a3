"""``ManagerOptions``: everything a manager is configured with, and controller-runtime's defaults.

Leader election is on by default, as a production operator needs it; an id (the Lease name) is
then required, and the namespace comes from the pod's service account when not given. Durations
are seconds. ``graceful_shutdown_timeout`` bounds the whole ordered shutdown (0: do not wait for
runnables, None: wait for ever); it is skipped entirely when leadership was lost, and then the
manager exits the process with status 1 unless ``exit_on_lost_leadership`` is off (tests).
``sync_period`` is the informers' resync period, jittered by +-10 % per manager as
controller-runtime does so that replicas do not resync in step.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["SERVICE_ACCOUNT_NAMESPACE_FILE", "ManagerOptions"]

SERVICE_ACCOUNT_NAMESPACE_FILE = "/var/run/secrets/kubernetes.io/serviceaccount/namespace"


@dataclass(frozen=True, slots=True)
class ManagerOptions:
    """How a ``Manager`` runs. Every field has controller-runtime's default."""

    metrics_bind_address: str = ":8080"
    """``/metrics``; "0" disables it."""
    health_probe_bind_address: str = ":8081"
    """``/healthz`` and ``/readyz``; "0" or "" disables them."""
    leader_election: bool = True
    leader_election_id: str = ""
    """The Lease name; required with leader election."""
    leader_election_namespace: str = ""
    """Where the Lease lives; default: the pod's service-account namespace."""
    leader_election_identity: str = ""
    """Our holderIdentity; default ``<hostname>_<uuid>``."""
    lease_duration: float = 15.0
    renew_deadline: float = 10.0
    retry_period: float = 2.0
    release_on_cancel: bool = True
    """Release the Lease after a graceful stop (fast failover); see leaderelection.config."""
    graceful_shutdown_timeout: float | None = 30.0
    exit_on_lost_leadership: bool = True
    sync_period: float = 10 * 3600.0
    cache_sync_timeout: float = 120.0
    """How long to wait for the informers' first list before failing (controller-runtime: 2 min)."""
    event_namespace: str | None = None
    """Write every Event there instead of the involved object's namespace."""
    metrics_process_collectors: bool = True
    """Add ``process_*`` and ``python_info`` to the manager's registry."""
