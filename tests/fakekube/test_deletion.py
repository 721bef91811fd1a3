"""Conformance: DELETE, finalizers, preconditions and namespace termination."""

from __future__ import annotations

from typing import Any

from tests.fakekube.helpers import CONFIGMAPS, WIDGETS, Api, configmap, widget

FIN = "example.com/cleanup"


async def _with_finalizer(api: Api, *finalizers: str) -> dict[str, Any]:
    body = widget()
    body["metadata"]["finalizers"] = list(finalizers or (FIN,))
    r = await api.post(WIDGETS, body)
    assert r.status == 201, r.body
    return dict(r.body)


async def test_delete_without_finalizers_answers_success_status(widgets: Api) -> None:
    obj = (await widgets.post(WIDGETS, widget())).body
    r = await widgets.delete(f"{WIDGETS}/w")
    assert r.status == 200
    assert r.body["kind"] == "Status"
    assert r.body["status"] == "Success"
    assert r.body["details"] == {
        "name": "w",
        "group": "example.com",
        "kind": "widgets",
        "uid": obj["metadata"]["uid"],
    }
    assert (await widgets.get(f"{WIDGETS}/w")).status == 404


async def test_delete_with_finalizers_answers_object_with_deletion_timestamp(widgets: Api) -> None:
    await _with_finalizer(widgets)
    r = await widgets.delete(f"{WIDGETS}/w")
    assert r.status == 200
    assert r.body["kind"] == "Widget"
    assert r.body["metadata"]["deletionTimestamp"]
    assert r.body["metadata"]["deletionGracePeriodSeconds"] == 0


async def test_delete_with_finalizers_bumps_generation(widgets: Api) -> None:
    await _with_finalizer(widgets)
    r = await widgets.delete(f"{WIDGETS}/w")
    assert r.body["metadata"]["generation"] == 2


async def test_delete_with_finalizers_is_seen_as_modified(widgets: Api) -> None:
    obj = await _with_finalizer(widgets)
    async with widgets.watch(WIDGETS, resourceVersion=obj["metadata"]["resourceVersion"]) as w:
        await widgets.delete(f"{WIDGETS}/w")
        [ev] = await w.take(1)
    assert ev["type"] == "MODIFIED"
    assert ev["object"]["metadata"]["deletionTimestamp"]


async def test_adding_a_finalizer_while_deleting_is_422_forbidden(widgets: Api) -> None:
    await _with_finalizer(widgets)
    await widgets.delete(f"{WIDGETS}/w")
    r = await widgets.patch(f"{WIDGETS}/w", {"metadata": {"finalizers": [FIN, "example.com/more"]}})
    assert r.status == 422
    [cause] = r.body["details"]["causes"]
    assert cause["field"] == "metadata.finalizers"
    assert cause["reason"] == "FieldValueForbidden"
    # apimachinery ValidateObjectMetaUpdate wording
    assert "no new finalizers can be added if the object is being deleted" in cause["message"]


async def test_removing_last_finalizer_deletes_and_event_keeps_the_finalizer(widgets: Api) -> None:
    obj = await _with_finalizer(widgets)
    await widgets.delete(f"{WIDGETS}/w")
    async with widgets.watch(WIDGETS, resourceVersion=obj["metadata"]["resourceVersion"]) as w:
        r = await widgets.patch(f"{WIDGETS}/w", {"metadata": {"finalizers": None}})
        assert r.status == 200
        events = await w.take(2)
    assert [e["type"] for e in events] == ["MODIFIED", "DELETED"]
    assert events[1]["object"]["metadata"]["finalizers"] == [FIN]
    assert events[1]["object"]["metadata"]["resourceVersion"] == r.rv
    assert (await widgets.get(f"{WIDGETS}/w")).status == 404


