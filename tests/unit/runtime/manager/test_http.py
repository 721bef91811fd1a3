"""Bind addresses, and the probe and metrics apps served over a real socket."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest

from teleop.runtime.healthz import HealthChecks, build_probe_app
from teleop.runtime.manager import HttpServer, parse_bind_address
from teleop.runtime.metrics import RuntimeMetrics, add_process_collectors, build_metrics_app


def test_bind_addresses() -> None:
    assert parse_bind_address(":8081") == (None, 8081)
    assert parse_bind_address("127.0.0.1:0") == ("127.0.0.1", 0)
    assert parse_bind_address("[::1]:8080") == ("::1", 8080)
    assert parse_bind_address("0") is None
    assert parse_bind_address("") is None
    with pytest.raises(ValueError):
        parse_bind_address("8080x")


@pytest.fixture
async def probes() -> AsyncIterator[tuple[str, HealthChecks, HealthChecks]]:
    healthz, readyz = HealthChecks("healthz"), HealthChecks("readyz")
    server = HttpServer("health", build_probe_app(healthz, readyz), "127.0.0.1:0")
    task = asyncio.create_task(server.run())
    await server.wait_started()
    yield server.url, healthz, readyz
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as s, s.get(url) as r:
        return r.status, await r.text()


async def test_implicit_ping(probes: tuple[str, HealthChecks, HealthChecks]) -> None:
    url, _, _ = probes
    assert await get(f"{url}/healthz") == (200, "ok")
    assert await get(f"{url}/healthz?verbose") == (200, "[+]ping ok\nhealthz check passed\n")
    assert await get(f"{url}/readyz/ping") == (200, "ok")


async def test_failing_check_is_verbose_and_500(
    probes: tuple[str, HealthChecks, HealthChecks],
) -> None:
    url, _, readyz = probes
    ready = False

    async def informers() -> None:
        if not ready:
            raise RuntimeError("not synced")

    readyz.add("informers", informers)
    readyz.add("ping", lambda: None)
    status, body = await get(f"{url}/readyz")
    assert status == 500
    assert body == "[-]informers failed: reason withheld\n[+]ping ok\nreadyz check failed\n"
    assert await get(f"{url}/readyz/informers") == (500, "internal server error: not synced\n")
    assert await get(f"{url}/readyz?exclude=informers") == (200, "ok")
    assert await get(f"{url}/readyz?exclude=informers&exclude=nope&verbose") == (
        200,
        "[+]informers excluded: ok\n[+]ping ok\nwarn: some health checks cannot be excluded: "
        'no matches for "nope"\nreadyz check passed\n',
    )
    assert (await get(f"{url}/readyz/nope"))[0] == 404
    ready = True
    assert await get(f"{url}/readyz") == (200, "ok")
    with pytest.raises(ValueError):
        readyz.add("ping", lambda: None)


async def test_metrics_app() -> None:
    metrics = RuntimeMetrics()
    add_process_collectors(metrics.registry)
    metrics.leader_election_master_status.labels(name="x").set(1)
    server = HttpServer("metrics", build_metrics_app(metrics), "127.0.0.1:0")
    task = asyncio.create_task(server.run())
    await server.wait_started()
    try:
        status, body = await get(f"{server.url}/metrics")
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
    assert status == 200
    assert 'leader_election_master_status{name="x"} 1.0' in body
    assert "process_start_time_seconds" in body
    assert "python_info" in body
