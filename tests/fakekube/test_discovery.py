"""Conformance: discovery documents, /version, probes and OpenAPI."""

from __future__ import annotations

from typing import Any

import pytest

from tests.fakekube.helpers import Api


def _resource(doc: dict[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in doc["resources"] if r["name"] == name)


async def test_api_lists_core_version(api: Api) -> None:
    r = await api.get("/api")
    assert r.body["kind"] == "APIVersions"
    assert r.body["versions"] == ["v1"]


async def test_core_v1_resource_list(api: Api) -> None:
    r = await api.get("/api/v1")
    assert r.body["kind"] == "APIResourceList"
    assert r.body["groupVersion"] == "v1"
    names = {x["name"] for x in r.body["resources"]}
    assert {"namespaces", "secrets", "configmaps", "serviceaccounts", "events"} <= names


async def test_resource_entry_fields(api: Api) -> None:
    cm = _resource((await api.get("/api/v1")).body, "configmaps")
    assert cm == {
        "name": "configmaps",
        "singularName": "configmap",
        "namespaced": True,
        "kind": "ConfigMap",
        "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"],
        "shortNames": ["cm"],
    }


async def test_namespaces_are_cluster_scoped_with_status_subresource(api: Api) -> None:
    doc = (await api.get("/api/v1")).body
    assert _resource(doc, "namespaces")["namespaced"] is False
    assert _resource(doc, "namespaces/status")["verbs"] == ["get", "patch", "update"]


async def test_api_group_list(api: Api) -> None:
    r = await api.get("/apis")
    assert r.body["kind"] == "APIGroupList"
    groups = {g["name"]: g for g in r.body["groups"]}
    assert {"apiextensions.k8s.io", "coordination.k8s.io", "events.k8s.io"} <= set(groups)
    assert groups["coordination.k8s.io"]["preferredVersion"] == {
        "groupVersion": "coordination.k8s.io/v1",
        "version": "v1",
    }


async def test_single_api_group(api: Api) -> None:
    r = await api.get("/apis/coordination.k8s.io")
    assert r.body["kind"] == "APIGroup"
    assert r.body["name"] == "coordination.k8s.io"


async def test_group_version_resource_list(api: Api) -> None:
    r = await api.get("/apis/coordination.k8s.io/v1")
    assert _resource(r.body, "leases")["kind"] == "Lease"


async def test_crd_is_discoverable_with_short_names_categories_and_status(widgets: Api) -> None:
    doc = (await widgets.get("/apis/example.com/v1")).body
    w = _resource(doc, "widgets")
    assert w["shortNames"] == ["wi"]
    assert w["categories"] == ["toys"]
    assert w["namespaced"] is True
    assert _resource(doc, "widgets/status")["kind"] == "Widget"


async def test_every_served_crd_version_is_discoverable(widgets: Api) -> None:
    groups = {g["name"]: g for g in (await widgets.get("/apis")).body["groups"]}
    versions = [v["version"] for v in groups["example.com"]["versions"]]
    assert versions == ["v1", "v1beta1"]
    assert groups["example.com"]["preferredVersion"]["version"] == "v1"
    assert (await widgets.get("/apis/example.com/v1beta1")).status == 200


async def test_unknown_group_version_is_404(api: Api) -> None:
    r = await api.get("/apis/nope.example.com/v1")
    assert r.status == 404
    assert r.body["reason"] == "NotFound"


async def test_unknown_resource_is_404(api: Api) -> None:
    r = await api.get("/api/v1/namespaces/default/pods")
    assert r.status == 404
    assert r.body["message"] == "the server could not find the requested resource"


async def test_version(api: Api) -> None:
    r = await api.get("/version")
    assert r.body["major"] == "1"
    assert r.body["gitVersion"].startswith("v1.")


@pytest.mark.parametrize("probe", ["/healthz", "/readyz", "/livez"])
async def test_probes(api: Api, probe: str) -> None:
    r = await api.get(probe)
    assert r.status == 200
    assert r.body == "ok"


async def test_openapi_v3_root_lists_group_versions(widgets: Api) -> None:
    paths = (await widgets.get("/openapi/v3")).body["paths"]
    assert {"api/v1", "apis/coordination.k8s.io/v1", "apis/example.com/v1"} <= set(paths)


async def test_openapi_v3_patch_operations_accept_field_validation(widgets: Api) -> None:
    url = (await widgets.get("/openapi/v3")).body["paths"]["apis/example.com/v1"][
        "serverRelativeURL"
    ]
    doc = (await widgets.get(url)).body
    op = doc["paths"]["/apis/example.com/v1/namespaces/{namespace}/widgets/{name}"]["patch"]
    assert op["x-kubernetes-group-version-kind"] == {
        "group": "example.com",
        "version": "v1",
        "kind": "Widget",
    }
    assert "fieldValidation" in [p["name"] for p in op["parameters"]]


async def test_openapi_v2_is_not_served(api: Api) -> None:
    assert (await api.get("/openapi/v2")).status == 404
