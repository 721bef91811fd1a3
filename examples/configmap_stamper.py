"""A complete controller on teleop.runtime: stamps every ConfigMap in a namespace.

It watches ConfigMaps through a shared informer, reconciles each key from the cache (never from
the event), and writes a merge patch only when the object is not stamped yet, so a second pass is
free. The manager supplies leader election, metrics, probes and graceful shutdown.

Run it against any cluster: ``python -m examples.configmap_stamper KUBECONFIG NAMESPACE``.
"""

from __future__ import annotations

import asyncio
import sys

from teleop.runtime import (
    Controller,
    Manager,
    ManagerOptions,
    ReconcilerFunc,
    Request,
    ResourceType,
    Result,
    SignalHandler,
)

CONFIGMAPS = ResourceType(group="", version="v1", plural="configmaps", kind="ConfigMap")


async def build(kubeconfig: str, namespace: str) -> Manager:
    """A manager with one controller; ``await manager.run()`` starts it."""
    manager = await Manager.from_kubeconfig(
        ManagerOptions(
            leader_election_id="configmap-stamper",
            leader_election_namespace=namespace,
            metrics_bind_address="0",  # "0" disables; ":8080" in production
            health_probe_bind_address="0",
        ),
        path=kubeconfig,
    )
    informer = manager.cache.informer_for(CONFIGMAPS, namespace=namespace)

    async def reconcile(request: Request) -> Result:
        configmap = informer.lister.get(request.namespace, request.name)
        if configmap is None or (configmap.get("data") or {}).get("stamped") == "yes":
            return Result()  # deleted, or nothing to do: no API call at all
        await manager.client.patch(
            CONFIGMAPS, request.name, {"data": {"stamped": "yes"}}, namespace=request.namespace
        )
        return Result()  # raising instead would retry with per-item exponential backoff

    controller = Controller(
        "configmap-stamper", ReconcilerFunc(reconcile), clock=manager.clock, metrics=manager.metrics
    )
    controller.watch(informer)
    manager.add(controller)
    return manager


async def main(kubeconfig: str, namespace: str) -> None:
    manager = await build(kubeconfig, namespace)
    with SignalHandler(manager.stop):  # first SIGTERM: graceful; second: exit 1
        await manager.run()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
