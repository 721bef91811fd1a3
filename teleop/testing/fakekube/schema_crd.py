"""Checks that a CRD's ``openAPIV3Schema`` is structural enough for fakekube to serve it.

kube-apiserver rejects a CustomResourceDefinition whose schema breaks the CRD API rules
(apiextensions-apiserver ``pkg/apis/apiextensions/validation``), is not *structural*
(``pkg/apiserver/schema/validation.go``, whose errors are sorted by their text) or has defaults
that are not pruned or do not validate (``pkg/apiserver/schema/defaulting/validation.go``). This
module reproduces the rules a test is likely to trip over, causes in that order: API rules in
schema order, structural rules sorted, then defaults. Not covered: CEL rules and cost limits,
``x-kubernetes-map-type``, completeness of value validations (properties named under
anyOf/allOf must also exist in the structural part) and defaults inside metadata.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from teleop.testing.fakekube.schema_cause import OMIT, Cause, make_cause
from teleop.testing.fakekube.schema_node import compile_node
from teleop.testing.fakekube.schema_walk import Walk

__all__ = ["DEFAULT_SCHEMA_PATH", "validate_crd_schema"]

DEFAULT_SCHEMA_PATH: Final = "spec.versions[0].schema.openAPIV3Schema"
_TYPES: Final = ("array", "boolean", "integer", "number", "object", "string")
_LIST_TYPES: Final = ("atomic", "set", "map")
_ROOT, _ITEM, _FIELD = "root", "item", "field"
_EMPTY_TYPE: Final = {
    _ROOT: "must not be empty at the root",
    _ITEM: "must not be empty for specified array items",
    _FIELD: "must not be empty for specified object fields",
}
_JUNCTORS: Final = ("anyOf", "allOf", "oneOf")
# validateNestedValueValidation: what a schema under anyOf/allOf/oneOf/not may not carry.
_NESTED_FORBIDDEN: Final = (
    ("type", "must be empty to be structural"),
    ("additionalProperties", "must be undefined to be structural"),
    ("default", "must be undefined to be structural"),
    ("title", "must be empty to be structural"),
    ("description", "must be empty to be structural"),
    ("nullable", "must be false to be structural"),
    ("externalDocs", "must be undefined to be structural"),
    ("x-kubernetes-preserve-unknown-fields", "must be false to be structural"),
    ("x-kubernetes-embedded-resource", "must be false to be structural"),
    ("x-kubernetes-int-or-string", "must be false to be structural"),
    ("x-kubernetes-list-map-keys", "must be empty to be structural"),
    ("x-kubernetes-list-type", "must be undefined to be structural"),
    ("x-kubernetes-map-type", "must be undefined to be structural"),
    ("x-kubernetes-validations", "must be empty to be structural"),
)


def validate_crd_schema(schema: Any, *, path: str = DEFAULT_SCHEMA_PATH) -> list[Cause]:
    """Causes that make a CRD with this schema invalid (empty when it is acceptable)."""
    if not isinstance(schema, Mapping):
        return [make_cause("FieldValueRequired", path, OMIT)]
    api: list[Cause] = []
    structural: list[Cause] = []
    defaults: list[Cause] = []
    _check(api, structural, defaults, schema, path, _ROOT)
    structural.sort(key=Cause.error)
    return api + structural + defaults


def _add(out: list[Cause], reason: str, field: str, value: Any = OMIT, detail: str = "") -> None:
    out.append(make_cause(reason, field, value, detail))


def _check(
    api: list[Cause],
    st: list[Cause],
    defaults: list[Cause],
    s: Mapping[str, Any],
    path: str,
    level: str,
) -> None:
    typ = s.get("type") or ""
    preserve = s.get("x-kubernetes-preserve-unknown-fields")
    ios = bool(s.get("x-kubernetes-int-or-string"))
    embedded = bool(s.get("x-kubernetes-embedded-resource"))
    props = s.get("properties") or {}
    additional = s.get("additionalProperties")
    _check_api(api, s, path, typ)
    # structural invariants (schema/validation.go validateStructuralInvariants)
    if typ == "array" and not isinstance(s.get("items"), Mapping):
        _add(st, "FieldValueRequired", f"{path}.items", OMIT, "must be specified")
    if additional is not None and level == _ROOT:
        _add(
            st,
            "FieldValueForbidden",
            f"{path}.additionalProperties",
            OMIT,
            "must not be used at the root",
        )
    if ios and preserve:
        detail = "must be false if x-kubernetes-int-or-string is true"
        _add(st, "FieldValueInvalid", f"{path}.x-kubernetes-preserve-unknown-fields", True, detail)
    if ios and embedded:
        detail = "must be false if x-kubernetes-int-or-string is true"
        _add(st, "FieldValueInvalid", f"{path}.x-kubernetes-embedded-resource", True, detail)
    if embedded and typ != "object":
        detail = "must be object if x-kubernetes-embedded-resource is true"
        if typ:
            _add(st, "FieldValueInvalid", f"{path}.type", typ, detail)
        else:
            _add(st, "FieldValueRequired", f"{path}.type", OMIT, detail)
    elif not typ and not ios and not preserve:
        _add(st, "FieldValueRequired", f"{path}.type", OMIT, _EMPTY_TYPE[level])
    if embedded and additional is not None:
        detail = "must not be used if x-kubernetes-embedded-resource is set"
        _add(st, "FieldValueForbidden", f"{path}.additionalProperties", OMIT, detail)
    if level == _ROOT and typ and typ != "object":
        _add(st, "FieldValueInvalid", f"{path}.type", typ, "must be object at the root")
    check_meta = level == _ROOT or embedded
    for k in ("kind", "apiVersion"):
        sub = props.get(k)
        if check_meta and isinstance(sub, Mapping) and sub.get("type") != "string":
            field = f"{path}.properties[{k}].type"
            _add(st, "FieldValueInvalid", field, sub.get("type") or "", "must be string")
    meta = props.get("metadata")
    if isinstance(meta, Mapping):
        _check_metadata(st, meta, check_meta, level, f"{path}.properties[metadata]")
    if embedded and not preserve and not props:
        detail = "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields"
        _add(st, "FieldValueRequired", f"{path}.properties", OMIT, detail)
    _check_value_validation(st, s, path)
    for k, sub in props.items():
        if isinstance(sub, Mapping):
            _check(api, st, defaults, sub, f"{path}.properties[{k}]", _FIELD)
    if isinstance(additional, Mapping):
        _check(api, st, defaults, additional, f"{path}.additionalProperties", _FIELD)
    items = s.get("items")
    if isinstance(items, Mapping):
        _check(api, st, defaults, items, f"{path}.items", _ITEM)
    if s.get("default") is not None:
        _check_default(defaults, s, path)


def _check_api(api: list[Cause], s: Mapping[str, Any], path: str, typ: str) -> None:
    """CRD API validation rules (pkg/apis/apiextensions/validation/validation.go)."""
    if typ and typ not in _TYPES:
        _add(api, "FieldValueNotSupported", f"{path}.type", typ, _supported(_TYPES))
    if s.get("x-kubernetes-preserve-unknown-fields") is False:
        field = f"{path}.x-kubernetes-preserve-unknown-fields"
        _add(api, "FieldValueInvalid", field, False, "must be true or undefined")
    if "$ref" in s:
        _add(api, "FieldValueForbidden", f"{path}.$ref", OMIT, "$ref is not supported")
    if s.get("uniqueItems") is True:
        detail = "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"
        _add(api, "FieldValueForbidden", f"{path}.uniqueItems", OMIT, detail)
    if s.get("properties") and s.get("additionalProperties") is not None:
        detail = "additionalProperties and properties are mutual exclusive"
        _add(api, "FieldValueForbidden", f"{path}.additionalProperties", OMIT, detail)
    if isinstance(s.get("items"), list):
        detail = "items must be a schema object and not an array"
        _add(api, "FieldValueForbidden", f"{path}.items", OMIT, detail)
    lt = s.get("x-kubernetes-list-type")
    if lt is not None and lt not in _LIST_TYPES:
        field = f"{path}.x-kubernetes-list-type"
        _add(api, "FieldValueNotSupported", field, lt, _supported(_LIST_TYPES))
    if lt == "map" and not s.get("x-kubernetes-list-map-keys"):
        detail = "must not be empty if x-kubernetes-list-type is map"
        _add(api, "FieldValueRequired", f"{path}.x-kubernetes-list-map-keys", OMIT, detail)


def _check_metadata(
    st: list[Cause], meta: Mapping[str, Any], check_meta: bool, level: str, path: str
) -> None:
    if check_meta and meta.get("type") != "object":
        _add(st, "FieldValueInvalid", f"{path}.type", meta.get("type") or "", "must be object")
    if level != _ROOT:
        return
    rest = {k: v for k, v in meta.items() if k not in ("type", "default")}
    names = set((rest.get("properties") or {}).keys())
    if names and names <= {"name", "generateName"}:
        rest.pop("properties")
    if rest:
        detail = "must not specify anything other than name and generateName, but metadata is implicitly specified"
        _add(st, "FieldValueForbidden", path, OMIT, detail)


def _check_value_validation(st: list[Cause], s: Mapping[str, Any], path: str) -> None:
    if s.get("pattern"):
        try:
            re.compile(s["pattern"])
        except re.error as e:
            detail = f"must be a valid regular expression, but isn't: {e}"
            _add(st, "FieldValueInvalid", f"{path}.pattern", s["pattern"], detail)
    for j in _JUNCTORS:
        subs = s.get(j) or []
        if j == "anyOf" and _is_int_or_string_any_of(subs):
            continue
        for i, sub in enumerate(subs):
            skip_any_of = j == "allOf" and i == 0 and _is_int_or_string_any_of(sub.get("anyOf"))
            _check_nested(st, sub, f"{path}.{j}[{i}]", skip_any_of)
    if isinstance(s.get("not"), Mapping):
        _check_nested(st, s["not"], f"{path}.not", False)


def _is_int_or_string_any_of(subs: Any) -> bool:
    return bool(subs == [{"type": "integer"}, {"type": "string"}])


def _check_nested(st: list[Cause], v: Mapping[str, Any], path: str, skip_any_of: bool) -> None:
    """validateNestedValueValidation: value validations only, nothing structural."""
    for j in _JUNCTORS:
        if j == "anyOf" and skip_any_of:
            continue
        for i, sub in enumerate(v.get(j) or []):
            _check_nested(st, sub, f"{path}.{j}[{i}]", False)
    if isinstance(v.get("not"), Mapping):
        _check_nested(st, v["not"], f"{path}.not", False)
    if isinstance(v.get("items"), Mapping):
        _check_nested(st, v["items"], f"{path}.items", False)
    for k, sub in (v.get("properties") or {}).items():
        _check_nested(st, sub, f"{path}.properties[{k}]", False)
    for key, detail in _NESTED_FORBIDDEN:
        if v.get(key) not in (None, False, "", []):
            _add(st, "FieldValueForbidden", f"{path}.{key}", OMIT, detail)
    if "metadata" in (v.get("properties") or {}):
        detail = "must not be specified in a nested context"
        _add(st, "FieldValueForbidden", f"{path}.properties[metadata]", OMIT, detail)


def _check_default(out: list[Cause], s: Mapping[str, Any], path: str) -> None:
    """A default must survive pruning unchanged and pass its own schema."""
    node = compile_node(s)
    walk = Walk()
    walk.value(node, s["default"], "", walk.causes)
    field = f"{path}.default"
    if walk.pruned:
        _add(out, "FieldValueInvalid", field, s["default"], "must not have unknown fields")
    for c in walk.all_causes():
        sub = f"{field}.{c.field}" if c.field else field
        out.append(Cause(reason=c.reason, message=c.message, field=sub))


def _supported(values: tuple[str, ...]) -> str:
    return "supported values: " + ", ".join(f'"{v}"' for v in values)
