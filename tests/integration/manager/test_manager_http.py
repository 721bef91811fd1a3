"""A running manager serves probes and metrics, and writes events, over real sockets."""

from __future__ import annotations

import asyncio

import aiohttp

from teleop.runtime.client import KubeClient, ResourceType
from teleop.runtime.event import EVENTS
from teleop.runtime.manager import Manager
from teleop.testing.fakekube import FakeKube
from tests.integration.manager.conftest import fast_options


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as s, s.get(url) as r:
        return r.status, await r.text()


async def test_probes_and_metrics(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(fakekube.url, fast_options())
    mgr.add_healthz_check("ping", lambda: None)
    task = asyncio.create_task(mgr.run())
    await asyncio.wait_for(mgr.wait_elected(), 10)
    assert mgr.health_server is not None
    assert mgr.metrics_server is not None
    health, metrics = mgr.health_server.url, mgr.metrics_server.url
    assert await get(f"{health}/healthz") == (200, "ok")
    assert await get(f"{health}/healthz/ping") == (200, "ok")
    assert await get(f"{health}/readyz?verbose") == (
        200,
        "[+]informers ok\nreadyz check passed\n",
    )
    status, body = await get(f"{metrics}/metrics")
    assert status == 200
    assert 'leader_election_master_status{name="teleop-it"} 1.0' in body
    assert "process_resident_memory_bytes" in body
    assert "rest_client_requests_total" in body
    mgr.stop()
    await asyncio.wait_for(task, 10)


async def test_metrics_can_be_disabled(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(
        fakekube.url, fast_options(metrics_bind_address="0", leader_election=False)
    )
    assert mgr.metrics_server is None
    task = asyncio.create_task(mgr.run())
    await asyncio.wait_for(mgr.wait_started(), 10)
    mgr.stop()
    await asyncio.wait_for(task, 10)


async def test_starts_with_both_servers_disabled(fakekube: FakeKube) -> None:
    # Regression: with no HTTP server at all the start sequence must still reach the leader group.
    mgr = Manager.from_url(
        fakekube.url,
        fast_options(metrics_bind_address="0", health_probe_bind_address="0"),
    )
    assert mgr.metrics_server is None
    assert mgr.health_server is None
    task = asyncio.create_task(mgr.run())
    await asyncio.wait_for(mgr.wait_elected(), 10)
    assert mgr.is_leader
    mgr.stop()
    await asyncio.wait_for(task, 10)


async def test_events_reach_the_api_server(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(fakekube.url, fast_options(leader_election=False))
    recorder = mgr.get_event_recorder_for("teleop-test")
    obj = {
        "apiVersion": "v1",
        "kind": "ConfigMap",
        "metadata": {"name": "cm", "namespace": "default", "uid": "u-1"},
    }
    task = asyncio.create_task(mgr.run())
    await asyncio.wait_for(mgr.wait_started(), 10)
    for _ in range(3):
        recorder.event(obj, "Warning", "SyncFailed", "could not sync")
    mgr.stop()  # pending events are flushed before the manager returns
    await asyncio.wait_for(task, 10)
    async with KubeClient.from_url(fakekube.url) as client:
        events = (await client.list(EVENTS, namespace="default"))["items"]
    [event] = [e for e in events if e["reason"] == "SyncFailed"]
    assert event["count"] == 3
    assert event["source"]["component"] == "teleop-test"
    assert event["involvedObject"]["name"] == "cm"
    assert event["type"] == "Warning"


async def test_readyz_waits_for_the_caches_healthz_does_not(fakekube: FakeKube) -> None:
    mgr = Manager.from_url(fakekube.url, fast_options(leader_election=False))
    mgr.cache.informer_for(ResourceType("", "v1", "configmaps", "ConfigMap"))
    fakekube.faults.pause()  # the informer's first list hangs
    task = asyncio.create_task(mgr.run())
    try:
        assert mgr.health_server is not None
        await asyncio.wait_for(mgr.health_server.wait_started(), 10)
        health = mgr.health_server.url
        assert await get(f"{health}/healthz") == (200, "ok")
        assert await get(f"{health}/readyz") == (
            500,
            "[-]informers failed: reason withheld\nreadyz check failed\n",
        )
    finally:
        fakekube.faults.resume()
    await asyncio.wait_for(mgr.wait_started(), 10)
    assert await get(f"{health}/readyz") == (200, "ok")
    mgr.stop()
    await asyncio.wait_for(task, 10)
