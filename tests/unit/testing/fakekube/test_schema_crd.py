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
    o = {
        "type": "object",
        "properties": {"a": {"type": "string"}},
        "additionalProperties": {"type": "string"},
    }
    s = {"type": "object", "properties": {"o": o}}
    assert _fields(s) == [(f"{_P}.properties[o].additionalProperties", "FieldValueForbidden")]


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


def test_additional_properties_at_the_root_is_forbidden() -> None:
    # schema/validation.go: "must not be used at the root".
    got = validate_crd_schema({"type": "object", "additionalProperties": {"type": "string"}})
    assert [(c.field, c.message) for c in got] == [
        (f"{_P}.additionalProperties", "Forbidden: must not be used at the root")
    ]


def test_root_metadata_may_only_restrict_name_and_generate_name() -> None:
    # schema/validation.go validateStructuralMetadataInvariants.
    ok = {
        "type": "object",
        "properties": {
            "metadata": {
                "type": "object",
                "properties": {"name": {"type": "string", "maxLength": 5}},
            }
        },
    }
    assert validate_crd_schema(ok) == []
    bad = {
        "type": "object",
        "properties": {
            "metadata": {"type": "object", "properties": {"labels": {"type": "object"}}}
        },
    }
    assert [(c.field, c.reason) for c in validate_crd_schema(bad)] == [
        (f"{_P}.properties[metadata]", "FieldValueForbidden")
    ]


def test_value_validations_may_not_carry_structure() -> None:
    # schema/validation.go validateNestedValueValidation.
    s = {
        "type": "object",
        "properties": {"v": {"type": "string", "anyOf": [{"type": "string", "description": "x"}]}},
    }
    assert [(c.field, c.message) for c in validate_crd_schema(s)] == [
        (f"{_P}.properties[v].anyOf[0].description", "Forbidden: must be empty to be structural"),
        (f"{_P}.properties[v].anyOf[0].type", "Forbidden: must be empty to be structural"),
    ]


def test_int_or_string_any_of_pattern_is_allowed() -> None:
    # schema/validation.go isIntOrStringAnyOfPattern.
    p = {"x-kubernetes-int-or-string": True, "anyOf": [{"type": "integer"}, {"type": "string"}]}
    assert validate_crd_schema({"type": "object", "properties": {"p": p}}) == []


def test_embedded_resource_must_be_an_object() -> None:
    s = {
        "type": "object",
        "properties": {
            "e": {
                "x-kubernetes-embedded-resource": True,
                "x-kubernetes-preserve-unknown-fields": True,
            }
        },
    }
    assert [(c.field, c.message) for c in validate_crd_schema(s)] == [
        (
            f"{_P}.properties[e].type",
            "Required value: must be object if x-kubernetes-embedded-resource is true",
        )
    ]


def test_default_with_unknown_fields_is_invalid() -> None:
    # defaulting/validation.go: "must not have unknown fields".
    s = {
        "type": "object",
        "properties": {"o": {"type": "object", "properties": {}, "default": {"x": 1}}},
    }
    got = validate_crd_schema(s)
    assert [(c.field, c.message) for c in got] == [
        (
            f"{_P}.properties[o].default",
            'Invalid value: map[string]interface {}{"x":1}: must not have unknown fields',
        )
    ]
