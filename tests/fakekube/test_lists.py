"""Conformance: LIST with selectors, resourceVersion semantics and limit/continue paging."""

from __future__ import annotations

import pytest

from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import CONFIGMAPS, Api, configmap


async def _names(api: Api, path: str = CONFIGMAPS, **params: str) -> list[str]:
    r = await api.get(path, params=params)
    assert r.status == 200, r.body
    return [i["metadata"]["name"] for i in r.body["items"]]


@pytest.fixture
async def labelled(api: Api) -> Api:
    await api.post(CONFIGMAPS, configmap("a", labels={"app": "x", "tier": "web"}))
    await api.post(CONFIGMAPS, configmap("b", labels={"app": "y"}))
    await api.post(CONFIGMAPS, configmap("c"))
    return api


async def test_list_shape_and_resource_version(api: Api) -> None:
    created = await api.post(CONFIGMAPS, configmap("a"))
    r = await api.get(CONFIGMAPS)
    assert r.body["kind"] == "ConfigMapList"
    assert r.body["apiVersion"] == "v1"
    assert r.body["metadata"]["resourceVersion"] == created.rv
    assert r.body["items"] == [created.body]


async def test_list_is_sorted_by_namespace_and_name(api: Api) -> None:
    for n in ("b", "c", "a"):
        await api.post(CONFIGMAPS, configmap(n))
    assert await _names(api) == ["a", "b", "c"]


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("app=x", ["a"]),
        ("app==x", ["a"]),
        ("app!=x", ["b", "c"]),
        ("app in (x,y)", ["a", "b"]),
        ("app notin (x)", ["b", "c"]),
        ("app", ["a", "b"]),
        ("!app", ["c"]),
        ("app=x,tier=web", ["a"]),
    ],
)
async def test_label_selector_operators(labelled: Api, selector: str, expected: list[str]) -> None:
    assert await _names(labelled, labelSelector=selector) == expected


async def test_field_selector_metadata_name(labelled: Api) -> None:
    assert await _names(labelled, fieldSelector="metadata.name=b") == ["b"]


async def test_field_selector_metadata_namespace_across_namespaces(labelled: Api) -> None:
    await labelled.post("/api/v1/namespaces/kube-system/configmaps", configmap("k"))
    names = await _names(
        labelled, "/api/v1/configmaps", fieldSelector="metadata.namespace=kube-system"
    )
    assert names == ["k"]


async def test_field_selector_not_equal(labelled: Api) -> None:
    assert await _names(labelled, fieldSelector="metadata.name!=b") == ["a", "c"]


async def test_unsupported_field_label_is_400(api: Api) -> None:
    r = await api.get(CONFIGMAPS, params={"fieldSelector": "spec.nope=1"})
    assert r.status == 400
    # apiserver: "field label not supported: <label>"
    assert r.body["message"] == "field label not supported: spec.nope"


async def test_invalid_label_selector_is_400(api: Api) -> None:
    r = await api.get(CONFIGMAPS, params={"labelSelector": "app in x"})
    assert r.status == 400


async def test_all_namespaces_list(api: Api) -> None:
    await api.post("/api/v1/namespaces/kube-system/configmaps", configmap("k"))
    await api.post(CONFIGMAPS, configmap("d"))
    assert await _names(api, "/api/v1/configmaps") == ["d", "k"]


async def test_limit_and_continue_page_through(api: Api) -> None:
    for i in range(5):
        await api.post(CONFIGMAPS, configmap(f"c{i}"))
    first = await api.get(CONFIGMAPS, params={"limit": "2"})
    assert [i["metadata"]["name"] for i in first.body["items"]] == ["c0", "c1"]
    assert first.body["metadata"]["remainingItemCount"] == 3
    token = first.body["metadata"]["continue"]
    second = await api.get(CONFIGMAPS, params={"limit": "2", "continue": token})
    assert [i["metadata"]["name"] for i in second.body["items"]] == ["c2", "c3"]
    third = await api.get(
        CONFIGMAPS, params={"limit": "2", "continue": second.body["metadata"]["continue"]}
    )
    assert [i["metadata"]["name"] for i in third.body["items"]] == ["c4"]
    assert "continue" not in third.body["metadata"]


