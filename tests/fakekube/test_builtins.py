"""Conformance: built-in kinds (namespaces, secrets, events, leases) and CRD lifecycle."""

from __future__ import annotations

import base64

import aiohttp
import pytest

from teleop.testing.clock import FakeClock
from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import CRDS, LEASES, TABLE, WIDGETS, Api, crd, widget

LEASE_PATH = f"{LEASES}/l"


@pytest.mark.parametrize("name", ["default", "kube-system"])
async def test_default_namespaces_exist(api: Api, name: str) -> None:
    r = await api.get(f"/api/v1/namespaces/{name}")
    assert r.status == 200
    assert r.body["status"] == {"phase": "Active"}


async def test_new_namespace_is_active(api: Api) -> None:
    r = await api.post("/api/v1/namespaces", {"metadata": {"name": "team"}})
    assert r.status == 201
    assert r.body["status"]["phase"] == "Active"


async def test_secret_roundtrip(api: Api) -> None:
    data = {"k": base64.b64encode(b"v").decode()}
    body = {"metadata": {"name": "s"}, "type": "Opaque", "data": data}
    assert (await api.post("/api/v1/namespaces/default/secrets", body)).status == 201
    r = await api.get("/api/v1/namespaces/default/secrets/s")
    assert r.body["data"] == data
    assert r.body["kind"] == "Secret"


async def test_secret_field_selector_type(api: Api) -> None:
    await api.post(
        "/api/v1/namespaces/default/secrets", {"metadata": {"name": "s"}, "type": "Opaque"}
    )
    r = await api.get("/api/v1/namespaces/default/secrets", params={"fieldSelector": "type=Opaque"})
    assert [i["metadata"]["name"] for i in r.body["items"]] == ["s"]


async def test_serviceaccount_roundtrip(api: Api) -> None:
    r = await api.post("/api/v1/namespaces/default/serviceaccounts", {"metadata": {"name": "sa"}})
    assert r.status == 201
    assert r.body["kind"] == "ServiceAccount"


async def test_core_event_with_involved_object_field_selector(api: Api) -> None:
    ev = {
        "metadata": {"name": "e1"},
        "involvedObject": {"kind": "Widget", "name": "w", "namespace": "default"},
        "reason": "Synced",
        "message": "ok",
        "type": "Normal",
    }
    assert (await api.post("/api/v1/namespaces/default/events", ev)).status == 201
    params = {"fieldSelector": "involvedObject.name=w,involvedObject.kind=Widget"}
    r = await api.get("/api/v1/namespaces/default/events", params=params)
    assert [i["metadata"]["name"] for i in r.body["items"]] == ["e1"]


async def test_events_k8s_io_v1_event(api: Api) -> None:
    ev = {
        "metadata": {"name": "e2"},
        "eventTime": "2026-01-01T00:00:00.000000Z",
        "reportingController": "teleop",
        "reportingInstance": "teleop-1",
        "action": "Reconcile",
        "reason": "Synced",
        "regarding": {"kind": "Widget", "name": "w", "namespace": "default"},
        "note": "ok",
        "type": "Normal",
    }
    r = await api.post("/apis/events.k8s.io/v1/namespaces/default/events", ev)
    assert r.status == 201
    assert r.body["apiVersion"] == "events.k8s.io/v1"


def _lease(**spec: object) -> dict[str, object]:
    return {"metadata": {"name": "l"}, "spec": {"holderIdentity": "me", **spec}}


async def test_lease_micro_time_with_six_digits_and_z_is_accepted(api: Api) -> None:
    r = await api.post(LEASES, _lease(renewTime="2026-01-01T00:00:00.123456Z"))
    assert r.status == 201
    assert r.body["spec"]["renewTime"] == "2026-01-01T00:00:00.123456Z"


