"""Checks that a CRD's ``openAPIV3Schema`` is structural enough for fakekube to serve it.

kube-apiserver rejects a CustomResourceDefinition whose schema is not *structural*
(apiextensions-apiserver ``pkg/apiserver/schema/validation.go``) or breaks the CRD validation
rules (``pkg/apis/apiextensions/validation``). This module covers the rules a test is likely to
trip over, with causes shaped like the apiserver's; it is deliberately not the full rule set
(CEL cost limits, ``x-kubernetes-map-type``, metadata restrictions and ``$ref`` variants are not
checked). Paths are reported under ``path`` (by default the first version's schema).
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


def validate_crd_schema(schema: Any, *, path: str = DEFAULT_SCHEMA_PATH) -> list[Cause]:
    """Causes that make a CRD with this schema invalid (empty when it is acceptable)."""
    out: list[Cause] = []
    if not isinstance(schema, Mapping):
        out.append(make_cause("FieldValueRequired", path, OMIT, "schemas are required"))
        return out
    typ = schema.get("type")
    if not typ:
        out.append(
            make_cause("FieldValueRequired", f"{path}.type", OMIT, "must not be empty at the root")
        )
    elif typ != "object":
        out.append(
            make_cause("FieldValueInvalid", f"{path}.type", typ, "must be object at the root")
        )
    _check(out, schema, path, "root")
    return out


def _check(out: list[Cause], s: Mapping[str, Any], path: str, where: str) -> None:
    typ = s.get("type")
    preserve = s.get("x-kubernetes-preserve-unknown-fields")
    int_or_string = bool(s.get("x-kubernetes-int-or-string"))
    embedded = bool(s.get("x-kubernetes-embedded-resource"))
    if typ and typ not in _TYPES:
        out.append(make_cause("FieldValueNotSupported", f"{path}.type", typ, _supported(_TYPES)))
    if not typ and where != "root" and not (preserve or int_or_string or embedded):
        detail = f"must not be empty for specified {where}"
        out.append(make_cause("FieldValueRequired", f"{path}.type", OMIT, detail))
    if preserve is False:
        detail = "must be true or undefined"
        out.append(
            make_cause(
                "FieldValueInvalid", f"{path}.x-kubernetes-preserve-unknown-fields", False, detail
            )
        )
    if embedded and typ != "object":
        detail = "must be object if x-kubernetes-embedded-resource is true"
        out.append(make_cause("FieldValueInvalid", f"{path}.type", typ or "", detail))
    if "$ref" in s:
        out.append(make_cause("FieldValueForbidden", f"{path}.$ref", OMIT, "$ref is not supported"))
    if s.get("uniqueItems") is True:
        detail = "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"
        out.append(make_cause("FieldValueForbidden", f"{path}.uniqueItems", OMIT, detail))
    props = s.get("properties")
    additional = s.get("additionalProperties")
    if props and additional is not None:
        detail = "additionalProperties and properties are mutual exclusive"
        out.append(make_cause("FieldValueForbidden", f"{path}.additionalProperties", OMIT, detail))
    _check_list_type(out, s, path)
    if s.get("pattern"):
        try:
            re.compile(s["pattern"])
        except re.error as e:
            detail = f"must be a valid regular expression, but isn't: {e}"
            out.append(make_cause("FieldValueInvalid", f"{path}.pattern", s["pattern"], detail))
    for k, sub in (props or {}).items():
        _check(out, sub, f"{path}.properties[{k}]", "object fields")
    if isinstance(additional, Mapping):
        _check(out, additional, f"{path}.additionalProperties", "object fields")
    items = s.get("items")
    if isinstance(items, list):
        detail = "items must be a schema object and not an array"
        out.append(make_cause("FieldValueForbidden", f"{path}.items", OMIT, detail))
    elif isinstance(items, Mapping):
        _check(out, items, f"{path}.items", "array items")
    elif typ == "array":
        detail = "must be specified"
        out.append(make_cause("FieldValueRequired", f"{path}.items", OMIT, detail))
    if "default" in s and s["default"] is not None and not out:
        _check_default(out, s, path)


def _check_list_type(out: list[Cause], s: Mapping[str, Any], path: str) -> None:
    lt = s.get("x-kubernetes-list-type")
    if lt is None:
        return
    if lt not in _LIST_TYPES:
        field = f"{path}.x-kubernetes-list-type"
        out.append(make_cause("FieldValueNotSupported", field, lt, _supported(_LIST_TYPES)))
    if lt == "map" and not s.get("x-kubernetes-list-map-keys"):
        detail = "must not be empty if x-kubernetes-list-type is map"
        field = f"{path}.x-kubernetes-list-map-keys"
        out.append(make_cause("FieldValueRequired", field, OMIT, detail))


def _check_default(out: list[Cause], s: Mapping[str, Any], path: str) -> None:
    """A default must survive pruning unchanged and pass its own schema."""
    node = compile_node(s)
    walk = Walk()
    walk.value(node, s["default"], "", walk.causes)
    field = f"{path}.default"
    for p in walk.pruned:
        out.append(make_cause("FieldValueInvalid", f"{field}.{p}", OMIT, "unknown field"))
    for c in walk.all_causes():
        sub = f"{field}.{c.field}" if c.field else field
        out.append(Cause(reason=c.reason, message=c.message, field=sub))


def _supported(values: tuple[str, ...]) -> str:
    return "supported values: " + ", ".join(f'"{v}"' for v in values)