async def test_continue_pages_are_a_snapshot_of_the_first_page(api: Api) -> None:
    for i in range(4):
        await api.post(CONFIGMAPS, configmap(f"c{i}"))
    first = await api.get(CONFIGMAPS, params={"limit": "2"})
    await api.delete(f"{CONFIGMAPS}/c3")
    await api.post(CONFIGMAPS, configmap("c9"))
    await api.patch(f"{CONFIGMAPS}/c2", {"data": {"changed": "yes"}})
    second = await api.get(
        CONFIGMAPS, params={"limit": "2", "continue": first.body["metadata"]["continue"]}
    )
    items = second.body["items"]
    assert [i["metadata"]["name"] for i in items] == ["c2", "c3"]
    assert items[0]["data"] == {}
    assert second.body["metadata"]["resourceVersion"] == first.body["metadata"]["resourceVersion"]


async def test_list_with_resource_version_zero_ignores_limit(api: Api) -> None:
    for i in range(3):
        await api.post(CONFIGMAPS, configmap(f"c{i}"))
    r = await api.get(CONFIGMAPS, params={"limit": "1", "resourceVersion": "0"})
    assert len(r.body["items"]) == 3
    assert "continue" not in r.body["metadata"]


async def test_stale_continue_token_is_410(fakekube: FakeKube, api: Api) -> None:
    for i in range(3):
        await api.post(CONFIGMAPS, configmap(f"c{i}"))
    first = await api.get(CONFIGMAPS, params={"limit": "1"})
    await api.post(CONFIGMAPS, configmap("later"))
    fakekube.compact()
    r = await api.get(
        CONFIGMAPS, params={"limit": "1", "continue": first.body["metadata"]["continue"]}
    )
    assert r.status == 410
    assert r.body["reason"] == "Expired"


async def test_exact_list_at_compacted_resource_version_is_410(
    fakekube: FakeKube, api: Api
) -> None:
    first = await api.post(CONFIGMAPS, configmap("a"))
    await api.post(CONFIGMAPS, configmap("b"))
    fakekube.compact()
    params = {"resourceVersion": first.rv, "resourceVersionMatch": "Exact"}
    r = await api.get(CONFIGMAPS, params=params)
    assert r.status == 410
    assert r.body["reason"] == "Expired"


async def test_exact_list_inside_the_window_is_that_snapshot(api: Api) -> None:
    first = await api.post(CONFIGMAPS, configmap("a"))
    await api.post(CONFIGMAPS, configmap("b"))
    params = {"resourceVersion": first.rv, "resourceVersionMatch": "Exact"}
    r = await api.get(CONFIGMAPS, params=params)
    assert [i["metadata"]["name"] for i in r.body["items"]] == ["a"]
    assert r.body["metadata"]["resourceVersion"] == first.rv


async def test_list_with_invalid_resource_version_is_400(api: Api) -> None:
    r = await api.get(CONFIGMAPS, params={"resourceVersion": "abc"})
    assert r.status == 400
    assert r.body["reason"] == "BadRequest"


async def test_invalid_continue_token_is_400(api: Api) -> None:
    r = await api.get(CONFIGMAPS, params={"limit": "1", "continue": "!!!"})
    assert r.status == 400


async def test_list_of_custom_resources_in_other_served_version(widgets: Api) -> None:
    await widgets.post(
        "/apis/example.com/v1/namespaces/default/widgets", {"metadata": {"name": "w"}, "spec": {}}
    )
    r = await widgets.get("/apis/example.com/v1beta1/namespaces/default/widgets")
    assert r.body["apiVersion"] == "example.com/v1beta1"
    assert r.body["kind"] == "WidgetList"
    assert r.body["items"][0]["apiVersion"] == "example.com/v1beta1"


PARTIAL_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json"


async def test_partial_object_metadata_list(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", x="1"))
    r = await api.get(CONFIGMAPS, headers={"Accept": PARTIAL_LIST})
    assert r.body["kind"] == "PartialObjectMetadataList"
    [item] = r.body["items"]
    assert item["kind"] == "PartialObjectMetadata"
    assert item["metadata"]["name"] == "a"
    assert "data" not in item
