"""Conformance: the write path (create, PUT, patches, apply, validation) against kube-apiserver facts."""

from __future__ import annotations

from typing import Any

from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import (
    APPLY,
    CONFIGMAPS,
    JSON_PATCH,
    LEASES,
    STRATEGIC,
    WIDGETS,
    Api,
    configmap,
    widget,
)


async def _create(api: Api, body: dict[str, Any] | None = None) -> dict[str, Any]:
    r = await api.post(WIDGETS, body or widget())
    assert r.status == 201, r.body
    return dict(r.body)


async def test_create_sets_uid_creation_timestamp_and_opaque_string_resource_version(
    widgets: Api,
) -> None:
    obj = await _create(widgets)
    meta = obj["metadata"]
    assert meta["uid"]
    assert meta["creationTimestamp"].endswith("Z")
    assert isinstance(meta["resourceVersion"], str)
    assert meta["resourceVersion"].isdigit()


async def test_resource_versions_come_from_one_global_counter(widgets: Api) -> None:
    a = await widgets.post(CONFIGMAPS, configmap("a"))
    b = await _create(widgets)
    assert int(b["metadata"]["resourceVersion"]) > int(a.rv)


async def test_duplicate_create_is_409_already_exists(widgets: Api) -> None:
    await _create(widgets)
    r = await widgets.post(WIDGETS, widget())
    assert r.status == 409
    assert r.body["reason"] == "AlreadyExists"
    # apimachinery errors.NewAlreadyExists: `<resource>.<group> "<name>" already exists`
    assert r.body["message"] == 'widgets.example.com "w" already exists'
    assert r.body["details"] == {"name": "w", "group": "example.com", "kind": "widgets"}


async def test_get_missing_is_404_with_status_body(api: Api) -> None:
    r = await api.get(f"{CONFIGMAPS}/nope")
    assert r.status == 404
    assert r.body == {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": 'configmaps "nope" not found',
        "reason": "NotFound",
        "details": {"name": "nope", "kind": "configmaps"},
        "code": 404,
    }


async def test_generate_name_appends_random_suffix(api: Api) -> None:
    r = await api.post(CONFIGMAPS, {"metadata": {"generateName": "gen-"}, "data": {}})
    assert r.status == 201
    name = r.body["metadata"]["name"]
    assert name.startswith("gen-")
    assert len(name) == len("gen-") + 5


async def test_noop_put_keeps_resource_version_and_emits_no_event(widgets: Api) -> None:
    obj = await _create(widgets)
    async with widgets.watch(WIDGETS, resourceVersion=obj["metadata"]["resourceVersion"]) as w:
        r = await widgets.put(f"{WIDGETS}/w", obj)
        assert r.status == 200
        assert r.rv == obj["metadata"]["resourceVersion"]
        assert await w.quiet()


async def test_noop_patch_keeps_resource_version(widgets: Api) -> None:
    obj = await _create(widgets)
    r = await widgets.patch(f"{WIDGETS}/w", {"spec": {"replicas": 1}})
    assert r.status == 200
    assert r.rv == obj["metadata"]["resourceVersion"]


async def test_identical_server_side_apply_keeps_resource_version(widgets: Api) -> None:
    body = widget()
    first = await widgets.patch(f"{WIDGETS}/w", body, APPLY, params={"fieldManager": "t"})
    assert first.status == 201
    again = await widgets.patch(f"{WIDGETS}/w", body, APPLY, params={"fieldManager": "t"})
    assert again.status == 200
    assert again.rv == first.rv


async def test_put_without_resource_version_on_custom_resource_is_422(widgets: Api) -> None:
    await _create(widgets)
    r = await widgets.put(f"{WIDGETS}/w", widget(replicas=2))
    assert r.status == 422
    assert r.body["reason"] == "Invalid"
    assert [c["field"] for c in r.body["details"]["causes"]] == ["metadata.resourceVersion"]


async def test_put_without_resource_version_on_lease_is_422(api: Api) -> None:
    lease = {"metadata": {"name": "l"}, "spec": {"holderIdentity": "a"}}
    assert (await api.post(LEASES, lease)).status == 201
    r = await api.put(f"{LEASES}/l", {"metadata": {"name": "l"}, "spec": {"holderIdentity": "b"}})
    assert r.status == 422
    assert r.body["details"]["causes"][0]["field"] == "metadata.resourceVersion"


