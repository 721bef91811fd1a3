"""``KubeClient``: a thin async client for any resource type, on kubernetes_asyncio's transport.

kubernetes_asyncio's generated APIs build model objects for every response, which is slow and
cannot represent arbitrary custom resources; its ``Watch`` cannot relist and copies stale tokens.
This client keeps only its transport: one ``ApiClient`` (hence one aiohttp session and connection
pool) per client, called with ``_preload_content=False``. Bodies are decoded to plain dicts here
and failures become the typed errors of ``errors.py``.

Per request it: waits on the optional QPS/burst bucket (off by default, as in controller-runtime
>= 0.21, which relies on API Priority and Fairness), asks the ``TokenSource`` for the
Authorization header (re-reading a rotated token; after a 401 it invalidates and retries once),
and counts the answer in ``rest_client_requests_total{code, method, host}`` (``<error>`` when
there was no HTTP answer, as client-go does). Idempotent reads (``get``, ``list``) answered 429
(or 503 with Retry-After) are retried up to ``max_read_retries`` times (default 3), waiting the
server's Retry-After (default 1 s, capped at ``max_retry_after``, default 60 s) on the injected
clock; writes and watches are never retried here.
"""

from __future__ import annotations

import json
from collections.abc import AsyncGenerator
from enum import StrEnum
from typing import Any, Self
from urllib.parse import urlsplit

import aiohttp
from kubernetes_asyncio.client import ApiClient

from teleop.runtime.client.errors import (
    ApiError,
    ServiceUnavailable,
    TooManyRequests,
    TransportError,
    Unauthorized,
    error_from_status,
)
from teleop.runtime.client.kubeconfig import (
    Connection,
    connection_from_kubeconfig,
    connection_from_url,
    incluster_connection,
)
from teleop.runtime.client.objects import KubeObject, ResourceType, api_path
from teleop.runtime.client.ratelimit import TokenBucket
from teleop.runtime.client.watch import WatchEvent, decode_watch
from teleop.runtime.clock import Clock, SystemClock
from teleop.runtime.metrics import RuntimeMetrics

__all__ = ["KubeClient", "PatchType"]

_Params = list[tuple[str, str]]
_PatchBody = dict[str, Any] | list[Any]


class PatchType(StrEnum):
    """The Content-Type of a PATCH. Custom resources do not support strategic merge (415)."""

    MERGE = "application/merge-patch+json"
    JSON = "application/json-patch+json"
    APPLY = "application/apply-patch+yaml"
    STRATEGIC = "application/strategic-merge-patch+json"


def _retry_after(resp: aiohttp.ClientResponse) -> float | None:
    value = resp.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _add(params: _Params, name: str, value: object) -> None:
    if value is None or value == "":
        return
    params.append((name, ("true" if value else "false") if isinstance(value, bool) else str(value)))


