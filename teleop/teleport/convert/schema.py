"""schema_for: an OpenAPI v3 structural schema for a message, from the same descriptors and options.

The CRD generator embeds it as a CR's ``spec`` schema, so kube-apiserver accepts what ``decode``
accepts and prunes nothing the converter needs. It follows Teleport's own CRD generator
(integrations/operator/crdgen) where Teleport has a rule:

* objects list ``properties`` under each field's JSON key (``json_embed`` fields contribute their
  keys to the parent; ``json_omit`` fields are left out);
* LABELS: ``object`` whose values carry ``x-kubernetes-preserve-unknown-fields`` (a value is a
  string or a list; a structural schema cannot say "string or array" with ``anyOf`` because types
  are not allowed inside junctors, and a node without a type needs that extension);
  TRAITS: map of string arrays; BOOL_OPTION: boolean; STRINGS: array of strings (Teleport's CRD
  writes OIDC redirect_url as a list); STRING_OR_LIST: preserve-unknown-fields (string or list);
* durations ``string``/``format: duration``; timestamps ``string``/``format: date-time``;
  ``google.protobuf.Duration`` int-or-string (Teleport's Go JSON writes nanoseconds there);
* enums ``x-kubernetes-int-or-string`` with an ``enum`` of the accepted spellings, ``json_alias``
  strings and numbers; enums that also read JSON booleans (a ``"true"``/``"false"`` json_value or
  json_alias: RequireMFAType, CreateHostUserMode) or fold case (``json_fold_case``, which no
  ``enum`` list can spell) get preserve-unknown-fields instead, as int-or-string would reject
  ``true``; the converter still rejects what Teleport rejects when the CR is decoded;
* a message already being expanded (recursion) becomes an object with
  preserve-unknown-fields, so generation terminates.

Descriptions are not available at runtime (protoc drops comments from descriptors).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from google.protobuf.descriptor import EnumDescriptor, FieldDescriptor
from google.protobuf.message import Message

from teleop.teleport.convert.enums import enum_inputs, enum_spellings
from teleop.teleport.convert.options import JSONCast, enum_value_json, field_json
from teleop.teleport.convert.shapes import fields_of, is_map, map_entry

__all__ = ["schema_for"]

_F = FieldDescriptor
_PRESERVE: Mapping[str, Any] = MappingProxyType({"x-kubernetes-preserve-unknown-fields": True})
_INT32: Mapping[str, Any] = MappingProxyType({"type": "integer", "format": "int32"})
_INT64: Mapping[str, Any] = MappingProxyType({"type": "integer", "format": "int64"})
_STRING_LIST: Mapping[str, Any] = MappingProxyType(
    {"type": "array", "items": MappingProxyType({"type": "string"})}
)
_SCALARS: Mapping[int, Mapping[str, Any]] = MappingProxyType(
    {
        _F.TYPE_STRING: MappingProxyType({"type": "string"}),
        _F.TYPE_BOOL: MappingProxyType({"type": "boolean"}),
        _F.TYPE_BYTES: MappingProxyType({"type": "string", "format": "byte"}),
        _F.TYPE_DOUBLE: MappingProxyType({"type": "number", "format": "double"}),
        _F.TYPE_FLOAT: MappingProxyType({"type": "number", "format": "float"}),
        _F.TYPE_INT32: _INT32,
        _F.TYPE_SINT32: _INT32,
        _F.TYPE_SFIXED32: _INT32,
        _F.TYPE_INT64: _INT64,
        _F.TYPE_SINT64: _INT64,
        _F.TYPE_SFIXED64: _INT64,
        _F.TYPE_UINT32: _INT64,
        _F.TYPE_FIXED32: _INT64,
        _F.TYPE_UINT64: MappingProxyType({"type": "integer"}),
        _F.TYPE_FIXED64: MappingProxyType({"type": "integer"}),
    }
)
_WELL_KNOWN: Mapping[str, Mapping[str, Any]] = MappingProxyType(
    {
        "google.protobuf.Timestamp": MappingProxyType({"type": "string", "format": "date-time"}),
        "google.protobuf.Duration": MappingProxyType({"x-kubernetes-int-or-string": True}),
        "google.protobuf.BoolValue": _SCALARS[_F.TYPE_BOOL],
        "google.protobuf.StringValue": _SCALARS[_F.TYPE_STRING],
        "google.protobuf.BytesValue": _SCALARS[_F.TYPE_BYTES],
        "google.protobuf.Int32Value": _INT32,
        "google.protobuf.UInt32Value": _INT64,
        "google.protobuf.Int64Value": _INT64,
        "google.protobuf.UInt64Value": _SCALARS[_F.TYPE_UINT64],
        "google.protobuf.FloatValue": _SCALARS[_F.TYPE_FLOAT],
        "google.protobuf.DoubleValue": _SCALARS[_F.TYPE_DOUBLE],
        "google.protobuf.Struct": MappingProxyType({"type": "object", **_PRESERVE}),
        "google.protobuf.Value": _PRESERVE,
        "google.protobuf.ListValue": MappingProxyType({"type": "array", "items": _PRESERVE}),
        "google.protobuf.Empty": MappingProxyType({"type": "object"}),
    }
)


def schema_for(message_type: type[Message]) -> dict[str, Any]:
    """The OpenAPI v3 structural schema of ``message_type``'s JSON form (a fresh dict)."""
    return _message(message_type.DESCRIPTOR, ())


