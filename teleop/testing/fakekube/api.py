"""The HTTP front of the resource API: URL parsing, verbs, content negotiation, warnings.

One catch-all route parses ``/api/v1/...`` and ``/apis/<group>/<version>/...`` paths itself
(namespaced, cluster-scoped and all-namespaces forms, plus ``/status``), finds the resource type in
the live registry (so CRDs are served the moment they are written) and hands off to the list,
watch, read and write modules. Responses reuse stored JSON bytes wherever the object is returned
as stored; ``Warning`` headers carry finalizer and unknown-field warnings.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from aiohttp import web

from teleop.testing.fakekube.discovery import (
    api_group,
    api_group_list,
    api_resource_list,
    api_versions,
)
from teleop.testing.fakekube.errors import ApiError, bad_request, not_found
from teleop.testing.fakekube.lists import ListRequest, list_objects, versioned
from teleop.testing.fakekube.openapi import openapi_v3_group_version, openapi_v3_root
from teleop.testing.fakekube.records import RequestRecord
from teleop.testing.fakekube.resources import ResourceRegistry, ResourceType
from teleop.testing.fakekube.store import Store, encode
from teleop.testing.fakekube.tables import PARTIAL, TABLE, output_form, partial, render
from teleop.testing.fakekube.target import Target, WriteOptions, WriteResult
from teleop.testing.fakekube.watch import WatchHub
from teleop.testing.fakekube.watchserve import WatchSettings, parse_bool, serve_watch
from teleop.testing.fakekube.writes import Writer

__all__ = ["ResourceApi", "json_response"]

_MAX_BODY = 3 * 1024 * 1024
_VALIDATION = frozenset({"Strict", "Warn", "Ignore"})
_NO_RESOURCE = "the server could not find the requested resource"


def json_response(
    raw: bytes,
    status: int = 200,
    warnings: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> web.Response:
    resp = web.Response(body=raw, status=status, content_type="application/json", headers=headers)
    for w in warnings or ():
        if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in w):
            # kube-apiserver drops a warning whose text has control characters (an unknown
            # field's name can carry them); it cannot go into a header.
            continue
        escaped = w.replace("\\", "\\\\").replace('"', '\\"')
        resp.headers.add("Warning", f'299 - "{escaped}"')
    return resp


def _missing() -> ApiError:
    return ApiError(404, "NotFound", _NO_RESOURCE, {})


@dataclass(frozen=True, slots=True)
class _Route:
    rt: ResourceType
    version: str
    namespace: str | None
    name: str
    subresource: str


_VERBS = {"POST": "create", "PUT": "update", "PATCH": "patch"}


def _request_record(request: web.Request, r: _Route) -> RequestRecord:
    """The request as an authorizer sees it (``records.RequestRecord``)."""
    method = request.method
    if method == "GET":
        if r.name:
            verb = "get"
        else:
            verb = "watch" if parse_bool(request.query.get("watch", "")) else "list"
    elif method == "DELETE":
        verb = "delete" if r.name else "deletecollection"
    else:
        verb = _VERBS.get(method, method.lower())
    return RequestRecord(
        verb=verb,
        group=r.rt.group,
        resource=r.rt.plural,
        namespace=r.namespace or "",
        name=r.name,
        subresource=r.subresource,
        user_agent=request.headers.get("User-Agent", ""),
    )


class ResourceApi:
    """Routes every ``/api`` and ``/apis`` request."""

    def __init__(
        self,
        store: Store,
        registry: ResourceRegistry,
        hub: WatchHub,
        writer: Writer,
        settings: WatchSettings,
        address: Callable[[], str],
        requests: deque[RequestRecord] | None = None,
    ) -> None:
        self.store = store
        self.registry = registry
        self.hub = hub
        self.writer = writer
        self.settings = settings
        self._address = address
        self._requests = requests

    async def handle(self, request: web.Request) -> web.StreamResponse:
        segs = [s for s in request.path.split("/") if s]
        if segs[:2] == ["openapi", "v3"]:
            return self._openapi(segs[2:])
        if segs == ["api"]:
            return json_response(encode(api_versions(self._address())))
        if segs == ["apis"]:
            return json_response(encode(api_group_list(self.registry)))
        if segs[:1] == ["api"] and len(segs) >= 2:
            group, version, rest = "", segs[1], segs[2:]
        elif segs[:1] == ["apis"] and len(segs) >= 3:
            group, version, rest = segs[1], segs[2], segs[3:]
        elif segs[:1] == ["apis"] and len(segs) == 2:
            doc = api_group(self.registry, segs[1])
            if doc is None:
                raise _missing()
            return json_response(encode(doc))
        else:
            raise _missing()
        if not rest:
            listing = api_resource_list(self.registry, group, version)
            if listing is None:
                raise _missing()
            return json_response(encode(listing))
        route = self._route(group, version, rest)
        if self._requests is not None:
            self._requests.append(_request_record(request, route))
        return await self._dispatch(request, route)

    def _openapi(self, rest: list[str]) -> web.Response:
        if not rest:
            return json_response(encode(openapi_v3_root(self.registry)))
        if rest[0] == "api" and len(rest) == 2:
            doc = openapi_v3_group_version(self.registry, "", rest[1])
        elif rest[0] == "apis" and len(rest) == 3:
            doc = openapi_v3_group_version(self.registry, rest[1], rest[2])
        else:
            doc = None
        if doc is None:
            raise _missing()
        return json_response(encode(doc))

    def _route(self, group: str, version: str, rest: list[str]) -> _Route:
        namespace: str | None = None
        if (
            rest[0] == "namespaces"
            and len(rest) >= 3
            and not (group == "" and len(rest) == 3 and rest[2] in ("status", "finalize"))
        ):
            namespace, rest = rest[1], rest[2:]
        if len(rest) > 3:
            raise _missing()
        rt = self.registry.lookup(group, version, rest[0])
        if rt is None:
            raise _missing()
        name = rest[1] if len(rest) > 1 else ""
        sub = rest[2] if len(rest) > 2 else ""
        if sub and not (sub == "status" and rt.has_status):
            raise _missing()
        if namespace is not None and not rt.namespaced:
            raise _missing()
        if rt.namespaced and name and namespace is None:
            raise _missing()
        return _Route(rt, version, namespace, name, sub)

    async def _dispatch(self, request: web.Request, r: _Route) -> web.StreamResponse:
        q = dict(request.query)
        method = request.method
        form = output_form(request.headers.get("Accept", ""))
        if not r.name:
            if method == "GET":
                if parse_bool(q.get("watch", "")):
                    return await serve_watch(
                        request, self.store, self.hub, r.rt, r.version, r.namespace, q, self.settings,
                        form=form,
                    )  # fmt: skip
                return self._list(r, q, form)
            if method == "POST":
                if r.rt.namespaced and r.namespace is None:
                    raise _missing()
                body = await self._body(request)
                res = self.writer.create(self._target(r, ""), body, self._opts(q))
                return self._result(r, res)
            if method == "DELETE":
                return await self._delete_collection(request, r, q)
            raise ApiError(405, "MethodNotAllowed", f"{method} is not supported on this collection")
        t = self._target(r, r.name)
        if method == "GET":
            stored = self.store.get(r.rt.store_key, t.namespace, r.name)
            if stored is None:
                raise not_found(r.rt.group, r.rt.plural, r.name)
            if form == PARTIAL:
                return json_response(encode(partial(stored.obj)))
            if form == TABLE:
                obj = self._in_version(stored.obj, r)
                meta = {"resourceVersion": obj["metadata"].get("resourceVersion", "")}
                return json_response(encode(self._table(r, [obj], meta, q)))
            return json_response(versioned(stored, r.rt, r.version))
        if method == "PUT":
            body = await self._body(request)
            return self._result(r, self.writer.update(t, body, self._opts(q)))
        if method == "PATCH":
            data = await self._read(request)
            res = self.writer.patch(t, request.headers.get("Content-Type", ""), data, self._opts(q))
            return self._result(r, res)
        if method == "DELETE":
            data = await self._read(request)
            options = json.loads(data) if data.strip() else {}
            if not isinstance(options, dict):
                raise bad_request("DeleteOptions must be an object")
            return self._result(r, self.writer.delete(t, options, self._opts(q)))
        raise ApiError(405, "MethodNotAllowed", f"{method} is not supported")

    async def _delete_collection(
        self, request: web.Request, r: _Route, q: dict[str, str]
    ) -> web.Response:
        """deletecollection: delete every matching object; answer the list of what was deleted."""
        data = await self._read(request)
        options = json.loads(data) if data.strip() else {}
        req = ListRequest(r.rt, r.namespace, {k: v for k, v in q.items() if k.endswith("Selector")})
        _, items, _, _ = list_objects(self.store, req)
        deleted: list[dict[str, Any]] = []
        for stored in items:
            meta = stored.obj["metadata"]
            t = Target(r.rt, r.version, meta.get("namespace", ""), meta["name"])
            res = self.writer.delete(t, options, self._opts(q))
            deleted.append(stored.obj if res.obj.get("kind") == "Status" else res.obj)
        body = {
            "kind": r.rt.list_kind,
            "apiVersion": r.rt.api_version(r.version),
            "metadata": {"resourceVersion": str(self.store.rv)},
            "items": [self._in_version(o, r) for o in deleted],
        }
        return json_response(encode(body))

    def _table(
        self, r: _Route, objs: list[dict[str, Any]], meta: dict[str, Any], q: dict[str, str]
    ) -> dict[str, Any]:
        include = q.get("includeObject", "Metadata")
        return render(r.rt, r.version, objs, meta, include, now=self.settings.clock.now())

    def _target(self, r: _Route, name: str) -> Target:
        return Target(r.rt, r.version, r.namespace or "", name, r.subresource)

    def _in_version(self, obj: dict[str, Any], r: _Route) -> dict[str, Any]:
        if obj.get("kind") == "Status":
            return obj
        return r.rt.present(obj, r.version)

    def _result(self, r: _Route, res: WriteResult) -> web.Response:
        if (r.version != r.rt.storage_version or r.rt.from_storage is not None) and res.obj.get(
            "kind"
        ) != "Status":
            return json_response(encode(self._in_version(res.obj, r)), res.code, res.warnings)
        return json_response(res.raw, res.code, res.warnings)

    def _list(self, r: _Route, q: dict[str, str], form: str) -> web.Response:
        req = ListRequest(r.rt, r.namespace, q)
        rv, items, token, remaining = list_objects(self.store, req)
        meta: dict[str, Any] = {"resourceVersion": str(rv)}
        if token:
            meta["continue"] = token
        if remaining is not None:
            meta["remainingItemCount"] = remaining
        if form == PARTIAL:
            body = {
                "kind": "PartialObjectMetadataList",
                "apiVersion": "meta.k8s.io/v1",
                "metadata": meta,
                "items": [partial(s.obj) for s in items],
            }
            return json_response(encode(body))
        if form == TABLE:
            objs = [self._in_version(s.obj, r) for s in items]
            return json_response(encode(self._table(r, objs, meta, q)))
        head = encode(
            {"kind": r.rt.list_kind, "apiVersion": r.rt.api_version(r.version), "metadata": meta}
        )
        raws = b",".join(versioned(s, r.rt, r.version) for s in items)
        return json_response(head[:-1] + b',"items":[' + raws + b"]}")

    async def _read(self, request: web.Request) -> bytes:
        ctype = request.headers.get("Content-Type", "")
        if "protobuf" in ctype or "cbor" in ctype:
            raise ApiError(
                415,
                "UnsupportedMediaType",
                f"the body of the request was in an unknown format - accepted media types include: "
                f"application/json, application/yaml (fakekube does not decode {ctype})",
            )
        data = await request.read()
        if len(data) > _MAX_BODY:
            raise ApiError(
                413, "RequestEntityTooLarge", f"Request entity too large: limit is {_MAX_BODY}"
            )
        return data

    async def _body(self, request: web.Request) -> Any:
        data = await self._read(request)
        try:
            if "yaml" in request.headers.get("Content-Type", ""):
                return yaml.safe_load(data)
            return json.loads(data)
        except (ValueError, yaml.YAMLError) as e:
            raise bad_request(f"the body of the request could not be decoded: {e}") from None

    def _opts(self, q: dict[str, str]) -> WriteOptions:
        fv = q.get("fieldValidation", "Warn") or "Warn"
        if fv not in _VALIDATION:
            raise bad_request(
                f"fieldValidation parameter unsupported: {fv}. Valid options are Strict, Warn, Ignore"
            )  # not the exact text; the status code is what clients act on
        return WriteOptions(
            field_validation=fv,
            dry_run=q.get("dryRun") == "All",
            field_manager=q.get("fieldManager", ""),
            force=parse_bool(q.get("force", "")),
        )
