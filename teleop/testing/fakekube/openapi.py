"""Minimal OpenAPI v3 documents, just enough for kubectl to use server-side field validation.

kubectl (``apply``, ``create``, ``replace``) validates manifests before sending them: it looks in
``/openapi/v3/<group-version>`` for a PATCH operation tagged with the object's
group/version/kind and, when that operation accepts the ``fieldValidation`` query parameter, it
leaves validation to the server (sending ``fieldValidation=Strict``); otherwise it downloads the
full v2 schema and fails when there is none. So each resource gets one path item with a PATCH
operation carrying ``x-kubernetes-group-version-kind`` and that parameter; no component schemas
are published, which makes kubectl fall back to its compiled-in types (strategic merge for
built-ins) or to JSON merge patch (custom resources) when computing apply patches. /openapi/v2
stays 404, which kubectl tolerates once v3 answers.
"""

from __future__ import annotations

from typing import Any

from teleop.testing.fakekube.resources import ResourceRegistry, ResourceType

__all__ = ["openapi_v3_group_version", "openapi_v3_root"]


def _gv_path(group: str, version: str) -> str:
    return f"apis/{group}/{version}" if group else f"api/{version}"


def openapi_v3_root(registry: ResourceRegistry) -> dict[str, Any]:
    paths: dict[str, Any] = {}
    for rt in registry.all():
        for v in rt.versions:
            p = _gv_path(rt.group, v)
            paths[p] = {"serverRelativeURL": f"/openapi/v3/{p}?hash=fakekube{len(rt.versions)}"}
    return {"paths": dict(sorted(paths.items()))}


def _item_path(rt: ResourceType, version: str) -> str:
    base = "/" + _gv_path(rt.group, version)
    if rt.namespaced:
        return f"{base}/namespaces/{{namespace}}/{rt.plural}/{{name}}"
    return f"{base}/{rt.plural}/{{name}}"


def _operation(rt: ResourceType, version: str, verb: str) -> dict[str, Any]:
    return {
        "operationId": f"{verb}{rt.kind}",
        "x-kubernetes-action": verb,
        "x-kubernetes-group-version-kind": {"group": rt.group, "version": version, "kind": rt.kind},
        "parameters": [
            {"name": "dryRun", "in": "query", "schema": {"type": "string"}},
            {"name": "fieldManager", "in": "query", "schema": {"type": "string"}},
            {"name": "fieldValidation", "in": "query", "schema": {"type": "string"}},
        ],
        "requestBody": {
            "content": {
                "application/json-patch+json": {"schema": {"type": "object"}},
                "application/merge-patch+json": {"schema": {"type": "object"}},
                "application/apply-patch+yaml": {"schema": {"type": "object"}},
            }
        },
        "responses": {"200": {"description": "OK"}},
    }


def openapi_v3_group_version(
    registry: ResourceRegistry, group: str, version: str
) -> dict[str, Any] | None:
    types = [rt for rt in registry.all() if rt.group == group and version in rt.versions]
    if not types:
        return None
    paths = {
        _item_path(rt, version): {
            "patch": _operation(rt, version, "patch"),
            "put": _operation(rt, version, "put"),
        }
        for rt in types
    }
    return {
        "openapi": "3.0.0",
        "info": {"title": "Kubernetes", "version": "v1.36.2"},
        "paths": paths,
        "components": {"schemas": {}},
    }
