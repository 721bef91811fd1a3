"""Conformance: kubernetes_asyncio works against the fake through a written kubeconfig."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from kubernetes_asyncio import client, config, watch
from kubernetes_asyncio.client.exceptions import ApiException

from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import crd


@pytest.fixture
async def k8s(fakekube: FakeKube, tmp_path: Path) -> AsyncIterator[client.ApiClient]:
    path = fakekube.write_kubeconfig(tmp_path / "kubeconfig")
    cfg = client.Configuration()
    await config.load_kube_config(config_file=str(path), client_configuration=cfg)
    async with client.ApiClient(cfg) as api:
        yield api


async def test_kubeconfig_with_token_authenticates(tmp_path: Path) -> None:
    async with FakeKube(token="t0ken") as kube:
        cfg = client.Configuration()
        await config.load_kube_config(
            config_file=str(kube.write_kubeconfig(tmp_path / "kc")), client_configuration=cfg
        )
        async with client.ApiClient(cfg) as api:
            ns = await client.CoreV1Api(api).read_namespace("default")
    assert ns.metadata.name == "default"


async def test_core_v1_configmap_crud(k8s: client.ApiClient) -> None:
    core = client.CoreV1Api(k8s)
    body = client.V1ConfigMap(metadata=client.V1ObjectMeta(name="a"), data={"k": "v"})
    created = await core.create_namespaced_config_map("default", body)
    assert created.metadata.resource_version
    created.data["k"] = "w"
    updated = await core.replace_namespaced_config_map("a", "default", created)
    assert updated.data == {"k": "w"}
    listed = await core.list_namespaced_config_map("default")
    assert [c.metadata.name for c in listed.items] == ["a"]
    await core.delete_namespaced_config_map("a", "default")
    with pytest.raises(ApiException) as err:
        await core.read_namespaced_config_map("a", "default")
    assert err.value.status == 404


async def test_custom_objects_api(k8s: client.ApiClient) -> None:
    ext = client.ApiextensionsV1Api(k8s)
    await ext.create_custom_resource_definition(crd())
    co = client.CustomObjectsApi(k8s)
    body = {
        "apiVersion": "example.com/v1",
        "kind": "Widget",
        "metadata": {"name": "w"},
        "spec": {"replicas": 1},
    }
    created = await co.create_namespaced_custom_object(
        "example.com", "v1", "default", "widgets", body
    )
    assert created["spec"] == {"replicas": 1, "color": "blue"}
    patched = await co.patch_namespaced_custom_object(
        "example.com", "v1", "default", "widgets", "w", {"spec": {"replicas": 2}},
        _content_type="application/merge-patch+json",
    )  # fmt: skip
    assert patched["metadata"]["generation"] == 2
    status = await co.patch_namespaced_custom_object_status(
        "example.com", "v1", "default", "widgets", "w", {"status": {"ready": True}},
        _content_type="application/merge-patch+json",
    )  # fmt: skip
    assert status["status"] == {"ready": True}
    listed = await co.list_namespaced_custom_object("example.com", "v1", "default", "widgets")
    assert [i["metadata"]["name"] for i in listed["items"]] == ["w"]


async def test_custom_objects_api_default_patch_type_is_415(k8s: client.ApiClient) -> None:
    await client.ApiextensionsV1Api(k8s).create_custom_resource_definition(crd())
    co = client.CustomObjectsApi(k8s)
    body = {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}, "spec": {}}
    await co.create_namespaced_custom_object("example.com", "v1", "default", "widgets", body)
    with pytest.raises(ApiException) as err:
        await co.patch_namespaced_custom_object(
            "example.com", "v1", "default", "widgets", "w", {"spec": {"replicas": 2}},
            _content_type="application/strategic-merge-patch+json",
        )  # fmt: skip
    assert err.value.status == 415


async def test_coordination_v1_lease(k8s: client.ApiClient) -> None:
    leases = client.CoordinationV1Api(k8s)
    now = datetime.now(UTC)
    body = client.V1Lease(
        metadata=client.V1ObjectMeta(name="leader"),
        spec=client.V1LeaseSpec(
            holder_identity="a", lease_duration_seconds=15, acquire_time=now, renew_time=now
        ),
    )
    created = await leases.create_namespaced_lease("default", body)
    assert created.spec.holder_identity == "a"
    created.spec.holder_identity = "b"
    replaced = await leases.replace_namespaced_lease("leader", "default", created)
    assert replaced.spec.holder_identity == "b"
    with pytest.raises(ApiException) as err:
        await leases.replace_namespaced_lease("leader", "default", created)
    assert err.value.status == 409


async def test_watch_stream(k8s: client.ApiClient) -> None:
    core = client.CoreV1Api(k8s)
    await core.create_namespaced_config_map(
        "default", client.V1ConfigMap(metadata=client.V1ObjectMeta(name="a"))
    )
    seen = []
    async with watch.Watch() as w:
        async for ev in w.stream(core.list_namespaced_config_map, "default", timeout_seconds=1):
            seen.append((ev["type"], ev["object"].metadata.name))
    assert seen == [("ADDED", "a")]
