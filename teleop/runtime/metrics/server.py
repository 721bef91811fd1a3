"""The ``/metrics`` endpoint: the manager's registry in the Prometheus text format.

controller-runtime serves its registry on ":8080" (plain HTTP; "0" disables). Here the app is
plain aiohttp and the manager serves it on ``metrics_bind_address``. The exposition is rendered
with ``prometheus_client.generate_latest`` over the manager's own ``CollectorRegistry`` (never the
global one), to which ``add_process_collectors`` adds the ``process_*`` and ``python_info``
collectors that Go binaries get from their process and runtime collectors.
"""

from __future__ import annotations

from aiohttp import web
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)

from teleop.runtime.metrics.registry import RuntimeMetrics

__all__ = ["add_process_collectors", "build_metrics_app"]


def add_process_collectors(registry: CollectorRegistry) -> None:
    """Register ``process_*`` (CPU, memory, fds, start time) and ``python_info`` on ``registry``."""
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)


def build_metrics_app(metrics: RuntimeMetrics, path: str = "/metrics") -> web.Application:
    """An aiohttp app answering ``GET <path>`` with the registry's exposition."""

    async def handle(_: web.Request) -> web.Response:
        body = generate_latest(metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    app = web.Application()
    app.router.add_get(path, handle)
    return app
