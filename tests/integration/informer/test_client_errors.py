"""KubeClient against fakekube: each failure arrives as its typed error."""

from __future__ import annotations

from typing import Any

import pytest

from teleop.runtime.client import (
    AlreadyExists,
    BadRequest,
    Conflict,
    Invalid,
    KubeClient,
    NotFound,
    PatchType,
    ResourceType,
    ServerError,
    TooManyRequests,
    UnsupportedMediaType,
    is_not_found,
)
from teleop.testing.fakekube.server import FakeKube
from tests.integration.informer.conftest import CM, NS, configmap, requests

CRD = ResourceType("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CRD", False)
WIDGET = ResourceType("example.com", "v1", "widgets", "Widget")


def widget_crd() -> dict[str, Any]:
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": "widgets.example.com"},
        "spec": {
            "group": "example.com",
            "scope": "Namespaced",
            "names": {"plural": "widgets", "singular": "widget", "kind": "Widget"},
            "versions": [
                {
                    "name": "v1",
                    "served": True,
                    "storage": True,
                    "subresources": {"status": {}},
                    "schema": {
                        "openAPIV3Schema": {
                            "type": "object",
                            "properties": {
                                "spec": {
                                    "type": "object",
                                    "properties": {"size": {"type": "integer"}},
                                },
                                "status": {
                                    "type": "object",
                                    "x-kubernetes-preserve-unknown-fields": True,
                                },
                            },
                        }
                    },
                }
            ],
        },
    }


async def test_typed_errors(kube: FakeKube, client: KubeClient) -> None:
    with pytest.raises(NotFound) as info:
        await client.get(CM, "missing", namespace=NS)
    assert is_not_found(info.value)
    created = await client.create(CM, configmap("a", v="1"))
    with pytest.raises(AlreadyExists):
        await client.create(CM, configmap("a"))
    updated = await client.update(CM, {**created, "data": {"v": "2"}})
    with pytest.raises(Conflict):
        await client.update(CM, {**created, "data": {"v": "3"}})  # stale resourceVersion
    with pytest.raises(Conflict):
        await client.delete(
            CM, "a", namespace=NS, resource_version=created["metadata"]["resourceVersion"]
        )
    with pytest.raises(Invalid):
        await client.patch(
            CM, "a", [{"op": "test", "path": "/data/v", "value": "nope"}], namespace=NS,
            patch_type=PatchType.JSON,
        )  # fmt: skip
    with pytest.raises(BadRequest):
        await client.list(CM, namespace=NS, resource_version="not-a-number")
    kube.faults.fail_next(1, status=500)
    with pytest.raises(ServerError):
        await client.get(CM, "a", namespace=NS)
    kube.faults.fail_next(1, status=429, retry_after=0)
    with pytest.raises(TooManyRequests):
        await client.create(CM, configmap("b"))  # writes are not retried
    kube.faults.fail_next(2, status=429, retry_after=0)
    assert (await client.get(CM, "a", namespace=NS))["data"] == {"v": "2"}  # reads are
    assert requests(client, code="429") == 3
    await client.delete(CM, "a", namespace=NS, uid=updated["metadata"]["uid"])
    with pytest.raises(NotFound):
        await client.get(CM, "a", namespace=NS)


async def test_custom_resources_patch_types(client: KubeClient) -> None:
    await client.create(CRD, widget_crd())
    w = await client.create(
        WIDGET, {"apiVersion": "example.com/v1", "kind": "Widget",
                 "metadata": {"name": "w", "namespace": NS}, "spec": {"size": 1}},
    )  # fmt: skip
    with pytest.raises(UnsupportedMediaType):
        await client.patch(
            WIDGET, "w", {"spec": {"size": 2}}, namespace=NS, patch_type=PatchType.STRATEGIC
        )
    with pytest.raises(Invalid) as info:
        await client.update(WIDGET, {**w, "metadata": {"name": "w", "namespace": NS}})
    assert any(c.field == "metadata.resourceVersion" for c in info.value.causes)
    merged = await client.patch(WIDGET, "w", {"spec": {"size": 2}}, namespace=NS)
    assert merged["spec"] == {"size": 2}
    applied = await client.patch(
        WIDGET, "w",
        {"apiVersion": "example.com/v1", "kind": "Widget",
         "metadata": {"name": "w", "namespace": NS}, "spec": {"size": 3}},
        namespace=NS, patch_type=PatchType.APPLY, field_manager="teleop", force=True,
    )  # fmt: skip
    assert applied["spec"] == {"size": 3}
    status = await client.update_status(WIDGET, {**applied, "status": {"ready": True}})
    assert status["status"] == {"ready": True}
    patched = await client.patch(
        WIDGET, "w", {"status": {"ready": False}}, namespace=NS, subresource="status"
    )
    assert patched["status"] == {"ready": False}
