"""Validation causes of the CRD schema engine, one kube-apiserver fact per test.

Sources (kubernetes/kubernetes and kubernetes/kube-openapi):
- V = staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/validation/validation.go
  (kubeOpenAPIResultToFieldErrors)
- E = kube-openapi pkg/validation/errors/schema.go (message texts)
- T = kube-openapi pkg/validation/validate/type.go
- O = kube-openapi pkg/validation/validate/object_validator.go
- S = kube-openapi pkg/validation/validate/schema.go (validator order)
- F = staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (ErrorBody)
- L = staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/listtype/validation.go
"""

from __future__ import annotations

from typing import Any

from teleop.testing.fakekube.schema import Cause, StructuralSchema


def _spec(props: dict[str, Any], **extra: Any) -> StructuralSchema:
    spec = {"type": "object", "properties": props, **extra}
    return StructuralSchema.from_crd_version({"type": "object", "properties": {"spec": spec}})


def _causes(schema: StructuralSchema, spec: Any) -> list[Cause]:
    return schema.apply({"apiVersion": "g/v1", "kind": "K", "spec": spec}).causes


def _one(schema: StructuralSchema, spec: Any) -> Cause:
    causes = _causes(schema, spec)
    assert len(causes) == 1, causes
    return causes[0]


def test_type_error_names_the_type_of_the_bad_value() -> None:
    # T: InvalidType(path, in, type, schType); E: typeFailWithData; V: field.TypeInvalid.
    c = _one(_spec({"x": {"type": "integer"}}), {"x": "abc"})
    assert c == Cause(
        "FieldValueTypeInvalid",
        'Invalid value: "string": spec.x in body must be of type integer: "string"',
        "spec.x",
    )


def test_type_error_for_an_integer_in_a_string_field() -> None:
    # T: schType of an int64 is "integer".
    c = _one(_spec({"x": {"type": "string"}}), {"x": 5})
    assert c.message == 'Invalid value: "integer": spec.x in body must be of type string: "integer"'


def test_type_error_for_objects_arrays_and_booleans() -> None:
    s = _spec({"a": {"type": "string"}, "b": {"type": "object"}, "c": {"type": "integer"}})
    got = {c.field: c.message for c in _causes(s, {"a": {}, "b": [], "c": True})}
    assert got["spec.a"].endswith('must be of type string: "object"')
    assert got["spec.b"].endswith('must be of type object: "array"')
    assert got["spec.c"].endswith('must be of type integer: "boolean"')


def test_whole_float_is_an_integer_and_integer_is_a_number() -> None:
    # T: isFloatInt / isIntFloat.
    s = _spec({"i": {"type": "integer"}, "n": {"type": "number"}})
    assert _causes(s, {"i": 3.0, "n": 3}) == []
    assert _one(s, {"i": 3.5}).message.endswith('must be of type integer: "number"')


def test_null_in_non_nullable_field_without_default_is_pruned_then_required() -> None:
    # defaulting/prunenulls.go drops the null; O: Required; V: field.Required(path, "").
    s = _spec({"x": {"type": "string"}}, required=["x"])
    assert _one(s, {"x": None}) == Cause("FieldValueRequired", "Required value", "spec.x")


def test_null_in_nullable_field_is_kept_and_valid() -> None:
    s = _spec({"x": {"type": "string", "nullable": True}})
    res = s.apply({"spec": {"x": None}})
    assert res.causes == []
    assert res.obj["spec"] == {"x": None}


def test_null_array_item_is_a_type_error() -> None:
    # prunenulls.go only recurses into lists; T: nil data -> InvalidType(..., "null").
    c = _one(_spec({"l": {"type": "array", "items": {"type": "string"}}}), {"l": [None]})
    assert c.field == "spec.l[0]"
    assert c.message == 'Invalid value: "null": spec.l[0] in body must be of type string: "null"'


def test_enum_is_not_supported_with_quoted_values() -> None:
    # V: EnumFailCode -> field.NotSupported; F: NotSupported quotes each value.
    c = _one(_spec({"m": {"type": "string", "enum": ["a", "b"]}}), {"m": "x"})
    assert c == Cause(
        "FieldValueNotSupported", 'Unsupported value: "x": supported values: "a", "b"', "spec.m"
    )


