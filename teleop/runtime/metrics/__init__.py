"""Prometheus metrics of the runtime, under controller-runtime's and client-go's names.

There is no global registry: the manager creates one ``RuntimeMetrics`` over its own
``CollectorRegistry`` and hands it to every component.
"""

from teleop.runtime.metrics.registry import (
    RECONCILE_TIME_BUCKETS,
    WORKQUEUE_DURATION_BUCKETS,
    RuntimeMetrics,
)

__all__ = ["RECONCILE_TIME_BUCKETS", "WORKQUEUE_DURATION_BUCKETS", "RuntimeMetrics"]
