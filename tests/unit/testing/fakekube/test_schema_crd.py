"""``validate_crd_schema``: the structural-schema rules that make a CRD 422.

Source: kubernetes/kubernetes staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/
validation.go (structural rules) and pkg/apis/apiextensions/validation/validation.go.
"""

from __future__ import annotations

from typing import Any

from teleop.testing.fakekube.schema import validate_crd_schema

_P = "spec.versions[0].schema.openAPIV3Schema"


def _fields(schema: Any) -> list[tuple[str, str]]:
    return [(c.field, c.reason) for c in validate_crd_schema(schema)]


def test_a_plain_structural_schema_is_accepted() -> None:
    schema = {
        "type": "object",
        "properties": {
            "spec": {
                "type": "object",
                "properties": {
                    "a": {"type": "string", "default": "x"},
                    "p": {"x-kubernetes-int-or-string": True},
                },
            },
            "status": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
        },
    }
    assert validate_crd_schema(schema) == []


def test_root_must_be_an_object() -> None:
    assert _fields({"type": "string"}) == [(f"{_P}.type", "FieldValueInvalid")]
    assert _fields({}) == [(f"{_P}.type", "FieldValueRequired")]


def test_specified_fields_need_a_type() -> None:
    got = _fields({"type": "object", "properties": {"spec": {"properties": {}}}})
    assert got == [(f"{_P}.properties[spec].type", "FieldValueRequired")]


def test_unknown_type_name() -> None:
    got = _fields({"type": "object", "properties": {"a": {"type": "int"}}})
    assert got == [(f"{_P}.properties[a].type", "FieldValueNotSupported")]


def test_properties_and_additional_properties_are_exclusive() -> None:
    s = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "additionalProperties": {"type": "string"},
    }
    assert _fields(s) == [(f"{_P}.additionalProperties", "FieldValueForbidden")]


def test_preserve_unknown_fields_false_is_invalid() -> None:
    s = {"type": "object", "x-kubernetes-preserve-unknown-fields": False}
    assert _fields(s) == [(f"{_P}.x-kubernetes-preserve-unknown-fields", "FieldValueInvalid")]


def test_unique_items_is_forbidden() -> None:
    s = {
        "type": "object",
        "properties": {"l": {"type": "array", "uniqueItems": True, "items": {"type": "string"}}},
    }
    assert _fields(s) == [(f"{_P}.properties[l].uniqueItems", "FieldValueForbidden")]


def test_arrays_need_items_and_list_map_needs_keys() -> None:
    s = {"type": "object", "properties": {"l": {"type": "array"}}}
    assert _fields(s) == [(f"{_P}.properties[l].items", "FieldValueRequired")]
    m = {
        "type": "object",
        "properties": {
            "l": {"type": "array", "x-kubernetes-list-type": "map", "items": {"type": "object"}}
        },
    }
    assert _fields(m) == [(f"{_P}.properties[l].x-kubernetes-list-map-keys", "FieldValueRequired")]


def test_default_must_validate_against_its_schema() -> None:
    s = {"type": "object", "properties": {"n": {"type": "integer", "default": "x"}}}
    got = validate_crd_schema(s)
    assert [c.field for c in got] == [f"{_P}.properties[n].default"]
    assert got[0].reason == "FieldValueTypeInvalid"


def test_custom_path() -> None:
    got = validate_crd_schema({"type": "string"}, path="spec.versions[1].schema.openAPIV3Schema")
    assert got[0].field == "spec.versions[1].schema.openAPIV3Schema.type"