def test_enum_non_string_values_are_json_encoded() -> None:
    # V: non-string allowed values are json.Marshal'ed before quoting.
    c = _one(_spec({"n": {"type": "integer", "enum": [1, 2]}}), {"n": 3})
    assert c.message == 'Unsupported value: 3: supported values: "1", "2"'


def test_required_missing() -> None:
    c = _one(_spec({"a": {"type": "string"}}, required=["a"]), {})
    assert c == Cause("FieldValueRequired", "Required value", "spec.a")


def test_max_length_is_too_long_without_value() -> None:
    # V: TooLongFailCode -> field.TooLongMaxLength; F: ErrorBody omits the value for TooLong.
    c = _one(_spec({"s": {"type": "string", "maxLength": 3}}), {"s": "abcd"})
    assert c == Cause("FieldValueTooLong", "Too long: may not be longer than 3", "spec.s")


def test_min_length() -> None:
    # E: tooShortMessage; V: default -> field.Invalid.
    c = _one(_spec({"s": {"type": "string", "minLength": 2}}), {"s": "a"})
    assert c == Cause(
        "FieldValueInvalid",
        'Invalid value: "a": spec.s in body should be at least 2 chars long',
        "spec.s",
    )


def test_length_counts_characters_not_bytes() -> None:
    assert _causes(_spec({"s": {"type": "string", "maxLength": 2}}), {"s": "éé"}) == []


def test_pattern() -> None:
    # E: patternFail.
    c = _one(_spec({"s": {"type": "string", "pattern": "^[a-z]+$"}}), {"s": "A1"})
    assert c.message == "Invalid value: \"A1\": spec.s in body should match '^[a-z]+$'"


def test_maximum_and_minimum_inclusive_and_exclusive() -> None:
    # E: maxIncFail, maxExcFail, minIncFail, minExcFail; ints print as ints.
    s = _spec(
        {
            "a": {"type": "integer", "maximum": 5},
            "b": {"type": "integer", "maximum": 5, "exclusiveMaximum": True},
            "c": {"type": "integer", "minimum": 1},
            "d": {"type": "number", "minimum": 1.5, "exclusiveMinimum": True},
        }
    )
    got = {c.field: c.message for c in _causes(s, {"a": 6, "b": 5, "c": 0, "d": 1.5})}
    assert got == {
        "spec.a": "Invalid value: 6: spec.a in body should be less than or equal to 5",
        "spec.b": "Invalid value: 5: spec.b in body should be less than 5",
        "spec.c": "Invalid value: 0: spec.c in body should be greater than or equal to 1",
        "spec.d": "Invalid value: 1.5: spec.d in body should be greater than 1.5",
    }


def test_multiple_of() -> None:
    c = _one(_spec({"n": {"type": "integer", "multipleOf": 5}}), {"n": 7})
    assert c.message == "Invalid value: 7: spec.n in body should be a multiple of 5"


def test_min_items_and_max_items() -> None:
    # E: minItemsFail (Invalid, value = size); V: MaxItemsFailCode -> field.TooMany.
    s = _spec(
        {
            "a": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "b": {"type": "array", "items": {"type": "string"}, "maxItems": 1},
        }
    )
    got = {c.field: c for c in _causes(s, {"a": ["x"], "b": ["x", "y"]})}
    assert got["spec.a"] == Cause(
        "FieldValueInvalid",
        "Invalid value: 1: spec.a in body should have at least 2 items",
        "spec.a",
    )
    assert got["spec.b"] == Cause(
        "FieldValueTooMany", "Too many: 2: must have at most 1 items", "spec.b"
    )