async def test_put_without_resource_version_on_configmap_is_unconditional(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", x="1"))
    r = await api.put(f"{CONFIGMAPS}/a", configmap("a", x="2"))
    assert r.status == 200
    assert r.body["data"] == {"x": "2"}


async def test_stale_put_is_409_conflict_with_real_message(widgets: Api) -> None:
    obj = await _create(widgets)
    await widgets.patch(f"{WIDGETS}/w", {"spec": {"replicas": 5}})
    r = await widgets.put(f"{WIDGETS}/w", obj)
    assert r.status == 409
    assert r.body["reason"] == "Conflict"
    # apimachinery errors.NewConflict + registry OptimisticLockErrorMsg
    assert r.body["message"] == (
        'Operation cannot be fulfilled on widgets.example.com "w": the object has been modified; '
        "please apply your changes to the latest version and try again"
    )


async def test_stale_resource_version_inside_patch_body_is_409(widgets: Api) -> None:
    obj = await _create(widgets)
    await widgets.patch(f"{WIDGETS}/w", {"spec": {"replicas": 5}})
    stale = {
        "metadata": {"resourceVersion": obj["metadata"]["resourceVersion"]},
        "spec": {"replicas": 6},
    }
    assert (await widgets.patch(f"{WIDGETS}/w", stale)).status == 409


async def test_generation_starts_at_one_and_moves_only_with_spec(widgets: Api) -> None:
    obj = await _create(widgets)
    assert obj["metadata"]["generation"] == 1
    r = await widgets.patch(f"{WIDGETS}/w", {"metadata": {"labels": {"a": "b"}}})
    assert r.body["metadata"]["generation"] == 1
    r = await widgets.patch(f"{WIDGETS}/w", {"spec": {"replicas": 3}})
    assert r.body["metadata"]["generation"] == 2


async def test_merge_patch_null_removes_a_field(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", x="1", y="2"))
    r = await api.patch(f"{CONFIGMAPS}/a", {"data": {"x": None}})
    assert r.body["data"] == {"y": "2"}


async def test_json_patch_add_replace_remove(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", x="1", y="2"))
    ops = [
        {"op": "add", "path": "/data/z", "value": "3"},
        {"op": "replace", "path": "/data/x", "value": "9"},
        {"op": "remove", "path": "/data/y"},
        {"op": "test", "path": "/data/z", "value": "3"},
    ]
    r = await api.patch(f"{CONFIGMAPS}/a", ops, JSON_PATCH)
    assert r.status == 200
    assert r.body["data"] == {"x": "9", "z": "3"}


async def test_json_patch_failed_test_op_is_422(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", x="1"))
    r = await api.patch(
        f"{CONFIGMAPS}/a", [{"op": "test", "path": "/data/x", "value": "2"}], JSON_PATCH
    )
    # apiserver patch.go applyJSPatch: NewGenericServerResponse(422, ...) -> reason Invalid
    assert r.status == 422
    assert r.body["reason"] == "Invalid"
    assert r.body["message"] == "the server rejected our request due to an error in our request"


async def test_strategic_merge_patch_on_custom_resource_is_415(widgets: Api) -> None:
    await _create(widgets)
    r = await widgets.patch(f"{WIDGETS}/w", {"spec": {"replicas": 2}}, STRATEGIC)
    assert r.status == 415
    assert r.body["reason"] == "UnsupportedMediaType"


async def test_strategic_merge_patch_on_builtin_merges(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", x="1"))
    r = await api.patch(f"{CONFIGMAPS}/a", {"data": {"y": "2"}}, STRATEGIC)
    assert r.status == 200
    assert r.body["data"] == {"x": "1", "y": "2"}


async def test_server_side_apply_requires_field_manager(widgets: Api) -> None:
    r = await widgets.patch(f"{WIDGETS}/w", widget(), APPLY)
    assert r.status == 400
    assert r.body["reason"] == "BadRequest"


async def test_server_side_apply_merges_into_existing_fields(widgets: Api) -> None:
    await _create(widgets, widget(replicas=1, color="red"))
    body = {
        "apiVersion": "example.com/v1",
        "kind": "Widget",
        "metadata": {"name": "w"},
        "spec": {"replicas": 4},
    }
    r = await widgets.patch(
        f"{WIDGETS}/w", body, APPLY, params={"fieldManager": "t", "force": "true"}
    )
    assert r.status == 200
    assert r.body["spec"] == {"replicas": 4, "color": "red"}


async def test_schema_violation_is_422_with_causes(widgets: Api) -> None:
    r = await widgets.post(WIDGETS, widget(replicas=-1))
    assert r.status == 422
    assert r.body["reason"] == "Invalid"
    assert r.body["message"].startswith('Widget.example.com "w" is invalid: spec.replicas')
    [cause] = r.body["details"]["causes"]
    assert cause["field"] == "spec.replicas"
    assert cause["reason"] == "FieldValueInvalid"


async def test_schema_defaults_are_applied(widgets: Api) -> None:
    obj = await _create(widgets)
    assert obj["spec"]["color"] == "blue"


async def test_unknown_fields_are_pruned_unless_preserved(widgets: Api) -> None:
    obj = await _create(widgets, widget(replicas=1, bogus=1, extra={"free": {"form": 1}}))
    assert "bogus" not in obj["spec"]
    assert obj["spec"]["extra"] == {"free": {"form": 1}}


async def test_field_validation_strict_rejects_unknown_fields(widgets: Api) -> None:
    r = await widgets.post(WIDGETS, widget(replicas=1, x=1), params={"fieldValidation": "Strict"})
    assert r.status == 400
    assert r.body["reason"] == "BadRequest"
    assert r.body["message"] == 'strict decoding error: unknown field "spec.x"'


async def test_field_validation_warn_sends_warning_header(widgets: Api) -> None:
    r = await widgets.post(WIDGETS, widget(replicas=1, x=1), params={"fieldValidation": "Warn"})
    assert r.status == 201
    assert "x" not in r.body["spec"]
    assert r.warnings == ['299 - "unknown field \\"spec.x\\""']


async def test_field_validation_ignore_prunes_silently(widgets: Api) -> None:
    r = await widgets.post(WIDGETS, widget(replicas=1, x=1), params={"fieldValidation": "Ignore"})
    assert r.status == 201
    assert "x" not in r.body["spec"]
    assert r.warnings == []


async def test_dry_run_writes_nothing(fakekube: FakeKube, api: Api) -> None:
    r = await api.post(CONFIGMAPS, configmap("a"), params={"dryRun": "All"})
    assert r.status == 201
    assert (await api.get(f"{CONFIGMAPS}/a")).status == 404
    assert fakekube.writes == []


async def test_object_over_etcd_limit_is_500_without_reason(widgets: Api) -> None:
    big = widget(replicas=1, extra={"blob": "x" * 1_600_000})
    r = await widgets.post(WIDGETS, big)
    assert r.status == 500
    assert "reason" not in r.body
    assert r.body["code"] == 500


async def test_request_body_over_3_mib_is_413(widgets: Api) -> None:
    big = widget(replicas=1, extra={"blob": "x" * (3 * 1024 * 1024 + 10)})
    r = await widgets.post(WIDGETS, big)
    assert r.status == 413
    assert r.body["reason"] == "RequestEntityTooLarge"


async def test_create_with_resource_version_is_500(api: Api) -> None:
    body = configmap("a")
    body["metadata"]["resourceVersion"] = "5"
    r = await api.post(CONFIGMAPS, body)
    # etcd3 store.Create returns a plain error: code 500, no reason
    assert r.status == 500
    assert r.body["message"] == "resourceVersion should not be set on objects to be created"
    assert "reason" not in r.body


async def test_protobuf_bodies_are_415(api: Api) -> None:
    r = await api.post(CONFIGMAPS, configmap("a"), ctype="application/vnd.kubernetes.protobuf")
    # a known gap: real servers decode protobuf for built-ins; fakekube says so with a 415
    assert r.status == 415


async def test_body_api_version_must_match_the_url(widgets: Api) -> None:
    body = {**widget(), "apiVersion": "example.com/v1beta1"}
    r = await widgets.post(WIDGETS, body)
    # apiserver handlers: "the API version in the data (...) does not match the expected API version (...)"
    assert r.status == 400
    assert r.body["message"] == (
        "the API version in the data (example.com/v1beta1) does not match the expected API "
        "version (example.com/v1)"
    )
