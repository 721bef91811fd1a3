"""Manager start and stop order, against fakekube over HTTP (real clock, short durations)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from teleop.runtime.client import KubeClient, ResourceType
from teleop.runtime.leaderelection import LEASES
from teleop.runtime.manager import Manager, ManagerOptions, RunnableFunc
from teleop.testing.fakekube import FakeKube

CONFIGMAPS = ResourceType("", "v1", "configmaps", "ConfigMap")


def options(**kw: Any) -> ManagerOptions:
    base: dict[str, Any] = {
        "metrics_bind_address": "127.0.0.1:0",
        "health_probe_bind_address": "127.0.0.1:0",
        "leader_election_id": "teleop-unit",
        "leader_election_namespace": "default",
        "lease_duration": 2.0,
        "renew_deadline": 1.0,
        "retry_period": 0.2,
        "exit_on_lost_leadership": False,
        "graceful_shutdown_timeout": 5.0,
    }
    base.update(kw)
    return ManagerOptions(**base)


async def status(url: str) -> int:
    async with aiohttp.ClientSession() as s, s.get(url) as r:
        return r.status


async def test_start_and_stop_order(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(fakekube.url, options(leader_election_identity="me"))
    informer = mgr.cache.informer_for(CONFIGMAPS, namespace="default")
    log: list[str] = []
    probe_url = ""

    async def lease_holder() -> str:
        async with KubeClient.from_url(fakekube.url) as c:
            lease = await c.get(LEASES, "teleop-unit", namespace="default")
        return str(lease["spec"]["holderIdentity"])

    def runnable(name: str) -> RunnableFunc:
        async def run() -> None:
            assert mgr.health_server is not None
            log.append(f"{name} start synced={informer.has_synced()}")
            try:
                await asyncio.Event().wait()
            finally:
                # while we stop, servers answer and the lease is still ours
                code = await status(f"{probe_url}/healthz")
                log.append(f"{name} stop healthz={code} holder={await lease_holder()}")

        return RunnableFunc(run, need_leader_election=name == "leader", name=name)

    mgr.add(runnable("leader"))
    mgr.add(runnable("other"))
    task = asyncio.create_task(mgr.run())
    await asyncio.wait_for(mgr.wait_elected(), 10)
    assert mgr.health_server is not None
    probe_url = mgr.health_server.url
    for _ in range(100):
        if len(log) == 2:
            break
        await asyncio.sleep(0.01)
    assert sorted(log) == ["leader start synced=True", "other start synced=True"]
    assert await status(f"{probe_url}/readyz") == 200
    assert mgr.is_leader
    mgr.stop()
    await asyncio.wait_for(task, 10)
    assert log[2:] == [
        "leader stop healthz=200 holder=me",
        "other stop healthz=200 holder=me",
    ]
    assert await lease_holder() == ""  # released last


async def test_without_leader_election_everything_runs_at_once(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(fakekube.url, options(leader_election=False, leader_election_id=""))
    ran = asyncio.Event()

    async def controller() -> None:
        ran.set()

    mgr.add(RunnableFunc(controller))
    task = asyncio.create_task(mgr.run())
    await asyncio.wait_for(ran.wait(), 10)
    assert mgr.is_leader
    assert mgr.elector is None
    mgr.stop()
    await asyncio.wait_for(task, 10)


async def test_a_failing_runnable_stops_the_manager_in_order(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(fakekube.url, options(leader_election=False))
    stopped: list[str] = []

    async def fails() -> None:
        raise RuntimeError("broken")

    async def steady() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            stopped.append("steady")

    mgr.add(RunnableFunc(fails, need_leader_election=False))
    mgr.add(RunnableFunc(steady))
    with pytest.raises(RuntimeError, match="broken"):
        await asyncio.wait_for(mgr.run(), 10)
    assert stopped == ["steady"]


async def test_options_are_checked_up_front(fakekube: FakeKube) -> None:
    with pytest.raises(ValueError, match="leader_election_id"):
        Manager.from_url(fakekube.url, options(leader_election_id=""))
    with pytest.raises(ValueError, match="namespace"):
        Manager.from_url(fakekube.url, options(leader_election_namespace=""))
    with pytest.raises(ValueError, match="renew deadline"):
        Manager.from_url(fakekube.url, options(renew_deadline=5.0))


def test_defaults() -> None:
    o = ManagerOptions()
    assert o.metrics_bind_address == ":8080"
    assert o.health_probe_bind_address == ":8081"
    assert o.leader_election
    assert (o.lease_duration, o.renew_deadline, o.retry_period) == (15.0, 10.0, 2.0)
    assert o.release_on_cancel
    assert o.graceful_shutdown_timeout == 30.0
    assert o.exit_on_lost_leadership
    assert o.sync_period == 36000.0


async def test_stop_during_start_returns_cleanly(fakekube: FakeKube) -> None:
    for pause in (0, 1, 3, 10):
        mgr = Manager.from_url(fakekube.url, options(leader_election_identity=f"p{pause}"))
        mgr.add(RunnableFunc(asyncio.Event().wait))
        task = asyncio.create_task(mgr.run())
        for _ in range(pause):
            await asyncio.sleep(0)
        mgr.stop()
        await asyncio.wait_for(task, 10)
