"""The compiled form of a CRD ``openAPIV3Schema``: a tree of small ``Node`` objects.

fakekube applies a CRD schema on every custom-resource write, so the JSON schema is turned once,
at CRD creation, into ``Node``s whose fields are exactly what pruning, defaulting and validation
read (``__slots__``, regexes compiled, formats already reduced to the ones kube-apiserver keeps).
``compile_node`` never validates the schema itself: ``schema_crd.validate_crd_schema`` does that
before the server accepts a CRD.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from teleop.testing.fakekube.schema_formats import effective_format, format_checker

__all__ = ["Node", "compile_node", "json_copy"]

_ABSENT: Any = object()


def json_copy(v: Any) -> Any:
    """Deep copy of a decoded JSON value (much faster than ``copy.deepcopy``)."""
    if isinstance(v, dict):
        return {k: json_copy(x) for k, x in v.items()}
    if isinstance(v, list):
        return [json_copy(x) for x in v]
    return v


class Node:
    """One schema position. ``types`` empty means untyped (int-or-string lists both)."""

    __slots__ = (
        "additional",
        "additional_set",
        "all_of",
        "any_of",
        "default",
        "embedded",
        "enum",
        "enum_values",
        "excl_max",
        "excl_min",
        "format",
        "format_check",
        "has_default",
        "items",
        "list_map_keys",
        "list_type",
        "max_items",
        "max_length",
        "max_props",
        "maximum",
        "min_items",
        "min_length",
        "min_props",
        "minimum",
        "multiple_of",
        "not_",
        "nullable",
        "one_of",
        "pattern",
        "pattern_src",
        "preserve",
        "properties",
        "required",
        "types",
    )

    def __init__(self) -> None:
        self.types: tuple[str, ...] = ()
        self.nullable = False
        self.format = ""
        self.format_check: Callable[[str], bool] | None = None
        self.properties: dict[str, Node] = {}
        self.additional: Node | None = None
        self.additional_set = False  # additionalProperties given (schema or true)
        self.items: Node | None = None
        self.preserve = False
        self.embedded = False
        self.has_default = False
        self.default: Any = None
        self.enum: list[Any] | None = None
        self.enum_values: list[str] = []
        self.required: tuple[str, ...] = ()
        self.min_props: int | None = None
        self.max_props: int | None = None
        self.min_items: int | None = None
        self.max_items: int | None = None
        self.min_length: int | None = None
        self.max_length: int | None = None
        self.pattern: re.Pattern[str] | None = None
        self.pattern_src = ""
        self.minimum: float | None = None
        self.maximum: float | None = None
        self.excl_min = False
        self.excl_max = False
        self.multiple_of: float | None = None
        self.list_type = ""
        self.list_map_keys: tuple[str, ...] = ()
        self.all_of: tuple[Node, ...] = ()
        self.any_of: tuple[Node, ...] = ()
        self.one_of: tuple[Node, ...] = ()
        self.not_: Node | None = None

    def child(self, key: str) -> Node | None:
        """The schema of property ``key`` (a named property, else additionalProperties)."""
        node = self.properties.get(key)
        if node is None and self.additional_set:
            return self.additional
        return node


def _int(v: Any) -> int | None:
    return None if v is None else int(v)


def _num(v: Any) -> float | None:
    return None if v is None else float(v)


def compile_node(s: Mapping[str, Any]) -> Node:
    """Compile one JSONSchemaProps mapping (and its subtree) into a ``Node``."""
    n = Node()
    typ = s.get("type") or ""
    if s.get("x-kubernetes-int-or-string"):
        n.types = ("integer", "string")
    elif typ:
        n.types = (typ,)
    n.nullable = bool(s.get("nullable"))
    n.format = effective_format(typ, s.get("format") or "")
    if n.format and typ in ("", "string"):
        n.format_check = format_checker(n.format)
    props = s.get("properties") or {}
    n.properties = {k: compile_node(v) for k, v in props.items()}
    ap = s.get("additionalProperties", _ABSENT)
    if isinstance(ap, Mapping):
        n.additional_set, n.additional = True, compile_node(ap)
    elif ap is True:
        n.additional_set = True
    items = s.get("items")
    if isinstance(items, Mapping):
        n.items = compile_node(items)
    n.preserve = bool(s.get("x-kubernetes-preserve-unknown-fields"))
    n.embedded = bool(s.get("x-kubernetes-embedded-resource"))
    if "default" in s and s["default"] is not None:
        n.has_default, n.default = True, json_copy(s["default"])
    if s.get("enum") is not None:
        n.enum = list(s["enum"])
        # apiextensions validation.go: string enum values as-is, others JSON-encoded.
        n.enum_values = [
            v if isinstance(v, str) else json.dumps(v, separators=(",", ":")) for v in n.enum
        ]
    n.required = tuple(s.get("required") or ())
    n.min_props, n.max_props = _int(s.get("minProperties")), _int(s.get("maxProperties"))
    n.min_items, n.max_items = _int(s.get("minItems")), _int(s.get("maxItems"))
    n.min_length, n.max_length = _int(s.get("minLength")), _int(s.get("maxLength"))
    if s.get("pattern"):
        n.pattern_src = s["pattern"]
        n.pattern = re.compile(n.pattern_src)
    n.minimum, n.maximum = _num(s.get("minimum")), _num(s.get("maximum"))
    n.excl_min, n.excl_max = bool(s.get("exclusiveMinimum")), bool(s.get("exclusiveMaximum"))
    n.multiple_of = _num(s.get("multipleOf"))
    n.list_type = s.get("x-kubernetes-list-type") or ""
    n.list_map_keys = tuple(s.get("x-kubernetes-list-map-keys") or ())
    n.all_of = tuple(compile_node(x) for x in s.get("allOf") or ())
    n.any_of = tuple(compile_node(x) for x in s.get("anyOf") or ())
    n.one_of = tuple(compile_node(x) for x in s.get("oneOf") or ())
    if isinstance(s.get("not"), Mapping):
        n.not_ = compile_node(s["not"])
    return n
