"""Helpers for the fakekube conformance suite: a tiny JSON client, watch readers, CRD manifests."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import aiohttp
from multidict import CIMultiDictProxy

MERGE = "application/merge-patch+json"
JSON_PATCH = "application/json-patch+json"
STRATEGIC = "application/strategic-merge-patch+json"
APPLY = "application/apply-patch+yaml"
TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io"

WIDGETS = "/apis/example.com/v1/namespaces/default/widgets"
CONFIGMAPS = "/api/v1/namespaces/default/configmaps"
LEASES = "/apis/coordination.k8s.io/v1/namespaces/default/leases"
CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"


@dataclass
class Resp:
    status: int
    body: Any
    headers: CIMultiDictProxy[str]

    @property
    def rv(self) -> str:
        return str(self.body["metadata"]["resourceVersion"])

    @property
    def warnings(self) -> list[str]:
        return self.headers.getall("Warning", [])


class Api:
    """Raw HTTP against the fake; every call returns status, decoded body and headers."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def req(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        ctype: str = "application/json",
        params: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Resp:
        hdrs = {"Content-Type": ctype, **(headers or {})}
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        async with self.session.request(method, path, data=data, params=params, headers=hdrs) as r:
            text = await r.read()
            try:
                decoded = json.loads(text) if text else None
            except ValueError:
                decoded = text.decode()
            return Resp(r.status, decoded, r.headers)

    async def get(self, path: str, **kw: Any) -> Resp:
        return await self.req("GET", path, **kw)

    async def post(self, path: str, body: Any, **kw: Any) -> Resp:
        return await self.req("POST", path, body, **kw)

    async def put(self, path: str, body: Any, **kw: Any) -> Resp:
        return await self.req("PUT", path, body, **kw)

    async def patch(self, path: str, body: Any, ctype: str = MERGE, **kw: Any) -> Resp:
        return await self.req("PATCH", path, body, ctype=ctype, **kw)

    async def delete(self, path: str, body: Any = None, **kw: Any) -> Resp:
        return await self.req("DELETE", path, body, **kw)

    @asynccontextmanager
    async def watch(self, path: str, **params: str) -> AsyncIterator[Watch]:
        q = {"watch": "true", **params}
        async with self.session.get(path, params=q) as r:
            yield Watch(r)


class Watch:
    """Reads ``{"type", "object"}`` lines from an open watch response."""

    def __init__(self, resp: aiohttp.ClientResponse) -> None:
        self.resp = resp

    async def next(self, wait: float = 5.0) -> dict[str, Any] | None:
        """The next event, or None when the stream ended."""
        async with asyncio.timeout(wait):
            line = await self.resp.content.readline()
        return json.loads(line) if line else None

    async def take(self, n: int, wait: float = 5.0) -> list[dict[str, Any]]:
        out = []
        for _ in range(n):
            ev = await self.next(wait)
            assert ev is not None, f"stream ended after {out}"
            out.append(ev)
        return out

    async def rest(self, wait: float = 5.0) -> list[dict[str, Any]]:
        """Every event until the server ends the stream."""
        out = []
        while (ev := await self.next(wait)) is not None:
            out.append(ev)
        return out

    async def quiet(self, wait: float = 0.3) -> bool:
        """True if nothing arrives within ``wait`` seconds."""
        try:
            async with asyncio.timeout(wait):
                line = await self.resp.content.readline()
        except TimeoutError:
            return True
        return not line


def crd(
    *,
    group: str = "example.com",
    plural: str = "widgets",
    kind: str = "Widget",
    status: bool = True,
    scope: str = "Namespaced",
) -> dict[str, Any]:
    """A CRD with a typed spec (defaults, minimum), printer columns, shortNames and a category."""
    schema = {
        "type": "object",
        "properties": {
            "spec": {
                "type": "object",
                "properties": {
                    "replicas": {"type": "integer", "minimum": 0},
                    "color": {"type": "string", "default": "blue"},
                    "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
                },
            },
            "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
        },
    }
    version: dict[str, Any] = {
        "name": "v1",
        "served": True,
        "storage": True,
        "schema": {"openAPIV3Schema": schema},
        "additionalPrinterColumns": [
            {"name": "Replicas", "type": "integer", "jsonPath": ".spec.replicas"},
            {"name": "Color", "type": "string", "jsonPath": ".spec.color"},
        ],
    }
    if status:
        version["subresources"] = {"status": {}}
    beta = {**version, "name": "v1beta1", "storage": False}
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{plural}.{group}"},
        "spec": {
            "group": group,
            "scope": scope,
            "names": {
                "plural": plural,
                "singular": kind.lower(),
                "kind": kind,
                "shortNames": [kind.lower()[:2]],
                "categories": ["toys"],
            },
            "versions": [version, beta],
        },
    }


def widget(name: str = "w", **spec: Any) -> dict[str, Any]:
    return {
        "apiVersion": "example.com/v1",
        "kind": "Widget",
        "metadata": {"name": name},
        "spec": spec or {"replicas": 1},
    }


def configmap(
    name: str = "cm", labels: dict[str, str] | None = None, **data: str
) -> dict[str, Any]:
    meta: dict[str, Any] = {"name": name}
    if labels:
        meta["labels"] = labels
    return {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": data}