@pytest.mark.parametrize(
    "value",
    [
        "2026-01-01T00:00:00Z",
        "2026-01-01T00:00:00.123Z",
        "2026-01-01T00:00:00.1234567Z",
        "yesterday",
    ],
)
async def test_lease_micro_time_other_forms_are_422(api: Api, value: str) -> None:
    r = await api.post(LEASES, _lease(renewTime=value))
    assert r.status == 422
    assert r.body["details"]["causes"][0]["field"] == "spec.renewTime"


async def test_lease_micro_time_offset_is_converted_to_z(api: Api) -> None:
    r = await api.post(LEASES, _lease(acquireTime="2026-01-01T02:00:00.000001+02:00"))
    assert r.status == 201
    assert r.body["spec"]["acquireTime"] == "2026-01-01T00:00:00.000001Z"


async def test_lease_update_with_current_resource_version(api: Api) -> None:
    created = (await api.post(LEASES, _lease())).body
    created["spec"]["holderIdentity"] = "other"
    r = await api.put(LEASE_PATH, created)
    assert r.status == 200
    assert r.body["spec"]["holderIdentity"] == "other"


async def test_crd_gets_established_and_names_accepted(api: Api) -> None:
    r = await api.post(CRDS, crd())
    conditions = {c["type"]: c for c in r.body["status"]["conditions"]}
    assert conditions["Established"]["status"] == "True"
    assert conditions["NamesAccepted"]["status"] == "True"
    assert r.body["status"]["acceptedNames"]["kind"] == "Widget"
    assert r.body["status"]["storedVersions"] == ["v1"]


async def test_crd_name_must_be_plural_dot_group(api: Api) -> None:
    bad = crd()
    bad["metadata"]["name"] = "wrong.example.com"
    r = await api.post(CRDS, bad)
    assert r.status == 422
    assert r.body["details"]["causes"][0]["field"] == "metadata.name"


async def test_crd_with_invalid_schema_is_422(api: Api) -> None:
    bad = crd()
    bad["spec"]["versions"][0]["schema"]["openAPIV3Schema"]["type"] = "string"
    r = await api.post(CRDS, bad)
    assert r.status == 422


async def test_custom_resource_is_readable_via_every_served_version(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget())
    v1 = await widgets.get(f"{WIDGETS}/w")
    beta = await widgets.get("/apis/example.com/v1beta1/namespaces/default/widgets/w")
    assert v1.body["apiVersion"] == "example.com/v1"
    assert beta.body["apiVersion"] == "example.com/v1beta1"
    assert beta.body["spec"] == v1.body["spec"]


async def test_custom_resource_written_via_non_storage_version_is_stored_in_storage_version(
    widgets: Api,
) -> None:
    body = {
        "apiVersion": "example.com/v1beta1",
        "kind": "Widget",
        "metadata": {"name": "b"},
        "spec": {},
    }
    r = await widgets.post("/apis/example.com/v1beta1/namespaces/default/widgets", body)
    assert r.body["apiVersion"] == "example.com/v1beta1"
    assert (await widgets.get(f"{WIDGETS}/b")).body["apiVersion"] == "example.com/v1"


async def test_deleting_a_crd_deletes_its_objects_and_stops_serving(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget())
    assert (await widgets.delete(f"{CRDS}/widgets.example.com")).status == 200
    assert (await widgets.get(WIDGETS)).status == 404
    assert (await widgets.get("/apis/example.com/v1")).status == 404
    assert (await widgets.post(CRDS, crd())).status == 201
    assert (await widgets.get(WIDGETS)).body["items"] == []


async def test_cluster_scoped_custom_resource(api: Api) -> None:
    assert (
        await api.post(CRDS, crd(plural="clusterthings", kind="ClusterThing", scope="Cluster"))
    ).status == 201
    body = {
        "apiVersion": "example.com/v1",
        "kind": "ClusterThing",
        "metadata": {"name": "c"},
        "spec": {},
    }
    r = await api.post("/apis/example.com/v1/clusterthings", body)
    assert r.status == 201
    assert "namespace" not in r.body["metadata"]