class KubeClient:
    """Get, list, watch and write objects of any ``ResourceType`` as plain dicts."""

    def __init__(
        self,
        connection: Connection,
        *,
        clock: Clock | None = None,
        metrics: RuntimeMetrics | None = None,
        qps: float | None = None,
        burst: int | None = None,
        max_read_retries: int = 3,
        max_retry_after: float = 60.0,
        request_timeout: float = 60.0,
        user_agent: str = "teleop",
    ) -> None:
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._metrics = metrics
        self._auth = connection.auth
        self._base = connection.host
        self._host = urlsplit(self._base).netloc
        self._api: Any = ApiClient(connection.configuration)
        self._rest: Any = self._api.rest_client
        self.limiter = (
            TokenBucket(qps, burst or max(1, int(qps)), clock=self._clock)
            if qps is not None and qps > 0
            else None
        )
        self.max_read_retries = max_read_retries
        self.max_retry_after = max_retry_after
        self.request_timeout = request_timeout
        self.user_agent = user_agent

    # -- constructors ------------------------------------------------------------------------

    @classmethod
    def from_url(cls, url: str, *, token: str | None = None, **options: Any) -> Self:
        """A client for the server at ``url`` (e.g. fakekube), with an optional bearer token."""
        return cls(connection_from_url(url, token=token), **options)

    @classmethod
    async def from_kubeconfig(
        cls, path: str | None = None, *, context: str | None = None, **options: Any
    ) -> Self:
        """A client for a kubeconfig context (``--kubeconfig``/``--context``)."""
        return cls(await connection_from_kubeconfig(path, context=context), **options)

    @classmethod
    def from_incluster(cls, **options: Any) -> Self:
        """A client for the pod's own cluster and service account."""
        return cls(incluster_connection(), **options)

    async def close(self) -> None:
        await self._api.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def host(self) -> str:
        return self._base

    # -- transport ---------------------------------------------------------------------------

    def _count(self, code: str, method: str) -> None:
        if self._metrics is not None:
            self._metrics.rest_client_requests.labels(
                code=code, method=method, host=self._host
            ).inc()

    async def _send(
        self,
        method: str,
        path: str,
        params: _Params,
        *,
        body: Any = None,
        content_type: str = "application/json",
        client_timeout: aiohttp.ClientTimeout | None = None,
    ) -> aiohttp.ClientResponse:
        """One HTTP exchange; the returned response is 2xx and its body not yet read."""
        for attempt in range(2):
            if self.limiter is not None:
                await self.limiter.acquire()
            headers = {
                "Accept": "application/json",
                "Content-Type": content_type,
                "User-Agent": self.user_agent,
            }
            authorization = await self._auth.authorization()
            if authorization:
                headers["Authorization"] = authorization
            try:
                resp: aiohttp.ClientResponse = await self._rest.request(
                    method,
                    self._base + path,
                    query_params=params,
                    headers=headers,
                    body=body,
                    _preload_content=False,
                    _request_timeout=client_timeout
                    or aiohttp.ClientTimeout(total=self.request_timeout),
                )
            except (aiohttp.ClientError, TimeoutError, OSError) as e:
                self._count("<error>", method)
                raise TransportError(f"{method} {path}: {e!r}") from e
            self._count(str(resp.status), method)
            if resp.status < 400:
                return resp
            try:
                raw = await resp.read()
            except (aiohttp.ClientError, TimeoutError, OSError):
                raw = b""
            finally:
                resp.release()
            try:
                decoded = json.loads(raw) if raw else None
            except ValueError:
                decoded = None
            error = error_from_status(resp.status, decoded, retry_after=_retry_after(resp))
            if isinstance(error, Unauthorized) and attempt == 0:
                self._auth.invalidate()  # a rotated token: re-read once and try again
                continue
            raise error
        raise AssertionError("unreachable")

    async def _json(
        self,
        method: str,
        path: str,
        params: _Params,
        *,
        body: Any = None,
        content_type: str = "application/json",
        retry_reads: bool = False,
    ) -> KubeObject:
        attempt = 0
        while True:
            try:
                resp = await self._send(method, path, params, body=body, content_type=content_type)
                try:
                    raw = await resp.read()
                except (aiohttp.ClientError, TimeoutError, OSError) as e:
                    raise TransportError(f"{method} {path}: {e!r}") from e
                finally:
                    resp.release()
            except (TooManyRequests, ServiceUnavailable) as e:
                retryable = isinstance(e, TooManyRequests) or e.retry_after is not None
                if not retry_reads or not retryable or attempt >= self.max_read_retries:
                    raise
                attempt += 1
                delay = e.retry_after if e.retry_after is not None else 1.0
                await self._clock.sleep(min(delay, self.max_retry_after))
                continue
            result = json.loads(raw) if raw else {}
            if not isinstance(result, dict):
                raise ApiError(500, "InternalError", f"{method} {path}: not a JSON object")
            return result

    @staticmethod
    def _namespace(rt: ResourceType, namespace: str | None, obj: KubeObject | None) -> str | None:
        if not rt.namespaced:
            return None
        if namespace is None and obj is not None:
            namespace = (obj.get("metadata") or {}).get("namespace")
        if not namespace:
            raise ValueError(f"{rt} is namespaced: a namespace is required")
        return namespace

    # -- reads -------------------------------------------------------------------------------

    async def get(self, rt: ResourceType, name: str, *, namespace: str | None = None) -> KubeObject:
        ns = self._namespace(rt, namespace, None)
        return await self._json("GET", api_path(rt, namespace=ns, name=name), [], retry_reads=True)

    async def list(
        self,
        rt: ResourceType,
        *,
        namespace: str | None = None,
        label_selector: str | None = None,
        field_selector: str | None = None,
        limit: int | None = None,
        continue_: str | None = None,
        resource_version: str | None = None,
        resource_version_match: str | None = None,
    ) -> KubeObject:
        """One page of a list: the List object, ``metadata.continue`` set when more remain.

        ``namespace=None`` lists across all namespaces. Items get ``apiVersion``/``kind`` filled
        in (the server omits them inside lists).
        """
        params: _Params = []
        _add(params, "labelSelector", label_selector)
        _add(params, "fieldSelector", field_selector)
        _add(params, "limit", limit)
        _add(params, "continue", continue_)
        _add(params, "resourceVersion", resource_version)
        _add(params, "resourceVersionMatch", resource_version_match)
        result = await self._json(
            "GET", api_path(rt, namespace=namespace), params, retry_reads=True
        )
        items = result.get("items")
        if items is None:
            result["items"] = items = []
        for item in items:
            if "kind" not in item:
                item["apiVersion"] = rt.api_version
                item["kind"] = rt.kind
        return result

    async def watch(
        self,
        rt: ResourceType,
        *,
        namespace: str | None = None,
        resource_version: str | None = None,
        allow_watch_bookmarks: bool = False,
        timeout_seconds: int | None = None,
        label_selector: str | None = None,
        field_selector: str | None = None,
    ) -> AsyncGenerator[WatchEvent, None]:
        """Changes after ``resource_version``, until the server ends the stream.

        Wrap the iterator in ``contextlib.aclosing`` to close the connection promptly. ERROR
        events raise the typed error of their Status (``Expired`` for 410). A broken connection
        raises ``TransportError``. The request's total timeout is ``timeout_seconds`` + 30 s, so
        a silently dead connection cannot hang the watcher forever.
        """
        params: _Params = [("watch", "true")]
        _add(params, "resourceVersion", resource_version)
        _add(params, "allowWatchBookmarks", allow_watch_bookmarks or None)
        _add(params, "timeoutSeconds", timeout_seconds)
        _add(params, "labelSelector", label_selector)
        _add(params, "fieldSelector", field_selector)
        path = api_path(rt, namespace=namespace)
        timeout = aiohttp.ClientTimeout(
            total=None if timeout_seconds is None else timeout_seconds + 30.0,
            sock_connect=self.request_timeout,
        )
        resp = await self._send("GET", path, params, client_timeout=timeout)
        try:
            async for event in decode_watch(resp.content.iter_any()):
                yield event
        except (aiohttp.ClientError, OSError, TimeoutError) as e:
            raise TransportError(f"watch {path}: {e!r}") from e
        finally:
            resp.close()

    # -- writes ------------------------------------------------------------------------------

    async def create(
        self,
        rt: ResourceType,
        obj: KubeObject,
        *,
        namespace: str | None = None,
        field_manager: str | None = None,
    ) -> KubeObject:
        params: _Params = []
        _add(params, "fieldManager", field_manager)
        ns = self._namespace(rt, namespace, obj)
        return await self._json("POST", api_path(rt, namespace=ns), params, body=obj)

    async def update(
        self,
        rt: ResourceType,
        obj: KubeObject,
        *,
        field_manager: str | None = None,
        subresource: str | None = None,
    ) -> KubeObject:
        """PUT the whole object; needs ``metadata.resourceVersion`` (409 if stale)."""
        params: _Params = []
        _add(params, "fieldManager", field_manager)
        ns = self._namespace(rt, None, obj)
        name = obj["metadata"]["name"]
        path = api_path(rt, namespace=ns, name=name, subresource=subresource)
        return await self._json("PUT", path, params, body=obj)

    async def update_status(
        self, rt: ResourceType, obj: KubeObject, *, field_manager: str | None = None
    ) -> KubeObject:
        """PUT to the ``/status`` subresource (only ``status`` is taken from ``obj``)."""
        return await self.update(rt, obj, field_manager=field_manager, subresource="status")

    async def patch(
        self,
        rt: ResourceType,
        name: str,
        patch: _PatchBody,
        *,
        namespace: str | None = None,
        patch_type: PatchType = PatchType.MERGE,
        field_manager: str | None = None,
        force: bool | None = None,
        subresource: str | None = None,
    ) -> KubeObject:
        """PATCH: merge patch (dict), JSON patch (list of ops) or server-side apply (object).

        Server-side apply needs ``field_manager``; ``force`` takes over conflicting fields.
        """
        if patch_type is PatchType.APPLY and not field_manager:
            raise ValueError("server-side apply needs a field_manager")
        params: _Params = []
        _add(params, "fieldManager", field_manager)
        if patch_type is PatchType.APPLY:
            _add(params, "force", force)
        ns = self._namespace(rt, namespace, patch if isinstance(patch, dict) else None)
        path = api_path(rt, namespace=ns, name=name, subresource=subresource)
        return await self._json("PATCH", path, params, body=patch, content_type=patch_type.value)

    async def delete(
        self,
        rt: ResourceType,
        name: str,
        *,
        namespace: str | None = None,
        uid: str | None = None,
        resource_version: str | None = None,
        propagation_policy: str | None = None,
        grace_period_seconds: int | None = None,
    ) -> KubeObject:
        """DELETE, optionally only if ``uid``/``resource_version`` still match (else 409).

        Returns a Status (deleted at once) or the object (finalizers pending).
        """
        ns = self._namespace(rt, namespace, None)
        body: dict[str, Any] = {"apiVersion": "v1", "kind": "DeleteOptions"}
        preconditions: dict[str, str] = {}
        if uid is not None:
            preconditions["uid"] = uid
        if resource_version is not None:
            preconditions["resourceVersion"] = resource_version
        if preconditions:
            body["preconditions"] = preconditions
        if propagation_policy is not None:
            body["propagationPolicy"] = propagation_policy
        if grace_period_seconds is not None:
            body["gracePeriodSeconds"] = grace_period_seconds
        return await self._json("DELETE", api_path(rt, namespace=ns, name=name), [], body=body)
