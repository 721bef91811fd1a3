"""``KubeClient``: get, list, watch and write any resource type as plain dicts.

A thin layer over ``Transport`` (kubernetes_asyncio's aiohttp session, auth, limiter, retries,
metrics): it builds paths and query parameters, picks the patch Content-Type, fills in
``apiVersion``/``kind`` on list items and decodes watch streams. Constructors cover a kubeconfig
context, the pod's service account, and a plain URL with an optional token (tests, fakekube).
See ``transport.py`` for what happens to every request (retry and limiter defaults).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from enum import StrEnum
from typing import Any, Self

import aiohttp

from teleop.runtime.client.errors import TransportError
from teleop.runtime.client.kubeconfig import (
    Connection,
    connection_from_kubeconfig,
    connection_from_url,
    incluster_connection,
)
from teleop.runtime.client.objects import KubeObject, ResourceType, api_path
from teleop.runtime.client.transport import Params, Transport
from teleop.runtime.client.watch import WatchEvent, decode_watch
from teleop.runtime.clock import Clock, SystemClock
from teleop.runtime.metrics import RuntimeMetrics

__all__ = ["KubeClient", "PatchType"]

_PatchBody = dict[str, Any] | list[Any]


class PatchType(StrEnum):
    """The Content-Type of a PATCH. Custom resources do not support strategic merge (415)."""

    MERGE = "application/merge-patch+json"
    JSON = "application/json-patch+json"
    APPLY = "application/apply-patch+yaml"
    STRATEGIC = "application/strategic-merge-patch+json"


def _add(params: Params, name: str, value: object) -> None:
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
        self._transport = Transport(
            connection,
            clock=clock if clock is not None else SystemClock(),
            metrics=metrics,
            qps=qps,
            burst=burst,
            max_read_retries=max_read_retries,
            max_retry_after=max_retry_after,
            request_timeout=request_timeout,
            user_agent=user_agent,
        )

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
        await self._transport.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def host(self) -> str:
        """The server's base URL."""
        return self._transport.base

    @property
    def transport(self) -> Transport:
        """Settings and state shared by every request (limiter, metrics, credentials)."""
        return self._transport

    # -- transport ---------------------------------------------------------------------------

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
        return await self._transport.request_json(
            "GET", api_path(rt, namespace=ns, name=name), [], retry_reads=True
        )

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
        params: Params = []
        _add(params, "labelSelector", label_selector)
        _add(params, "fieldSelector", field_selector)
        _add(params, "limit", limit)
        _add(params, "continue", continue_)
        _add(params, "resourceVersion", resource_version)
        _add(params, "resourceVersionMatch", resource_version_match)
        result = await self._transport.request_json(
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
        params: Params = [("watch", "true")]
        _add(params, "resourceVersion", resource_version)
        _add(params, "allowWatchBookmarks", allow_watch_bookmarks or None)
        _add(params, "timeoutSeconds", timeout_seconds)
        _add(params, "labelSelector", label_selector)
        _add(params, "fieldSelector", field_selector)
        path = api_path(rt, namespace=namespace)
        timeout = aiohttp.ClientTimeout(
            total=None if timeout_seconds is None else timeout_seconds + 30.0,
            sock_connect=self._transport.request_timeout,
        )
        resp = await self._transport.send("GET", path, params, client_timeout=timeout)
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
        params: Params = []
        _add(params, "fieldManager", field_manager)
        ns = self._namespace(rt, namespace, obj)
        return await self._transport.request_json(
            "POST", api_path(rt, namespace=ns), params, body=obj
        )

    async def update(
        self,
        rt: ResourceType,
        obj: KubeObject,
        *,
        field_manager: str | None = None,
        subresource: str | None = None,
    ) -> KubeObject:
        """PUT the whole object; needs ``metadata.resourceVersion`` (409 if stale)."""
        params: Params = []
        _add(params, "fieldManager", field_manager)
        ns = self._namespace(rt, None, obj)
        name = obj["metadata"]["name"]
        path = api_path(rt, namespace=ns, name=name, subresource=subresource)
        return await self._transport.request_json("PUT", path, params, body=obj)

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
        params: Params = []
        _add(params, "fieldManager", field_manager)
        if patch_type is PatchType.APPLY:
            _add(params, "force", force)
        ns = self._namespace(rt, namespace, patch if isinstance(patch, dict) else None)
        path = api_path(rt, namespace=ns, name=name, subresource=subresource)
        return await self._transport.request_json(
            "PATCH", path, params, body=patch, content_type=patch_type.value
        )

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
        return await self._transport.request_json(
            "DELETE", api_path(rt, namespace=ns, name=name), [], body=body
        )
