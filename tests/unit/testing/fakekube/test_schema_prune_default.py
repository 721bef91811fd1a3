"""Pruning and defaulting of the CRD schema engine, one kube-apiserver fact per test.

Sources (kubernetes/kubernetes, staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema):
- P = pruning/algorithm.go
- N = defaulting/prunenulls.go (PruneNonNullableNullsWithoutDefaults)
- D = defaulting/algorithm.go (Default)
- M = objectmeta/coerce.go (ObjectMeta round trip of embedded resources)
"""

from __future__ import annotations

import copy
from typing import Any

from teleop.testing.fakekube.schema import StructuralSchema

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "spec": {
            "type": "object",
            "properties": {
                "name": {"type": "string"},
                "mode": {"type": "string", "default": "auto"},
                "opts": {
                    "type": "object",
                    "default": {},
                    "properties": {"retries": {"type": "integer", "default": 3}},
                },
                "free": {
                    "type": "object",
                    "x-kubernetes-preserve-unknown-fields": True,
                    "properties": {
                        "known": {"type": "object", "properties": {"a": {"type": "string"}}}
                    },
                },
                "list": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"k": {"type": "string", "default": "d"}},
                    },
                },
                "nums": {"type": "array", "items": {"type": "integer", "default": 7}},
                "nullable": {"type": "string", "nullable": True, "default": "x"},
                "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                "loose": {"type": "object", "additionalProperties": True},
                "tpl": {
                    "type": "object",
                    "x-kubernetes-embedded-resource": True,
                    "x-kubernetes-preserve-unknown-fields": True,
                },
            },
        },
        "status": {"type": "object", "properties": {"ready": {"type": "boolean"}}},
    },
}


def _apply(obj: dict[str, Any]) -> Any:
    return StructuralSchema.from_crd_version(_SCHEMA).apply(obj)


def test_unknown_fields_are_removed_and_reported_sorted() -> None:
    # P: prune deletes keys without a schema; UnknownFieldPaths are sorted.
    res = _apply({"spec": {"name": "n", "zzz": 1, "aaa": {"b": 1}}, "extra": True})
    assert "zzz" not in res.obj["spec"]
    assert "extra" not in res.obj
    assert res.pruned == ["extra", "spec.aaa", "spec.zzz"]


def test_root_api_version_kind_metadata_are_never_pruned() -> None:
    # P: the root is treated as an embedded resource; metaFields are skipped.
    meta = {"name": "n", "labels": {"a": "b"}, "whatever": 1}
    res = _apply({"apiVersion": "g/v1", "kind": "K", "metadata": meta})
    assert res.obj["metadata"] == meta
    assert res.obj["kind"] == "K"
    assert res.pruned == []


def test_preserve_unknown_fields_keeps_unknowns_but_prunes_known_properties() -> None:
    # P: skipPrune still prunes below declared properties.
    res = _apply({"spec": {"free": {"x": {"y": 1}, "known": {"a": "1", "b": 2}}}})
    assert res.obj["spec"]["free"] == {"x": {"y": 1}, "known": {"a": "1"}}
    assert res.pruned == ["spec.free.known.b"]


def test_unknown_fields_inside_array_items_are_reported_with_index() -> None:
    res = _apply({"spec": {"list": [{"k": "v", "bad": 1}]}})
    assert res.pruned == ["spec.list[0].bad"]


def test_additional_properties_true_empties_nested_objects() -> None:
    # P: additionalProperties without a schema prunes with a nil schema below it.
    res = _apply({"spec": {"loose": {"a": 1, "b": {"c": 2}}}})
    assert res.obj["spec"]["loose"] == {"a": 1, "b": {}}
    assert res.pruned == ["spec.loose.b.c"]


def test_embedded_resource_metadata_keeps_only_object_meta_fields() -> None:
    # P: embedded metaFields skipped; M: metadata round-trips through ObjectMeta.
    tpl = {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "p", "bogus": 1},
        "spec": {"x": 1},
    }
    res = _apply({"spec": {"tpl": tpl}})
    assert res.obj["spec"]["tpl"] == {
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "p"},
        "spec": {"x": 1},
    }
    assert res.pruned == ["spec.tpl.metadata.bogus"]


def test_defaults_fill_missing_fields_recursively() -> None:
    # D: defaults are deep-copied and then defaulted themselves.
    res = _apply({"spec": {}})
    assert res.obj["spec"]["mode"] == "auto"
    assert res.obj["spec"]["opts"] == {"retries": 3}


def test_defaults_apply_inside_array_items() -> None:
    res = _apply({"spec": {"list": [{}, {"k": "v"}]}})
    assert res.obj["spec"]["list"] == [{"k": "d"}, {"k": "v"}]


def test_null_in_non_nullable_field_with_default_gets_the_default() -> None:
    # N leaves it; D: isNonNullableNull -> default.
    res = _apply({"spec": {"mode": None}})
    assert res.obj["spec"]["mode"] == "auto"
    assert res.causes == []


def test_null_in_nullable_field_with_default_stays_null() -> None:
    res = _apply({"spec": {"nullable": None}})
    assert res.obj["spec"]["nullable"] is None


def test_null_in_non_nullable_field_without_default_is_dropped_silently() -> None:
    # N: removed, and not reported as an unknown field.
    res = _apply({"spec": {"name": None}})
    assert "name" not in res.obj["spec"]
    assert res.pruned == []
    assert res.causes == []


def test_null_array_item_with_item_default_is_defaulted() -> None:
    # D: list items that are non-nullable nulls take the items' default.
    res = _apply({"spec": {"nums": [1, None]}})
    assert res.obj["spec"]["nums"] == [1, 7]


def test_input_is_not_mutated_and_default_values_are_not_shared() -> None:
    obj = {"spec": {"labels": {"a": "b"}, "junk": 1}}
    before = copy.deepcopy(obj)
    schema = StructuralSchema.from_crd_version(_SCHEMA)
    a = schema.apply(obj)
    assert obj == before
    a.obj["spec"]["opts"]["retries"] = 99
    assert schema.apply({"spec": {}}).obj["spec"]["opts"] == {"retries": 3}


def test_status_is_pruned_and_validated_like_spec() -> None:
    res = _apply({"status": {"ready": "yes", "other": 1}})
    assert res.pruned == ["status.other"]
    assert res.causes[0].field == "status.ready"


def test_path_prefixes_reported_fields() -> None:
    res = StructuralSchema.from_crd_version(_SCHEMA).apply({"spec": {"zz": 1}}, path="items[0]")
    assert res.pruned == ["items[0].spec.zz"]
