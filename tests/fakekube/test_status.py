"""Conformance: the status subresource is separated from the main resource in both directions."""

from __future__ import annotations

from tests.fakekube.helpers import CRDS, JSON_PATCH, WIDGETS, Api, crd, widget


async def test_status_sent_on_create_is_dropped(widgets: Api) -> None:
    r = await widgets.post(WIDGETS, {**widget(), "status": {"phase": "x"}})
    assert r.status == 201
    assert "status" not in r.body


async def test_status_sent_via_put_of_main_resource_is_dropped(widgets: Api) -> None:
    obj = (await widgets.post(WIDGETS, widget())).body
    r = await widgets.put(
        f"{WIDGETS}/w", {**obj, "spec": {"replicas": 2}, "status": {"phase": "x"}}
    )
    assert r.status == 200
    assert "status" not in r.body
    assert r.body["spec"]["replicas"] == 2


async def test_status_only_put_to_main_resource_keeps_resource_version(widgets: Api) -> None:
    obj = (await widgets.post(WIDGETS, widget())).body
    r = await widgets.put(f"{WIDGETS}/w", {**obj, "status": {"phase": "x"}})
    assert r.status == 200
    assert r.rv == obj["metadata"]["resourceVersion"]


async def test_status_via_merge_patch_of_main_resource_is_dropped(widgets: Api) -> None:
    obj = (await widgets.post(WIDGETS, widget())).body
    r = await widgets.patch(f"{WIDGETS}/w", {"status": {"phase": "x"}})
    assert "status" not in r.body
    assert r.rv == obj["metadata"]["resourceVersion"]


async def test_status_put_updates_status_without_bumping_generation(widgets: Api) -> None:
    obj = (await widgets.post(WIDGETS, widget())).body
    r = await widgets.put(f"{WIDGETS}/w/status", {**obj, "status": {"phase": "Ready"}})
    assert r.status == 200
    assert r.body["status"] == {"phase": "Ready"}
    assert r.body["metadata"]["generation"] == 1
    assert r.rv != obj["metadata"]["resourceVersion"]


async def test_spec_and_labels_sent_to_status_are_ignored(widgets: Api) -> None:
    obj = (await widgets.post(WIDGETS, widget())).body
    sent = {
        **obj,
        "metadata": {**obj["metadata"], "labels": {"a": "b"}},
        "spec": {"replicas": 9},
        "status": {"phase": "Ready"},
    }
    r = await widgets.put(f"{WIDGETS}/w/status", sent)
    assert r.body["spec"] == obj["spec"]
    assert "labels" not in r.body["metadata"]
    assert r.body["status"] == {"phase": "Ready"}


async def test_status_patch_changes_only_status(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget())
    r = await widgets.patch(f"{WIDGETS}/w/status", {"spec": {"replicas": 7}, "status": {"n": 1}})
    assert r.status == 200
    assert r.body["status"] == {"n": 1}
    assert r.body["spec"]["replicas"] == 1


async def test_status_json_patch_on_subresource(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget())
    ops = [{"op": "add", "path": "/status", "value": {"n": 2}}]
    r = await widgets.patch(f"{WIDGETS}/w/status", ops, JSON_PATCH)
    assert r.status == 200
    assert r.body["status"] == {"n": 2}


async def test_status_put_without_resource_version_on_custom_resource_is_422(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget())
    r = await widgets.put(f"{WIDGETS}/w/status", {**widget(), "status": {"n": 1}})
    assert r.status == 422


async def test_without_status_subresource_status_is_ordinary_content(api: Api) -> None:
    assert (await api.post(CRDS, crd(plural="gadgets", kind="Gadget", status=False))).status == 201
    path = "/apis/example.com/v1/namespaces/default/gadgets"
    body = {"apiVersion": "example.com/v1", "kind": "Gadget", "metadata": {"name": "g"}, "spec": {}}
    r = await api.post(path, {**body, "status": {"x": 1}})
    assert r.body["status"] == {"x": 1}
    assert (await api.get(f"{path}/g/status")).status == 404
    # without a status subresource every change outside metadata bumps generation
    r = await api.patch(f"{path}/g", {"status": {"x": 2}})
    assert r.body["metadata"]["generation"] == 2