async def test_custom_resource_table_uses_printer_columns(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget(replicas=3))
    r = await widgets.get(WIDGETS, headers={"Accept": TABLE})
    assert r.body["kind"] == "Table"
    assert [c["name"] for c in r.body["columnDefinitions"]] == ["Name", "Replicas", "Color"]
    assert r.body["rows"][0]["cells"] == ["w", 3, "blue"]
    assert r.body["rows"][0]["object"]["kind"] == "PartialObjectMetadata"


async def test_builtin_table_has_name_and_age(api: Api) -> None:
    r = await api.get("/api/v1/namespaces", headers={"Accept": TABLE})
    assert [c["name"] for c in r.body["columnDefinitions"]] == ["Name", "Age"]
    assert "default" in [row["cells"][0] for row in r.body["rows"]]


async def test_single_object_table(widgets: Api) -> None:
    await widgets.post(WIDGETS, widget())
    r = await widgets.get(f"{WIDGETS}/w", headers={"Accept": TABLE})
    assert r.body["kind"] == "Table"
    assert len(r.body["rows"]) == 1


async def test_secret_string_data_is_folded_into_data(api: Api) -> None:
    body = {"metadata": {"name": "s"}, "stringData": {"k": "v"}}
    r = await api.post("/api/v1/namespaces/default/secrets", body)
    assert r.body["data"] == {"k": base64.b64encode(b"v").decode()}
    assert "stringData" not in r.body


async def test_namespace_gets_metadata_name_label(api: Api) -> None:
    r = await api.post("/api/v1/namespaces", {"metadata": {"name": "team"}})
    assert r.body["metadata"]["labels"] == {"kubernetes.io/metadata.name": "team"}


async def test_injected_clock_sets_timestamps_and_table_ages() -> None:
    clock = FakeClock()
    async with FakeKube(clock=clock) as kube, aiohttp.ClientSession(kube.url) as s:
        api = Api(s)
        r = await api.post("/api/v1/namespaces", {"metadata": {"name": "team"}})
        assert r.body["metadata"]["creationTimestamp"] == "2026-01-01T00:00:00Z"
        await clock.advance(300)
        table = await api.get("/api/v1/namespaces/team", headers={"Accept": TABLE})
        assert table.body["rows"][0]["cells"] == ["team", "5m"]


async def test_events_k8s_io_event_is_a_core_event_too(api: Api) -> None:
    ev = {
        "metadata": {"name": "e3"},
        "eventTime": "2026-01-01T00:00:00.000000Z",
        "reportingController": "teleop",
        "reportingInstance": "teleop-1",
        "action": "Reconcile",
        "reason": "Synced",
        "regarding": {"kind": "Widget", "name": "w", "namespace": "default"},
        "note": "ok",
        "type": "Normal",
    }
    await api.post("/apis/events.k8s.io/v1/namespaces/default/events", ev)
    core = await api.get("/api/v1/namespaces/default/events/e3")
    # pkg/apis/events/v1 conversion: regarding/note/reportingController <-> core names
    assert core.body["apiVersion"] == "v1"
    assert core.body["involvedObject"]["name"] == "w"
    assert core.body["message"] == "ok"
    assert core.body["reportingComponent"] == "teleop"


async def test_core_event_is_listed_by_events_k8s_io(api: Api) -> None:
    ev = {"metadata": {"name": "e4"}, "involvedObject": {"name": "w"}, "message": "hi", "count": 2}
    await api.post("/api/v1/namespaces/default/events", ev)
    r = await api.get("/apis/events.k8s.io/v1/namespaces/default/events")
    [item] = r.body["items"]
    assert item["apiVersion"] == "events.k8s.io/v1"
    assert item["regarding"] == {"name": "w"}
    assert item["note"] == "hi"
    assert item["deprecatedCount"] == 2
