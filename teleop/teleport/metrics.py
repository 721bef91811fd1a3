"""Prometheus metric families for calls to Teleport, owned by one object per registry.

``teleop_teleport_requests_total{method,code}`` counts every attempt (so retries are visible) by
the gRPC method name (``/proto.AuthService/GetRole``) and the gRPC status code name (``OK``,
``UNAVAILABLE``...). ``teleop_teleport_request_duration_seconds{method}`` observes each attempt's
latency. ``teleop_teleport_credential_reloads_total`` counts channel swaps after the identity
changed on disk. The families are created on the ``CollectorRegistry`` passed in (the manager's),
never on the global registry, because a registry refuses a family registered twice and tests build
many clients.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Histogram

__all__ = ["REQUEST_DURATION_BUCKETS", "TeleportMetrics"]

REQUEST_DURATION_BUCKETS: tuple[float, ...] = (
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0,
)  # fmt: skip


class TeleportMetrics:
    """The client's metric families, registered on ``registry`` (a fresh one when omitted)."""

    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self.requests = Counter(
            "teleop_teleport_requests_total",
            "gRPC calls to Teleport by method and status code (every attempt)",
            ["method", "code"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "teleop_teleport_request_duration_seconds",
            "Latency of gRPC calls to Teleport by method (every attempt)",
            ["method"],
            buckets=REQUEST_DURATION_BUCKETS,
            registry=self.registry,
        )
        self.credential_reloads = Counter(
            "teleop_teleport_credential_reloads_total",
            "Times the client switched to new credentials read from disk",
            registry=self.registry,
        )

    def observe(self, method: str, code: str, seconds: float) -> None:
        """Record one attempt."""
        self.requests.labels(method=method, code=code).inc()
        self.duration.labels(method=method).observe(seconds)
