"""KubeClient wire format, error mapping, retries and metrics, against a scripted server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiohttp import web

from teleop.runtime.client import (
    ConfigurationAuth,
    Conflict,
    Expired,
    FileToken,
    Invalid,
    KubeClient,
    NotFound,
    PatchType,
    ResourceType,
    TooManyRequests,
    TransportError,
    UnsupportedMediaType,
    WatchEvent,
)
from teleop.runtime.client.kubeconfig import Connection, connection_from_url
from teleop.runtime.metrics import RuntimeMetrics
from teleop.testing.clock import FakeClock
from tests.unit.runtime.client.conftest import Scripted, status_body

CM = ResourceType("", "v1", "configmaps", "ConfigMap")
WIDGET = ResourceType("example.com", "v1", "widgets", "Widget")
NODE = ResourceType("", "v1", "nodes", "Node", namespaced=False)


def cm(name: str, rv: str = "1") -> dict[str, object]:
    return {"metadata": {"name": name, "namespace": "ns", "resourceVersion": rv}}


@pytest.fixture
async def client(scripted: Scripted) -> AsyncIterator[KubeClient]:
    async with KubeClient.from_url(scripted.url, token="t0k", metrics=RuntimeMetrics()) as c:
        yield c


def count(c: KubeClient, code: str, method: str) -> float:
    metrics = c.transport.metrics
    assert metrics is not None
    host = c.host.split("//", 1)[1]
    value = metrics.registry.get_sample_value(
        "rest_client_requests_total", {"code": code, "method": method, "host": host}
    )
    return value or 0.0


async def test_get_decodes_and_authenticates(scripted: Scripted, client: KubeClient) -> None:
    scripted.reply("GET", "/api/v1/namespaces/ns/configmaps/a", 200, cm("a"))
    got = await client.get(CM, "a", namespace="ns")
    assert got == cm("a")
    seen = scripted.requests[0]
    assert seen.headers["Authorization"] == "Bearer t0k"
    assert count(client, "200", "GET") == 1


async def test_cluster_scoped_and_group_paths(scripted: Scripted, client: KubeClient) -> None:
    scripted.reply("GET", "/api/v1/nodes/n1", 200, {"metadata": {"name": "n1"}})
    scripted.reply("GET", "/apis/example.com/v1/namespaces/x/widgets/w", 200, {"a": 1})
    assert (await client.get(NODE, "n1"))["metadata"]["name"] == "n1"
    assert await client.get(WIDGET, "w", namespace="x") == {"a": 1}
    with pytest.raises(ValueError, match="namespaced"):
        await client.get(CM, "a")


async def test_list_params_and_kind_filled(scripted: Scripted, client: KubeClient) -> None:
    body = {"metadata": {"resourceVersion": "9", "continue": "c2"}, "items": [cm("a")]}
    scripted.reply("GET", "/api/v1/configmaps", 200, body)
    page = await client.list(
        CM,
        label_selector="app=x",
        field_selector="metadata.name=a",
        limit=500,
        continue_="c1",
        resource_version="0",
        resource_version_match="NotOlderThan",
    )
    assert page["metadata"]["continue"] == "c2"
    assert page["items"][0]["kind"] == "ConfigMap"
    assert page["items"][0]["apiVersion"] == "v1"
    assert scripted.requests[0].query == {
        "labelSelector": "app=x",
        "fieldSelector": "metadata.name=a",
        "limit": "500",
        "continue": "c1",
        "resourceVersion": "0",
        "resourceVersionMatch": "NotOlderThan",
    }


@pytest.mark.parametrize(
    ("status", "reason", "cls"),
    [(404, "NotFound", NotFound), (409, "Conflict", Conflict), (415, "", UnsupportedMediaType)],
)
async def test_errors_are_typed(
    scripted: Scripted, client: KubeClient, status: int, reason: str, cls: type[Exception]
) -> None:
    scripted.reply("PUT", "/api/v1/namespaces/ns/configmaps/a", status, status_body(status, reason))
    with pytest.raises(cls):
        await client.update(CM, cm("a"))
    assert count(client, str(status), "PUT") == 1


async def test_invalid_causes(scripted: Scripted, client: KubeClient) -> None:
    cause = {"reason": "FieldValueRequired", "field": "metadata.resourceVersion", "message": "m"}
    scripted.reply(
        "POST",
        "/api/v1/namespaces/ns/configmaps",
        422,
        status_body(422, "Invalid", "bad", causes=[cause]),
    )
    with pytest.raises(Invalid) as info:
        await client.create(CM, cm("a"))
    assert info.value.causes[0].field == "metadata.resourceVersion"


async def test_writes_send_the_right_bodies(scripted: Scripted, client: KubeClient) -> None:
    base = "/apis/example.com/v1/namespaces/ns/widgets"
    scripted.reply("POST", base, 201, {"ok": 1})
    scripted.reply("PUT", f"{base}/w/status", 200, {"ok": 2})
    scripted.reply("PATCH", f"{base}/w", 200, {"ok": 3})
    scripted.reply("PATCH", f"{base}/w/status", 200, {"ok": 4})
    scripted.reply("DELETE", f"{base}/w", 200, status_body(200, "", "deleted"))
    w = {"metadata": {"name": "w", "namespace": "ns", "resourceVersion": "5"}, "spec": {}}
    await client.create(WIDGET, w, field_manager="teleop")
    await client.update_status(WIDGET, w)
    await client.patch(WIDGET, "w", {"spec": {"a": 1}}, namespace="ns")
    await client.patch(
        WIDGET, "w", [{"op": "test", "path": "/spec/a", "value": 1}], namespace="ns",
        patch_type=PatchType.JSON,
    )  # fmt: skip
    await client.patch(
        WIDGET, "w", w, patch_type=PatchType.APPLY, field_manager="teleop", force=True,
        subresource="status",
    )  # fmt: skip
    await client.delete(
        WIDGET, "w", namespace="ns", uid="u1", resource_version="5", propagation_policy="Foreground"
    )
    r = scripted.requests
    assert r[0].query == {"fieldManager": "teleop"}
    assert r[1].path.endswith("/w/status")
    assert r[2].headers["Content-Type"] == "application/merge-patch+json"
    assert json.loads(r[2].body) == {"spec": {"a": 1}}
    assert r[3].headers["Content-Type"] == "application/json-patch+json"
    assert json.loads(r[3].body)[0]["op"] == "test"
    assert r[4].headers["Content-Type"] == "application/apply-patch+yaml"
    assert r[4].query == {"fieldManager": "teleop", "force": "true"}
    assert r[4].path.endswith("/w/status")
    assert json.loads(r[5].body) == {
        "apiVersion": "v1",
        "kind": "DeleteOptions",
        "preconditions": {"uid": "u1", "resourceVersion": "5"},
        "propagationPolicy": "Foreground",
    }
    with pytest.raises(ValueError, match="field_manager"):
        await client.patch(WIDGET, "w", w, patch_type=PatchType.APPLY)


async def test_read_retries_429_on_the_clock(scripted: Scripted) -> None:
    clock = FakeClock()
    path = "/api/v1/namespaces/ns/configmaps/a"
    scripted.reply("GET", path, 429, status_body(429, "TooManyRequests"), **{"Retry-After": "5"})
    scripted.reply("GET", path, 429, status_body(429, "TooManyRequests"), **{"Retry-After": "5"})
    scripted.reply("GET", path, 200, cm("a"))
    async with KubeClient.from_url(scripted.url, clock=clock, metrics=RuntimeMetrics()) as c:
        task = asyncio.create_task(c.get(CM, "a", namespace="ns"))
        for _ in range(50):
            await asyncio.sleep(0.01)
            if clock.sleepers:
                break
        assert clock.sleepers == 1
        assert clock.next_deadline() == 5
        await clock.advance(5)
        for _ in range(50):
            await asyncio.sleep(0.01)
            if clock.sleepers:
                break
        await clock.advance(5)
        assert await task == cm("a")
        assert count(c, "429", "GET") == 2
        assert count(c, "200", "GET") == 1


async def test_read_retries_are_bounded_and_writes_not_retried(scripted: Scripted) -> None:
    path = "/api/v1/namespaces/ns/configmaps"
    scripted.reply("GET", path, 429, status_body(429, "TooManyRequests"), **{"Retry-After": "0"})
    scripted.reply("POST", path, 429, status_body(429, "TooManyRequests"), **{"Retry-After": "0"})
    async with KubeClient.from_url(scripted.url, max_read_retries=2) as c:
        with pytest.raises(TooManyRequests) as info:
            await c.list(CM, namespace="ns")
        assert info.value.retry_after == 0
        assert len(scripted.requests) == 3
        with pytest.raises(TooManyRequests):
            await c.create(CM, cm("a"))
        assert len(scripted.requests) == 4


async def test_client_side_limiter(scripted: Scripted) -> None:
    clock = FakeClock()
    scripted.reply("GET", "/api/v1/namespaces/ns/configmaps/a", 200, cm("a"))
    async with KubeClient.from_url(scripted.url, clock=clock, qps=1, burst=2) as c:
        results = [asyncio.create_task(c.get(CM, "a", namespace="ns")) for _ in range(3)]
        for _ in range(100):
            await asyncio.sleep(0.01)
            if len(scripted.requests) == 2 and clock.sleepers == 1:
                break
        assert len(scripted.requests) == 2  # the burst; the third waits on the bucket
        await clock.advance(1)
        await asyncio.gather(*results)
        assert len(scripted.requests) == 3
    async with KubeClient.from_url(scripted.url) as c:
        assert c.transport.limiter is None  # off by default, as in controller-runtime >= 0.21


async def test_transport_error_counted(scripted: Scripted) -> None:
    url = scripted.url
    await scripted.server.close()
    metrics = RuntimeMetrics()
    async with KubeClient.from_url(url, metrics=metrics) as c:
        with pytest.raises(TransportError):
            await c.get(CM, "a", namespace="ns")
        assert count(c, "<error>", "GET") == 1


async def test_401_rereads_rotated_token(scripted: Scripted, tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("old")

    async def check(request: web.Request) -> web.StreamResponse:
        if request.headers.get("Authorization") != "Bearer new":
            return web.json_response(status_body(401, "Unauthorized"), status=401)
        return web.json_response(cm("a"))

    scripted.on("GET", "/api/v1/namespaces/ns/configmaps/a", check)
    source = FileToken(str(token))
    conn = connection_from_url(scripted.url)
    async with KubeClient(Connection(conn.configuration, source)) as c:
        await source.authorization()
        token.write_text("new")  # same size and maybe same mtime: only the 401 forces a re-read
        assert await c.get(CM, "a", namespace="ns") == cm("a")


async def test_kubeconfig(scripted: Scripted, tmp_path: Path) -> None:
    kubeconfig = tmp_path / "config"
    kubeconfig.write_text(
        f"""
