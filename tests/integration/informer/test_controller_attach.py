"""A controller attaches its handlers only while it runs, as controller-runtime does.

A standby replica keeps its informers warm, but its controllers must queue nothing (their
workqueue_depth would otherwise grow with every CR and never drain); on taking over, the informer
replays its cache as adds, so nothing is missed.
"""

from __future__ import annotations

import asyncio

from teleop.runtime import (
    Controller,
    KubeClient,
    ReconcilerFunc,
    Request,
    ResourceType,
    Result,
    SharedInformer,
    SystemClock,
)
from teleop.testing.fakekube import FakeKube
from tests.polling import eventually

CONFIGMAPS = ResourceType("", "v1", "configmaps", "ConfigMap")


async def test_handlers_attach_on_run_and_detach_on_stop(fakekube: FakeKube) -> None:
    clock = SystemClock()
    async with KubeClient.from_url(fakekube.url) as client:
        for i in range(3):
            await client.create(CONFIGMAPS, {"metadata": {"name": f"cm-{i}"}}, namespace="default")
        informer = SharedInformer(client, CONFIGMAPS, namespace="default", clock=clock)
        seen: list[Request] = []

        async def reconcile(request: Request) -> Result:
            seen.append(request)
            return Result()

        controller = Controller("attach", ReconcilerFunc(reconcile), clock=clock)
        controller.watch(informer)
        informer_task = asyncio.create_task(informer.run())
        try:
            assert await informer.wait_for_sync(10)
            await client.create(CONFIGMAPS, {"metadata": {"name": "cm-3"}}, namespace="default")
            await eventually(lambda: informer.lister.get("default", "cm-3") is not None)
            assert controller.queue.len() == 0  # a standby queues nothing

            run = asyncio.create_task(controller.run())
            await eventually(lambda: len(seen) == 4)  # the cache is replayed on start
            assert sorted(r.name for r in seen) == ["cm-0", "cm-1", "cm-2", "cm-3"]
            await controller.shutdown(5)
            await run

            await client.create(CONFIGMAPS, {"metadata": {"name": "cm-4"}}, namespace="default")
            await eventually(lambda: informer.lister.get("default", "cm-4") is not None)
            assert controller.queue.len() == 0  # detached once stopped
        finally:
            informer.stop()
            await informer_task