async def test_finalizer_without_slash_is_accepted_with_a_warning(widgets: Api) -> None:
    body = widget()
    body["metadata"]["finalizers"] = ["plain"]
    r = await widgets.post(WIDGETS, body)
    assert r.status == 201
    # apiextensions-apiserver customresource validator finalizer warning
    assert r.warnings == [
        '299 - "metadata.finalizers: \\"plain\\": prefer a domain-qualified finalizer name '
        'including a path (/) to avoid accidental conflicts with other finalizer writers"'
    ]


async def test_delete_precondition_uid_mismatch_is_409(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    r = await api.delete(f"{CONFIGMAPS}/a", {"preconditions": {"uid": "other"}})
    assert r.status == 409
    assert r.body["reason"] == "Conflict"
    assert "Precondition failed: UID in precondition: other" in r.body["message"]


async def test_delete_precondition_resource_version_mismatch_is_409(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    r = await api.delete(f"{CONFIGMAPS}/a", {"preconditions": {"resourceVersion": "1"}})
    assert r.status == 409
    assert r.body["reason"] == "Conflict"


async def test_delete_matching_preconditions_deletes(api: Api) -> None:
    obj = (await api.post(CONFIGMAPS, configmap("a"))).body
    meta = obj["metadata"]
    pre = {"uid": meta["uid"], "resourceVersion": meta["resourceVersion"]}
    assert (await api.delete(f"{CONFIGMAPS}/a", {"preconditions": pre})).status == 200


async def test_delete_missing_is_404(api: Api) -> None:
    assert (await api.delete(f"{CONFIGMAPS}/nope")).status == 404


async def test_create_in_missing_namespace_is_404(api: Api) -> None:
    r = await api.post("/api/v1/namespaces/nowhere/configmaps", configmap("a"))
    assert r.status == 404
    assert r.body["message"] == 'namespaces "nowhere" not found'


async def test_namespace_deletion_removes_its_objects_and_then_itself(api: Api) -> None:
    await api.post("/api/v1/namespaces", {"metadata": {"name": "tmp"}})
    await api.post("/api/v1/namespaces/tmp/configmaps", configmap("a"))
    r = await api.delete("/api/v1/namespaces/tmp")
    assert r.status == 200
    assert (await api.get("/api/v1/namespaces/tmp/configmaps/a")).status == 404
    assert (await api.get("/api/v1/namespaces/tmp")).status == 404


async def test_namespace_waits_terminating_for_finalizers(widgets: Api) -> None:
    await widgets.post("/api/v1/namespaces", {"metadata": {"name": "tmp"}})
    body = widget()
    body["metadata"]["finalizers"] = [FIN]
    path = "/apis/example.com/v1/namespaces/tmp/widgets"
    assert (await widgets.post(path, body)).status == 201
    await widgets.delete("/api/v1/namespaces/tmp")
    ns = await widgets.get("/api/v1/namespaces/tmp")
    assert ns.body["status"]["phase"] == "Terminating"
    await widgets.patch(f"{path}/w", {"metadata": {"finalizers": None}})
    assert (await widgets.get("/api/v1/namespaces/tmp")).status == 404


async def test_create_in_terminating_namespace_is_403(widgets: Api) -> None:
    await widgets.post("/api/v1/namespaces", {"metadata": {"name": "tmp"}})
    body = widget()
    body["metadata"]["finalizers"] = [FIN]
    assert (await widgets.post("/apis/example.com/v1/namespaces/tmp/widgets", body)).status == 201
    await widgets.delete("/api/v1/namespaces/tmp")
    r = await widgets.post("/api/v1/namespaces/tmp/configmaps", configmap("b"))
    assert r.status == 403
    assert r.body["reason"] == "Forbidden"
    assert "because it is being terminated" in r.body["message"]


async def test_delete_collection_with_label_selector(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", labels={"app": "x"}))
    await api.post(CONFIGMAPS, configmap("b", labels={"app": "y"}))
    r = await api.delete(CONFIGMAPS, params={"labelSelector": "app=x"})
    assert r.status == 200
    assert [i["metadata"]["name"] for i in r.body["items"]] == ["a"]
    left = await api.get(CONFIGMAPS)
    assert [i["metadata"]["name"] for i in left.body["items"]] == ["b"]
