"""``FakeKube``: the in-memory Kubernetes API server, as an async context manager.

It wires the store, registry, watch hub, writer and kind hooks together behind one aiohttp
application, adds bearer-token auth and fault injection as middlewares, and pre-creates the
``default`` and ``kube-system`` namespaces. ``start``/``stop`` (or ``async with``) own the
listening socket; ``stop`` closes every watch first so no handler outlives the server.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import TracebackType
from typing import Self

from aiohttp import web

from teleop.runtime.clock import Clock, SystemClock
from teleop.testing.fakekube.admin import AdminApi
from teleop.testing.fakekube.api import ResourceApi, json_response
from teleop.testing.fakekube.discovery import version_info
from teleop.testing.fakekube.errors import ApiError, status_body
from teleop.testing.fakekube.faults import Faults
from teleop.testing.fakekube.kinds import Kinds
from teleop.testing.fakekube.kubeconfig import write_kubeconfig
from teleop.testing.fakekube.records import RequestRecord, WriteRecord
from teleop.testing.fakekube.resources import ResourceRegistry
from teleop.testing.fakekube.store import Store, encode
from teleop.testing.fakekube.target import Target, WriteOptions
from teleop.testing.fakekube.watch import WatchHub
from teleop.testing.fakekube.watchserve import WatchSettings
from teleop.testing.fakekube.writes import Writer

__all__ = ["FakeKube"]

_PROBES = frozenset({"/healthz", "/readyz", "/livez"})
_Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class FakeKube:
    """An in-memory kube-apiserver on a loopback socket.

    ``history_window`` is how many events are kept for watch resumption and consistent paging
    (older resourceVersions get 410 Expired); ``bookmark_interval`` is the seconds between watch
    bookmarks; ``watch_queue_limit`` is how far a watcher may fall behind before it is closed.
    ``clock`` supplies wall time for timestamps (creationTimestamp, deletionTimestamp, condition
    times, Table ages); watch timing (bookmarks, timeoutSeconds) and fault latency use real time.
    ``requests`` keeps the newest ``request_log_limit`` resource requests (``RequestRecord``).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str | None = None,
        history_window: int = 10000,
        bookmark_interval: float = 60.0,
        watch_queue_limit: int = 10000,
        clock: Clock | None = None,
        request_log_limit: int = 100_000,
    ) -> None:
        self.clock: Clock = clock or SystemClock()
        self.host = host
        self.port = port
        self.token = token
        self.history_window = history_window
        self.bookmark_interval = bookmark_interval
        self.writes: list[WriteRecord] = []
        self.requests: deque[RequestRecord] = deque(maxlen=request_log_limit)
        self._store = Store(history_window)
        self._registry = ResourceRegistry()
        self._hub = WatchHub()
        self._store.subscribe(self._hub.publish)
        self._kinds = Kinds(self._store, self._registry, self._hub, self.clock)
        self._writer = Writer(self._store, self.writes, self._kinds.hooks, self.clock)
        self._kinds.writer = self._writer
        self.faults = Faults(lambda: self._hub.close_all("dropped"))
        self._api = ResourceApi(
            self._store,
            self._registry,
            self._hub,
            self._writer,
            WatchSettings(bookmark_interval, watch_queue_limit, self.clock),
            lambda: f"{self.host}:{self.port}",
            self.requests,
        )
        self._admin = AdminApi(self.faults, self.writes, self.compact, self.requests)
        self._runner: web.AppRunner | None = None
        self._bootstrap()

    def _bootstrap(self) -> None:
        ns_type = self._registry.get("", "namespaces")
        assert ns_type is not None
        for name in ("default", "kube-system", "kube-public", "kube-node-lease"):
            self._writer.create(
                Target(ns_type, "v1", "", ""), {"metadata": {"name": name}}, WriteOptions()
            )
        self.writes.clear()

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def resource_version(self) -> str:
        """The newest resourceVersion issued."""
        return str(self._store.rv)

    @property
    def open_watches(self) -> int:
        return self._hub.count()

    def compact(self) -> None:
        """Drop all watch history: any older resourceVersion now gets 410 Expired."""
        self._store.compact()

    def write_kubeconfig(self, path: str | os.PathLike[str], namespace: str = "default") -> Path:
        return write_kubeconfig(path, self.url, token=self.token, namespace=namespace)

    async def start(self) -> None:
        app = web.Application(
            middlewares=[self._auth_middleware, self._fault_middleware],
            client_max_size=16 * 1024 * 1024,
        )
        app.router.add_route("*", "/version", self._version)
        for probe in _PROBES:
            app.router.add_route("GET", probe, self._probe)
        app.router.add_route("*", "/fakekube/{tail:.*}", self._admin.handle)
        app.router.add_route("*", "/{tail:.*}", self._api.handle)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        if self.port == 0:
            self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        self._hub.close_all("shutdown")
        self.faults.resume()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def _version(self, request: web.Request) -> web.Response:
        return json_response(encode(version_info()))

    async def _probe(self, request: web.Request) -> web.Response:
        return web.Response(text="ok")

    @web.middleware
    async def _auth_middleware(self, request: web.Request, handler: _Handler) -> web.StreamResponse:
        authorized = request.headers.get("Authorization", "") == f"Bearer {self.token}"
        if self.token and request.path not in _PROBES and not authorized:
            return json_response(encode(status_body(401, "Unauthorized", "Unauthorized")), 401)
        return await handler(request)

    @web.middleware
    async def _fault_middleware(
        self, request: web.Request, handler: _Handler
    ) -> web.StreamResponse:
        try:
            if request.path not in _PROBES and not request.path.startswith("/fakekube/"):
                await self.faults.before_request()
            return await handler(request)
        except ApiError as e:
            return json_response(encode(e.body), e.code, headers=e.headers)
