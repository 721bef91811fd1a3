"""Fixtures for manager integration tests: options with ephemeral ports and short durations."""

from __future__ import annotations

from typing import Any

from teleop.runtime.manager import ManagerOptions


def fast_options(**kw: Any) -> ManagerOptions:
    """Ports picked by the OS, lease 2 s / renew 1 s / retry 0.2 s, no process exit."""
    base: dict[str, Any] = {
        "metrics_bind_address": "127.0.0.1:0",
        "health_probe_bind_address": "127.0.0.1:0",
        "leader_election_id": "teleop-it",
        "leader_election_namespace": "default",
        "lease_duration": 2.0,
        "renew_deadline": 1.0,
        "retry_period": 0.2,
        "exit_on_lost_leadership": False,
        "graceful_shutdown_timeout": 10.0,
    }
    base.update(kw)
    return ManagerOptions(**base)
