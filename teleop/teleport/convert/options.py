"""Reads teleop's JSON options and the JSON key of each field off the descriptors.

The options are extensions (teleop/options/v1/options.proto: json_cast, omit_empty, json_omit,
json_embed on fields, json_value and json_alias on enum values, json_fold_case on enums; numbers
51001-51007). They are read
from the serialized option bytes rather than through ``Extensions[...]``: that works whichever
descriptor pool the message lives in (the default pool of the generated ``_proto`` modules, or a
private pool built from a descriptor set in tests) and whether or not the options module was
imported, because unknown extensions stay in the bytes as unknown fields.

The JSON key of a field is its ``json_name`` when the .proto sets one (Teleport's JSON tag, e.g.
``max_session_ttl``); when the .proto leaves it at protoc's lowerCamelCase default, the key is the
proto field name, which is what protojson with ``UseProtoNames`` (Teleport's resource153 kinds)
reads. Only that one key is accepted on input, as Go's JSON decoder accepts only the tag.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from google.protobuf.descriptor import EnumDescriptor, EnumValueDescriptor, FieldDescriptor

__all__ = [
    "FieldJSON",
    "JSONCast",
    "enum_fold_case",
    "enum_value_aliases",
    "enum_value_json",
    "field_json",
]

_JSON_CAST = 51001
_OMIT_EMPTY = 51002
_JSON_VALUE = 51003
_JSON_OMIT = 51004
_JSON_EMBED = 51005
_JSON_ALIAS = 51006
_JSON_FOLD_CASE = 51007


class JSONCast(enum.IntEnum):
    """Mirror of ``teleop.options.v1.JSONCast``; numbers must match options.proto."""

    UNSPECIFIED = 0
    DURATION = 1
    LABELS = 2
    TRAITS = 3
    BOOL_OPTION = 4
    STRINGS = 5
    TIME = 6
    STRING_OR_LIST = 7


@dataclass(frozen=True, slots=True)
class FieldJSON:
    """How one field is written in Teleport's JSON."""

    key: str
    cast: JSONCast
    omit_empty: bool
    # Never in Teleport's JSON (Go's `json:"-"`): not accepted on input, never written.
    omit: bool = False
    # A message whose fields sit directly in the enclosing object (Go struct embedding).
    embed: bool = False


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def _scan(data: bytes) -> dict[int, int | bytes]:
    """The last value of each field number in a serialized message (varints and bytes only)."""
    return {number: values[-1] for number, values in _scan_all(data).items()}


def _scan_all(data: bytes) -> dict[int, list[int | bytes]]:
    """Every value of each field number, in order (repeated options); varints and bytes only."""
    out: dict[int, list[int | bytes]] = {}
    pos = 0
    while pos < len(data):
        tag, pos = _varint(data, pos)
        number, wire = tag >> 3, tag & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            out.setdefault(number, []).append(value)
        elif wire == 1:
            pos += 8
        elif wire == 2:
            length, pos = _varint(data, pos)
            out.setdefault(number, []).append(data[pos : pos + length])
            pos += length
        elif wire == 5:
            pos += 4
        else:  # groups never appear in option messages we read
            break
    return out


def _lower_camel(name: str) -> str:
    """protoc's default json_name for a field name."""
    parts = name.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def field_json(field: FieldDescriptor) -> FieldJSON:
    """The JSON key, cast and omit-empty flag of a field."""
    opts = _scan(field.GetOptions().SerializeToString()) if field.has_options else {}
    cast_number = opts.get(_JSON_CAST, 0)
    try:
        cast = JSONCast(cast_number if isinstance(cast_number, int) else 0)
    except ValueError:
        cast = JSONCast.UNSPECIFIED
    key = field.json_name
    if key == _lower_camel(field.name):
        key = field.name
    return FieldJSON(
        key=key,
        cast=cast,
        omit_empty=bool(opts.get(_OMIT_EMPTY, 0)),
        omit=bool(opts.get(_JSON_OMIT, 0)),
        embed=bool(opts.get(_JSON_EMBED, 0)) and field.message_type is not None,
    )


def enum_value_json(value: EnumValueDescriptor) -> str | None:
    """The ``json_value`` option of an enum value, if set."""
    if not value.has_options:
        return None
    raw = _scan(value.GetOptions().SerializeToString()).get(_JSON_VALUE)
    return raw.decode() if isinstance(raw, bytes) else None


def enum_value_aliases(value: EnumValueDescriptor) -> tuple[str, ...]:
    """The ``json_alias`` options of an enum value, in declaration order (empty when none)."""
    if not value.has_options:
        return ()
    raw = _scan_all(value.GetOptions().SerializeToString()).get(_JSON_ALIAS, [])
    return tuple(r.decode() for r in raw if isinstance(r, bytes))


def enum_fold_case(enum: EnumDescriptor) -> bool:
    """The ``json_fold_case`` option of an enum."""
    if not enum.has_options:
        return False
    return bool(_scan(enum.GetOptions().SerializeToString()).get(_JSON_FOLD_CASE, 0))