def test_min_and_max_properties() -> None:
    # O: TooFewProperties / TooManyProperties; V: TooManyPropertiesCode -> field.TooMany.
    s = _spec(
        {
            "a": {"type": "object", "additionalProperties": {"type": "string"}, "minProperties": 2},
            "b": {"type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 1},
        }
    )
    got = {c.field: c for c in _causes(s, {"a": {"k": "v"}, "b": {"k": "v", "l": "w"}})}
    assert got["spec.a"].message == (
        "Invalid value: 1: spec.a in body should have at least 2 properties"
    )
    assert got["spec.b"] == Cause(
        "FieldValueTooMany", "Too many: 2: must have at most 1 items", "spec.b"
    )


def test_min_properties_failure_skips_the_objects_children_and_required() -> None:
    # O: TooFewProperties returns before properties and required are checked.
    s = _spec(
        {
            "o": {
                "type": "object",
                "minProperties": 2,
                "required": ["z"],
                "properties": {"a": {"type": "integer"}, "z": {"type": "string"}},
            }
        }
    )
    causes = _causes(s, {"o": {"a": "not-an-int"}})
    assert [c.field for c in causes] == ["spec.o"]


def test_additional_properties_schema_validates_map_values() -> None:
    # O: additionalProperties schema validated at path + "." + key.
    s = _spec({"labels": {"type": "object", "additionalProperties": {"type": "string"}}})
    c = _one(s, {"labels": {"app": 1}})
    assert c.field == "spec.labels.app"


def test_int_or_string_accepts_both_and_names_both_types() -> None:
    # validation.go ConvertJSONSchemaProps: int-or-string -> Type ["integer","string"].
    s = _spec({"p": {"x-kubernetes-int-or-string": True}})
    assert _causes(s, {"p": 80}) == []
    assert _causes(s, {"p": "http"}) == []
    assert _one(s, {"p": True}).message.endswith('must be of type integer,string: "boolean"')


def test_string_format_date_time() -> None:
    # kube-openapi validate/formats.go -> FormatOf -> InvalidType(path, in, format, value).
    s = _spec({"t": {"type": "string", "format": "date-time"}})
    assert _causes(s, {"t": "2026-01-01T00:00:00Z"}) == []
    c = _one(s, {"t": "yesterday"})
    assert c == Cause(
        "FieldValueTypeInvalid",
        'Invalid value: "yesterday": spec.t in body must be of type date-time: "yesterday"',
        "spec.t",
    )


def test_unknown_string_format_is_ignored() -> None:
    # apiextensions validation/formats.go strips formats outside its list.
    assert _causes(_spec({"t": {"type": "string", "format": "no-such"}}), {"t": "x"}) == []


def test_integer_formats_do_not_check_range() -> None:
    # S: the schema validator's numberValidator has no Type/Format, so no int32 range check.
    assert _causes(_spec({"n": {"type": "integer", "format": "int32"}}), {"n": 2**40}) == []


def test_string_schema_with_format_accepts_an_array_quirk() -> None:
    # T: a string/slice value under a non-numeric type with a format skips the type check.
    assert _causes(_spec({"t": {"type": "string", "format": "byte"}}), {"t": ["a"]}) == []


def test_list_type_set_duplicates_flag_the_later_index() -> None:
    # L: validateListSet -> field.Duplicate(fldPath.Index(i), obj[i]), first repeat only.
    s = _spec(
        {"r": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set"}}
    )
    causes = _causes(s, {"r": ["a", "b", "a", "a"]})
    assert causes == [Cause("FieldValueDuplicate", 'Duplicate value: "a"', "spec.r[2]")]


def test_list_type_set_distinguishes_int_and_float() -> None:
    # L: scalars compared as Go interface values: int64(1) != float64(1).
    s = _spec(
        {"r": {"type": "array", "items": {"type": "number"}, "x-kubernetes-list-type": "set"}}
    )
    assert _causes(s, {"r": [1, 1.0]}) == []


def test_list_type_map_duplicate_keys_print_as_go_maps() -> None:
    # L: validateListMap single key -> Duplicate(index, map{key: value}); F: %#v fallback.
    items = {"type": "object", "properties": {"name": {"type": "string"}}}
    s = _spec(
        {
            "m": {
                "type": "array",
                "items": items,
                "x-kubernetes-list-type": "map",
                "x-kubernetes-list-map-keys": ["name"],
            }
        }
    )
    c = _one(s, {"m": [{"name": "a"}, {"name": "a"}]})
    assert c == Cause(
        "FieldValueDuplicate", 'Duplicate value: map[string]interface {}{"name":"a"}', "spec.m[1]"
    )


def test_list_type_errors_come_after_schema_errors() -> None:
    s = _spec(
        {
            "r": {"type": "array", "items": {"type": "string"}, "x-kubernetes-list-type": "set"},
            "z": {"type": "integer"},
        }
    )
    causes = _causes(s, {"r": ["a", "a"], "z": "x"})
    assert [c.reason for c in causes] == ["FieldValueTypeInvalid", "FieldValueDuplicate"]


def test_embedded_resource_requires_api_version_and_kind() -> None:
    # schema/objectmeta/validation.go validateEmbeddedResource: Required(path, "") when missing
    # or empty, Invalid "must be a string" otherwise.
    emb = {
        "type": "object",
        "x-kubernetes-embedded-resource": True,
        "x-kubernetes-preserve-unknown-fields": True,
    }
    causes = _causes(_spec({"t": emb}), {"t": {"kind": ""}})
    assert [(c.field, c.message) for c in causes] == [
        ("spec.t.apiVersion", "Required value"),
        ("spec.t.kind", "Required value"),
    ]
    causes = _causes(_spec({"t": emb}), {"t": {"apiVersion": 1, "kind": "Pod"}})
    assert [(c.field, c.message) for c in causes] == [
        ("spec.t.apiVersion", "Invalid value: 1: must be a string")
    ]


def test_embedded_resource_kind_and_api_version_syntax() -> None:
    # validateEmbeddedResource: ParseGroupVersion error; IsDNS1035Label on the lowercased kind.
    emb = {
        "type": "object",
        "x-kubernetes-embedded-resource": True,
        "x-kubernetes-preserve-unknown-fields": True,
    }
    causes = _causes(_spec({"t": emb}), {"t": {"apiVersion": "a/b/c", "kind": "My_Kind"}})
    assert causes[0].message == 'Invalid value: "a/b/c": unexpected GroupVersion string: a/b/c'
    assert causes[1].message.startswith(
        'Invalid value: "My_Kind": may have mixed case, but should otherwise match: '
        "a DNS-1035 label must consist of lower case alphanumeric characters"
    )


def test_any_of_failure_reports_summary_on_the_root_field() -> None:
    # kube-openapi validate/messages.go MustValidateAtLeastOneSchemaError ("%q ..."); anyOf failure is a plain error -> V: field.Invalid(nil, "").
    s = _spec(
        {
            "v": {
                "x-kubernetes-int-or-string": True,
                "anyOf": [{"type": "integer"}, {"type": "string", "pattern": "^a"}],
            }
        }
    )
    assert _causes(s, {"v": 1}) == []
    assert _causes(s, {"v": "abc"}) == []
    causes = _causes(s, {"v": "zzz"})
    assert causes[0] == Cause(
        "FieldValueInvalid",
        'Invalid value: "": "spec.v" must validate at least one schema (anyOf)',
        "",
    )


def test_not_rejects_a_matching_value() -> None:
    s = _spec({"v": {"type": "string", "not": {"enum": ["forbidden"]}}})
    assert _causes(s, {"v": "ok"}) == []
    assert _one(s, {"v": "forbidden"}).message.endswith(
        '"spec.v" must not validate the schema (not)'
    )


def test_one_of_with_two_valid_alternatives() -> None:
    # kube-openapi validate/schema_props.go: "Found %d valid alternatives".
    s = _spec({"v": {"type": "string", "oneOf": [{"pattern": "^a"}, {"pattern": "b$"}]}})
    assert _causes(s, {"v": "ab"})[0].message == (
        'Invalid value: "": "spec.v" must validate one and only one schema (oneOf). '
        "Found 2 valid alternatives"
    )


def test_all_of_reports_sub_errors_then_summary() -> None:
    # kube-openapi validate/schema_props.go: sub-results merged, then the allOf summary.
    s = _spec({"v": {"type": "string", "allOf": [{"maxLength": 2}, {"pattern": "^a"}]}})
    causes = _causes(s, {"v": "abc"})
    assert [c.reason for c in causes] == ["FieldValueTooLong", "FieldValueInvalid"]
    assert causes[1].message.endswith('"spec.v" must validate all the schemas (allOf)')


def test_date_time_format_is_strfmt_is_date_time() -> None:
    # kube-openapi strfmt IsDateTime: calendar date, "t" separator, seconds and zone required.
    s = _spec({"t": {"type": "string", "format": "date-time"}})
    assert _causes(s, {"t": "2026-01-01T10:20:30.5+01:00"}) == []
    for bad in ("2026-02-30T00:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00Z"):
        assert _one(s, {"t": bad}).reason == "FieldValueTypeInvalid"


def test_date_format() -> None:
    s = _spec({"d": {"type": "string", "format": "date"}})
    assert _causes(s, {"d": "2024-02-29"}) == []
    assert _one(s, {"d": "2023-02-29"}).message == (
        'Invalid value: "2023-02-29": spec.d in body must be of type date: "2023-02-29"'
    )