apiVersion: v1
kind: Config
clusters: [{{name: c, cluster: {{server: "{scripted.url}"}}}}]
users: [{{name: u, user: {{token: s3cret}}}}]
contexts: [{{name: ctx, context: {{cluster: c, user: u}}}}, {{name: other, context: {{cluster: c, user: u}}}}]
current-context: other
"""
    )
    scripted.reply("GET", "/api/v1/namespaces/ns/configmaps/a", 200, cm("a"))
    async with await KubeClient.from_kubeconfig(str(kubeconfig), context="ctx") as c:
        assert isinstance(c.transport.auth, ConfigurationAuth)
        assert await c.get(CM, "a", namespace="ns") == cm("a")
    assert scripted.requests[0].headers["Authorization"] == "Bearer s3cret"


async def test_incluster(tmp_path: Path) -> None:
    from teleop.runtime.client.kubeconfig import incluster_connection

    (tmp_path / "token").write_text("sa")
    (tmp_path / "ca.crt").write_text("x")
    conn = incluster_connection(
        token_file=str(tmp_path / "token"),
        ca_file=str(tmp_path / "ca.crt"),
        environ={"KUBERNETES_SERVICE_HOST": "10.0.0.1", "KUBERNETES_SERVICE_PORT": "443"},
    )
    assert conn.host == "https://10.0.0.1:443"
    assert await conn.auth.authorization() == "Bearer sa"
    with pytest.raises(RuntimeError):
        incluster_connection(environ={})


async def test_watch_stream_and_errors(scripted: Scripted, client: KubeClient) -> None:
    path = "/api/v1/namespaces/ns/configmaps"

    async def stream(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)
        for i in range(3):
            line = {"type": "ADDED", "object": cm(f"o{i}", str(10 + i))}
            await resp.write(json.dumps(line).encode() + b"\n")
        await resp.write(json.dumps({"type": "BOOKMARK", "object": cm("", "20")}).encode() + b"\n")
        await resp.write_eof()
        return resp

    async def expired(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        await resp.prepare(request)
        status = status_body(410, "Expired", "too old resource version")
        await resp.write(json.dumps({"type": "ERROR", "object": status}).encode() + b"\n")
        await resp.write_eof()
        return resp

    async def gone(_: web.Request) -> web.StreamResponse:
        return web.json_response(status_body(410, "Expired"), status=410)

    scripted.on("GET", path, stream, expired, gone)
    events = [
        e
        async for e in client.watch(
            CM, namespace="ns", resource_version="9", allow_watch_bookmarks=True, timeout_seconds=5
        )
    ]
    assert [e.type for e in events] == ["ADDED"] * 3 + ["BOOKMARK"]
    assert events[0] == WatchEvent("ADDED", cm("o0", "10"))
    assert events[-1].resource_version == "20"
    assert scripted.requests[0].query == {
        "watch": "true",
        "resourceVersion": "9",
        "allowWatchBookmarks": "true",
        "timeoutSeconds": "5",
    }
    for _ in range(2):
        with pytest.raises(Expired):
            async for _ in client.watch(CM, namespace="ns", resource_version="1"):
                pass
