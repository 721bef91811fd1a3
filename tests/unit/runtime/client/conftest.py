"""A scripted HTTP server on loopback for client unit tests.

Each test registers answers per (method, path) and inspects the requests that arrived. This is
enough to pin the client's wire format and error mapping; informer behaviour is tested against
fakekube in tests/integration/informer.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Scripted:
    server: TestServer
    routes: dict[tuple[str, str], list[Handler]] = field(default_factory=dict)
    requests: list[Seen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return str(self.server.make_url("")).rstrip("/")

    def on(self, method: str, path: str, *handlers: Handler) -> None:
        """Answer the next requests with ``handlers`` in turn (the last one repeats)."""
        self.routes.setdefault((method, path), []).extend(handlers)

    def reply(self, method: str, path: str, status: int, body: Any, **headers: str) -> None:
        async def h(_: web.Request) -> web.StreamResponse:
            return web.Response(
                status=status, text=json.dumps(body), content_type="application/json",
                headers=headers,
            )  # fmt: skip

        self.on(method, path, h)


def status_body(code: int, reason: str, message: str = "", **details: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "kind": "Status",
        "apiVersion": "v1",
        "status": "Failure",
        "code": code,
        "reason": reason,
        "message": message,
    }
    if details:
        body["details"] = details
    return body


@pytest.fixture
async def scripted() -> AsyncIterator[Scripted]:
    app = web.Application()
    state: dict[str, Scripted] = {}

    async def dispatch(request: web.Request) -> web.StreamResponse:
        s = state["s"]
        s.requests.append(
            Seen(
                request.method,
                request.path,
                dict(request.query),
                dict(request.headers),
                await request.read(),
            )
        )
        queue = s.routes.get((request.method, request.path))
        if not queue:
            return web.json_response(status_body(404, "NotFound", request.path), status=404)
        handler = queue.pop(0) if len(queue) > 1 else queue[0]
        return await handler(request)

    app.router.add_route("*", "/{tail:.*}", dispatch)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    state["s"] = Scripted(server)
    try:
        yield state["s"]
    finally:
        await server.close()
