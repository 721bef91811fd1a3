"""Manager shutdown with a real controller over fakekube: SIGTERM and a lost lease.

SIGTERM (first signal): the in-flight reconcile finishes and its write lands, then the lease is
released. Lost lease (the manager's connection frozen by a proxy): the reconcile in flight is
cancelled within the renew deadline, and ``run`` reports the loss.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from teleop.runtime.client import KubeClient, ResourceType
from teleop.runtime.controller import Controller
from teleop.runtime.leaderelection import LEASES, LeaderElectionLostError
from teleop.runtime.manager import Manager, SignalHandler
from teleop.runtime.reconcile import ReconcilerFunc, Request, Result
from teleop.testing.fakekube import FakeKube
from tests.integration.leader.proxy import FreezableProxy
from tests.integration.manager.conftest import fast_options

CONFIGMAPS = ResourceType("", "v1", "configmaps", "ConfigMap")
CM = {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "slow", "namespace": "default"}}


class SlowReconciler:
    """Takes ``seconds`` per reconcile, then marks the ConfigMap done."""

    def __init__(self, mgr: Manager, seconds: float) -> None:
        self.mgr = mgr
        self.seconds = seconds
        self.started = asyncio.Event()
        self.finished: list[float] = []
        self.cancelled: list[float] = []

    async def reconcile(self, request: Request) -> Result:
        self.started.set()
        try:
            await asyncio.sleep(self.seconds)
        except asyncio.CancelledError:
            self.cancelled.append(time.monotonic())
            raise
        cm = await self.mgr.client.get(CONFIGMAPS, request.name, namespace=request.namespace)
        cm["data"] = {"reconciled": "yes"}
        await self.mgr.client.update(CONFIGMAPS, cm)
        self.finished.append(time.monotonic())
        return Result()


def wire(mgr: Manager, seconds: float) -> SlowReconciler:
    reconciler = SlowReconciler(mgr, seconds)
    informer = mgr.cache.informer_for(CONFIGMAPS, namespace="default")
    controller = Controller(
        "configmaps", ReconcilerFunc(reconciler.reconcile), clock=mgr.clock, metrics=mgr.metrics
    )
    controller.watch(informer)
    mgr.add(controller)
    return reconciler


async def test_sigterm_lets_the_inflight_reconcile_finish(fakekube: FakeKube) -> None:
    async with KubeClient.from_url(fakekube.url) as admin:
        await admin.create(CONFIGMAPS, CM)
        mgr = Manager.from_url(fakekube.url, fast_options(leader_election_identity="me"))
        reconciler = wire(mgr, 1.0)
        with SignalHandler(mgr.stop):
            task = asyncio.create_task(mgr.run())
            await asyncio.wait_for(reconciler.started.wait(), 10)
            os.kill(os.getpid(), signal.SIGTERM)
            await asyncio.wait_for(task, 10)
        assert len(reconciler.finished) == 1
        assert reconciler.cancelled == []
        cm = await admin.get(CONFIGMAPS, "slow", namespace="default")
        assert cm["data"] == {"reconciled": "yes"}
        lease = await admin.get(LEASES, "teleop-it", namespace="default")
        assert lease["spec"]["holderIdentity"] == ""  # released after the controller stopped
        assert lease["spec"]["leaseDurationSeconds"] == 1


async def test_a_lost_lease_cancels_the_reconcile_at_once(fakekube: FakeKube) -> None:
    async with KubeClient.from_url(fakekube.url) as admin, FreezableProxy(fakekube.url) as proxy:
        await admin.create(CONFIGMAPS, CM)
        mgr = Manager.from_url(proxy.url, fast_options())
        reconciler = wire(mgr, 30.0)
        task = asyncio.create_task(mgr.run())
        await asyncio.wait_for(reconciler.started.wait(), 10)
        proxy.freeze()
        frozen = time.monotonic()
        with pytest.raises(LeaderElectionLostError):
            await asyncio.wait_for(task, 10)
        proxy.thaw()
        assert reconciler.finished == []
        [cancelled] = reconciler.cancelled
        assert cancelled - frozen <= 1.0 + 0.5  # renew deadline + slack < lease duration (2 s)


async def test_a_lost_lease_exits_the_process_by_default(fakekube: FakeKube) -> None:
    async with FreezableProxy(fakekube.url) as proxy:
        mgr = Manager.from_url(proxy.url, fast_options(exit_on_lost_leadership=True))

        async def freeze_once_elected() -> None:
            await mgr.wait_elected()
            proxy.freeze()

        freezer = asyncio.create_task(freeze_once_elected())
        # SystemExit must be caught in this coroutine: asyncio lets it escape a separate task
        with pytest.raises(SystemExit) as info:
            async with asyncio.timeout(10):
                await mgr.run()
        assert info.value.code == 1
        await freezer
        proxy.thaw()


async def test_reconciles_past_the_graceful_timeout_are_cancelled(fakekube: FakeKube) -> None:
    async with KubeClient.from_url(fakekube.url) as admin:
        await admin.create(CONFIGMAPS, CM)
        mgr = Manager.from_url(
            fakekube.url,
            fast_options(leader_election_identity="me", graceful_shutdown_timeout=0.5),
        )
        reconciler = wire(mgr, 30.0)
        task = asyncio.create_task(mgr.run())
        await asyncio.wait_for(reconciler.started.wait(), 10)
        stopping = time.monotonic()
        mgr.stop()
        await asyncio.wait_for(task, 10)
        [cancelled] = reconciler.cancelled
        assert 0.5 <= cancelled - stopping < 5
        lease = await admin.get(LEASES, "teleop-it", namespace="default")
        assert lease["spec"]["holderIdentity"] == ""  # still released: the stop was graceful
