"""Conformance: fault injection (Python and admin HTTP), auth, and the write log."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from teleop.testing.fakekube import FakeKube, WriteRecord
from tests.fakekube.helpers import CONFIGMAPS, Api, configmap

pytestmark = pytest.mark.faults


async def test_fail_next_answers_500_internal_error(fakekube: FakeKube, api: Api) -> None:
    fakekube.faults.fail_next(2)
    for _ in range(2):
        r = await api.get(CONFIGMAPS)
        assert r.status == 500
        assert r.body["reason"] == "InternalError"
    assert (await api.get(CONFIGMAPS)).status == 200


async def test_fail_next_429_carries_retry_after_and_too_many_requests(
    fakekube: FakeKube, api: Api
) -> None:
    fakekube.faults.fail_next(1, status=429, retry_after=3)
    r = await api.get(CONFIGMAPS)
    assert r.status == 429
    assert r.headers["Retry-After"] == "3"
    assert r.body["reason"] == "TooManyRequests"
    assert r.body["details"] == {"retryAfterSeconds": 3}


async def test_failed_writes_do_not_happen(fakekube: FakeKube, api: Api) -> None:
    fakekube.faults.fail_next(1)
    assert (await api.post(CONFIGMAPS, configmap("a"))).status == 500
    assert (await api.get(f"{CONFIGMAPS}/a")).status == 404


async def test_probes_and_admin_are_exempt_from_faults(fakekube: FakeKube, api: Api) -> None:
    fakekube.faults.fail_next(1)
    fakekube.faults.pause()
    assert (await api.get("/healthz")).status == 200
    assert (await api.get("/fakekube/faults")).status == 200
    fakekube.faults.resume()
    assert (await api.get(CONFIGMAPS)).status == 500


async def test_pause_hangs_requests_until_resume(fakekube: FakeKube, api: Api) -> None:
    fakekube.faults.pause()
    pending = asyncio.create_task(api.get(CONFIGMAPS))
    await asyncio.sleep(0.2)
    assert not pending.done()
    fakekube.faults.resume()
    assert (await pending).status == 200


async def test_latency_is_added_to_every_request(fakekube: FakeKube, api: Api) -> None:
    fakekube.faults.latency = 0.2
    start = time.monotonic()
    await api.get(CONFIGMAPS)
    assert time.monotonic() - start >= 0.2


async def test_drop_watches_ends_every_open_stream(fakekube: FakeKube, api: Api) -> None:
    async with api.watch(CONFIGMAPS) as w1, api.watch("/api/v1/namespaces") as w2:
        await w2.take(4)
        await asyncio.sleep(0.05)
        fakekube.faults.drop_watches()
        assert await w1.rest() == []
        assert await w2.rest() == []


async def test_admin_http_fail_next(api: Api) -> None:
    r = await api.post("/fakekube/faults/fail-next", {"n": 1, "status": 429, "retryAfter": 2})
    assert r.body["pendingFailures"] == 1
    assert (await api.get(CONFIGMAPS)).status == 429


async def test_admin_http_pause_and_resume(api: Api) -> None:
    await api.post("/fakekube/faults/pause", None)
    pending = asyncio.create_task(api.get(CONFIGMAPS))
    await asyncio.sleep(0.1)
    assert not pending.done()
    await api.post("/fakekube/faults/resume", None)
    assert (await pending).status == 200


async def test_admin_http_latency_and_clear(fakekube: FakeKube, api: Api) -> None:
    await api.post("/fakekube/faults/latency", {"seconds": 0.5})
    assert fakekube.faults.latency == 0.5
    r = await api.post("/fakekube/faults/clear", None)
    assert r.body == {"latency": 0.0, "paused": False, "pendingFailures": 0}


async def test_admin_http_drop_watches(api: Api) -> None:
    async with api.watch(CONFIGMAPS) as w:
        await asyncio.sleep(0.05)
        await api.post("/fakekube/faults/drop-watches", None)
        assert await w.rest() == []


async def test_admin_http_compact(api: Api) -> None:
    r = await api.post(CONFIGMAPS, configmap("a"))
    await api.post(CONFIGMAPS, configmap("b"))
    await api.post("/fakekube/compact", None)
    async with api.watch(CONFIGMAPS, resourceVersion=r.rv) as w:
        [ev] = await w.rest()
    assert ev["type"] == "ERROR"


async def test_write_log_records_each_write(fakekube: FakeKube, api: Api) -> None:
    created = await api.post(CONFIGMAPS, configmap("a", x="1"))
    same = await api.patch(f"{CONFIGMAPS}/a", {"data": {"x": "1"}})
    await api.delete(f"{CONFIGMAPS}/a")
    assert fakekube.writes[:2] == [
        WriteRecord("create", "", "configmaps", "default", "a", created.rv, True),
        WriteRecord("patch", "", "configmaps", "default", "a", same.rv, False),
    ]
    assert [(w.verb, w.changed) for w in fakekube.writes] == [
        ("create", True),
        ("patch", False),
        ("delete", True),
    ]


async def test_rejected_requests_are_not_logged(fakekube: FakeKube, api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    await api.post(CONFIGMAPS, configmap("a"))
    assert len(fakekube.writes) == 1


async def test_admin_http_write_log(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    r = await api.get("/fakekube/writes")
    assert r.body[0]["verb"] == "create"
    assert r.body[0]["name"] == "a"
    await api.delete("/fakekube/writes")
    assert (await api.get("/fakekube/writes")).body == []


async def test_token_is_required_when_configured() -> None:
    async with FakeKube(token="s3cret") as kube, aiohttp.ClientSession(kube.url) as s:
        api = Api(s)
        r = await api.get(CONFIGMAPS)
        assert r.status == 401
        assert r.body["reason"] == "Unauthorized"
        ok = await api.get(CONFIGMAPS, headers={"Authorization": "Bearer s3cret"})
        assert ok.status == 200
        assert (await api.get("/healthz")).status == 200
