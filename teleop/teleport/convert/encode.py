"""encode: a protobuf message into Teleport's JSON form, the inverse of ``decode``.

What is written:

* Set fields always: message fields that are present, non-empty lists and maps, oneof members
  and proto3 ``optional`` fields that are set (even to zero).
* Zero-valued plain scalars (no presence) only when the field has no ``omit_empty`` option,
  mirroring Go's encoding/json on Teleport's structs (``forward_agent: false`` is written,
  ``max_connections`` with ``,omitempty`` is not). Unset messages, empty lists and empty maps are
  never written (Go would write ``null``; omitting them reads back the same).
* Casts in their Teleport spelling: durations as ``time.Duration.String()`` ("8h0m0s"), labels
  with one-item lists as a bare string (wrappers.Strings.MarshalJSON), traits and string lists as
  lists, bool options as booleans, timestamps as RFC 3339 in UTC.
* Map keys sorted, as Go's encoding/json sorts them.
* ``json_omit`` fields never; a ``json_embed`` message's own keys, in the enclosing object, when the
  message is set (Go omits the promoted fields of a nil embedded pointer).

``decode(encode(m)) == m`` for every message; ``encode(decode(j))`` is the canonical spelling of j.
Field keys and options come from a ``Converter`` (``plan``), as for ``decode``.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from teleop.teleport.convert.durations import format_go_duration
from teleop.teleport.convert.options import JSONCast
from teleop.teleport.convert.plan import Converter, FieldPlan
from teleop.teleport.convert.scalars import encode_scalar
from teleop.teleport.convert.shapes import (
    label_shape,
    map_entry,
    only_field,
    trait_list_fields,
)
from teleop.teleport.convert.wellknown import WELL_KNOWN, encode_well_known

__all__ = ["encode"]


def encode(message: Message, *, converter: Converter | None = None) -> dict[str, Any]:
    """Teleport's JSON form of ``message`` as plain dicts, lists and scalars."""
    return _encode_object(converter if converter is not None else Converter(), message)


def _encode_value(conv: Converter, message: Message) -> Any:
    if message.DESCRIPTOR.full_name in WELL_KNOWN:
        return encode_well_known(message)
    return _encode_object(conv, message)


def _present(message: Message, field: FieldDescriptor) -> bool:
    if field.is_repeated:
        return len(getattr(message, field.name)) > 0
    if field.has_presence:
        return message.HasField(field.name)
    return bool(getattr(message, field.name) != field.default_value)


def _encode_object(conv: Converter, message: Message) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for fp in conv.fields(message.DESCRIPTOR):
        field, opts = fp.field, fp.json
        if opts.omit:
            continue
        if opts.embed:
            if _present(message, field):
                for key, value in _encode_object(conv, getattr(message, field.name)).items():
                    out.setdefault(key, value)
            continue
        if not _present(message, field):
            plain_scalar = (
                not field.is_repeated and field.message_type is None and not field.has_presence
            )
            if opts.omit_empty or not plain_scalar:
                continue
        out[opts.key] = _encode_field(conv, message, fp)
    return out


def _encode_field(conv: Converter, message: Message, fp: FieldPlan) -> Any:
    field, cast = fp.field, fp.json.cast
    value = getattr(message, field.name)
    trait_list = trait_list_fields(field) if cast == JSONCast.TRAITS else None
    if trait_list is not None:
        key_field, values_field = trait_list
        traits: dict[str, list[str]] = {}
        for item in value:
            traits.setdefault(getattr(item, key_field.name), []).extend(
                getattr(item, values_field.name)
            )
        return {key: traits[key] for key in sorted(traits)}
    if cast in (JSONCast.LABELS, JSONCast.TRAITS):
        shape = label_shape(field)
        container = getattr(value, shape.map_field.name) if shape.wrapper is not None else value
        out: dict[str, Any] = {}
        for key in sorted(container):
            items = list(getattr(container[key], shape.list_field.name))
            out[key] = items[0] if cast == JSONCast.LABELS and len(items) == 1 else items
        return out
    if cast == JSONCast.BOOL_OPTION:
        return bool(getattr(value, only_field(value.DESCRIPTOR, field.full_name).name))
    if cast == JSONCast.STRINGS:
        return list(getattr(value, only_field(value.DESCRIPTOR, field.full_name).name))
    if cast == JSONCast.STRING_OR_LIST:
        return list(value)
    if cast == JSONCast.DURATION:
        return format_go_duration(int(value))
    if fp.is_map:
        value_field = map_entry(field)[1]
        return {
            _map_key(key): (
                _encode_value(conv, value[key])
                if value_field.message_type is not None
                else encode_scalar(value_field.type, value_field.enum_type, value[key])
            )
            for key in sorted(value)
        }
    if field.is_repeated:
        if field.message_type is not None:
            return [_encode_value(conv, item) for item in value]
        return [encode_scalar(field.type, field.enum_type, item) for item in value]
    if field.message_type is not None:
        return _encode_value(conv, value)
    return encode_scalar(field.type, field.enum_type, value)


def _map_key(key: Any) -> str:
    if isinstance(key, bool):
        return "true" if key else "false"
    return str(key)