def _message(descriptor: Any, stack: tuple[str, ...]) -> dict[str, Any]:
    name = descriptor.full_name
    if name in _WELL_KNOWN:
        return _copy(_WELL_KNOWN[name])
    if name in stack:
        return {"type": "object", **_PRESERVE}
    properties = _properties(descriptor, (*stack, name))
    return {"type": "object", "properties": properties} if properties else {"type": "object"}


def _properties(descriptor: Any, stack: tuple[str, ...]) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for field in fields_of(descriptor):
        opts = field_json(field)
        if opts.omit:
            continue
        if opts.embed:
            for key, sub in _properties(field.message_type, stack).items():
                properties.setdefault(key, sub)
        else:
            properties[opts.key] = _field(field, opts.cast, stack)
    return properties


def _field(field: FieldDescriptor, cast: JSONCast, stack: tuple[str, ...]) -> dict[str, Any]:
    if cast == JSONCast.LABELS:
        return {"type": "object", "additionalProperties": _copy(_PRESERVE)}
    if cast == JSONCast.TRAITS:
        return {"type": "object", "additionalProperties": _copy(_STRING_LIST)}
    if cast == JSONCast.BOOL_OPTION:
        return {"type": "boolean"}
    if cast == JSONCast.STRINGS:
        return _copy(_STRING_LIST)
    if cast == JSONCast.STRING_OR_LIST:
        return _copy(_PRESERVE)
    if cast == JSONCast.DURATION:
        return {"type": "string", "format": "duration"}
    if cast == JSONCast.TIME:
        return {"type": "string", "format": "date-time"}
    if is_map(field):
        return {"type": "object", "additionalProperties": _single(map_entry(field)[1], stack)}
    if field.is_repeated:
        return {"type": "array", "items": _single(field, stack)}
    return _single(field, stack)


def _single(field: FieldDescriptor, stack: tuple[str, ...]) -> dict[str, Any]:
    """The schema of one value of ``field`` (one item if repeated)."""
    if field.message_type is not None:
        return _message(field.message_type, stack)
    if field.enum_type is not None:
        return _enum(field.enum_type)
    return _copy(_SCALARS[field.type])


def _enum(enum: EnumDescriptor) -> dict[str, Any]:
    inputs = enum_inputs(enum)
    spellings = enum_spellings(enum)
    takes_bools = any(isinstance(s, bool) for s in spellings) or bool(inputs.booleans)
    if takes_bools or inputs.fold_case:
        return _copy(_PRESERVE)
    accepted: list[Any] = []
    for value in enum.values:
        accepted.extend(s for s in (enum_value_json(value), value.name) if s is not None)
    if any(enum_value_json(v) is not None for v in enum.values):
        accepted.append("")
    accepted.extend(inputs.strings)
    strings = sorted(set(accepted))
    numbers = sorted({int(v.number) for v in enum.values} | set(inputs.numbers))
    return {"x-kubernetes-int-or-string": True, "enum": [*strings, *numbers]}


def _copy(schema: Mapping[str, Any]) -> dict[str, Any]:
    """A plain, deep copy of a frozen template, so callers may edit what they get."""
    return {k: _copy(v) if isinstance(v, Mapping) else v for k, v in schema.items()}
