"""Prometheus metrics of the runtime, under controller-runtime's and client-go's names.

There is no global registry: the manager creates one ``RuntimeMetrics`` over its own
``CollectorRegistry``, hands it to every component, and serves it at ``/metrics``.
"""

from teleop.runtime.metrics.registry import (
    RECONCILE_TIME_BUCKETS,
    WORKQUEUE_DURATION_BUCKETS,
    RuntimeMetrics,
)
from teleop.runtime.metrics.server import add_process_collectors, build_metrics_app

__all__ = [
    "RECONCILE_TIME_BUCKETS",
    "WORKQUEUE_DURATION_BUCKETS",
    "RuntimeMetrics",
    "add_process_collectors",
    "build_metrics_app",
]
