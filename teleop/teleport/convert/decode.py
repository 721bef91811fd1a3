"""decode: Teleport's JSON/YAML form (as a user writes it in a CR) into a protobuf message.

Driven entirely by the message's descriptors and teleop's field options (see ``options``): each
field is read under its JSON key and converted by its cast (durations, labels, traits, bool
options, string lists, timestamps) or by its protobuf type. Rules:

* Only the JSON key is accepted (Teleport's Go decoder knows only the json tag). Any other key is an
  error, ``spec.foo: unknown field``, because the Go operator's strict decoding rejects such CRs.
  Fields marked ``json_omit`` (Go's ``json:"-"``) have no key; the keys of a ``json_embed``
  message field are read in the enclosing object.
* ``null`` means "not set", as if the key were absent.
* Two members of one oneof is an error on the second.
* The first error stops decoding; it is a ConversionError naming the field's path, with list items
  as ``[i]`` and map keys as ``.key`` (``spec.allow.node_labels.env``).

Each message type's keys and routes come from a ``Converter`` (``plan``): pass a long-lived one as
``converter=`` to derive them once; without one, a fresh one serves this call alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from google.protobuf.descriptor import FieldDescriptor
from google.protobuf.message import Message

from teleop.teleport.convert.durations import parse_go_duration
from teleop.teleport.convert.errors import ConversionError, json_type_name
from teleop.teleport.convert.options import JSONCast
from teleop.teleport.convert.plan import Converter, FieldPlan
from teleop.teleport.convert.scalars import decode_scalar
from teleop.teleport.convert.shapes import (
    label_shape,
    map_entry,
    only_field,
    trait_list_fields,
)
from teleop.teleport.convert.wellknown import WELL_KNOWN, decode_well_known

__all__ = ["decode"]

M = TypeVar("M", bound=Message)
_LIST_OF_STRINGS = "expected list of strings"


def decode(
    data: Mapping[str, Any],
    message_type: type[M],
    *,
    path: str = "spec",
    converter: Converter | None = None,
) -> M:
    """A new ``message_type`` filled from ``data``; ConversionError names the first bad field."""
    message = message_type()
    _decode_value(converter if converter is not None else Converter(), message, data, path)
    return message


def _decode_value(conv: Converter, message: Message, raw: Any, path: str) -> None:
    if message.DESCRIPTOR.full_name in WELL_KNOWN:
        decode_well_known(message, raw, path)
    else:
        _decode_object(conv, message, raw, path)


def _decode_object(conv: Converter, message: Message, raw: Any, path: str) -> None:
    if not isinstance(raw, Mapping):
        raise ConversionError(path, f"expected object, got {json_type_name(raw)}")
    routes = conv.routes(message.DESCRIPTOR)
    oneof_keys: dict[str, str] = {}
    for key, value in raw.items():
        sub = f"{path}.{key}"
        route = routes.get(key)
        if route is None:
            raise ConversionError(sub, "unknown field")
        if value is None:
            continue
        *embeds, fp = route
        oneof = fp.field.containing_oneof
        if oneof is not None and len(oneof.fields) > 1:
            other = oneof_keys.setdefault(oneof.full_name, key)
            if other != key:
                raise ConversionError(sub, f"cannot be set together with {other} (oneof)")
        target = message
        for embed in embeds:
            target = getattr(target, embed.field.name)
            target.SetInParent()
        _decode_field(conv, target, fp, value, sub)
    message.SetInParent()


def _decode_field(conv: Converter, message: Message, fp: FieldPlan, raw: Any, path: str) -> None:
    field = fp.field
    cast = fp.json.cast
    if cast in (JSONCast.LABELS, JSONCast.TRAITS):
        _decode_labels(message, field, raw, path, traits=cast == JSONCast.TRAITS)
    elif cast == JSONCast.BOOL_OPTION:
        if not isinstance(raw, bool):
            raise ConversionError(path, f"expected boolean, got {json_type_name(raw)}")
        inner = getattr(message, field.name)
        setattr(inner, only_field(inner.DESCRIPTOR, field.full_name).name, raw)
        inner.SetInParent()
    elif cast == JSONCast.STRINGS:
        inner = getattr(message, field.name)
        target = getattr(inner, only_field(inner.DESCRIPTOR, field.full_name).name)
        target.extend(_strings(raw, path, bare_ok=True))
        inner.SetInParent()
    elif cast == JSONCast.STRING_OR_LIST:
        getattr(message, field.name).extend(_strings(raw, path, bare_ok=True))
    elif cast == JSONCast.DURATION:
        setattr(message, field.name, _go_duration(raw, path))
    elif fp.is_map:
        _decode_map(conv, message, field, raw, path)
    elif field.is_repeated:
        _decode_list(conv, message, field, raw, path)
    elif field.message_type is not None:
        _decode_value(conv, getattr(message, field.name), raw, path)
    else:
        setattr(message, field.name, decode_scalar(field.type, field.enum_type, raw, path))


def _go_duration(raw: Any, path: str) -> int:
    if not isinstance(raw, str):
        raise ConversionError(path, f"expected duration string, got {json_type_name(raw)}")
    try:
        return parse_go_duration(raw)
    except ValueError:
        raise ConversionError(path, f'invalid duration "{raw}"') from None


def _strings(raw: Any, path: str, *, bare_ok: bool) -> list[str]:
    if bare_ok and isinstance(raw, str):
        return [raw]
    expected = "expected string or list of strings" if bare_ok else _LIST_OF_STRINGS
    if not isinstance(raw, list):
        raise ConversionError(path, f"{expected}, got {json_type_name(raw)}")
    for i, item in enumerate(raw):
        if not isinstance(item, str):
            raise ConversionError(f"{path}[{i}]", f"expected string, got {json_type_name(item)}")
    return list(raw)


def _decode_labels(
    message: Message, field: FieldDescriptor, raw: Any, path: str, *, traits: bool
) -> None:
    if not isinstance(raw, Mapping):
        raise ConversionError(path, f"expected object, got {json_type_name(raw)}")
    trait_list = trait_list_fields(field) if traits else None
    if trait_list is not None:
        key_field, values_field = trait_list
        for key, value in raw.items():
            item = getattr(message, field.name).add()
            setattr(item, key_field.name, str(key))
            getattr(item, values_field.name).extend(_strings(value, f"{path}.{key}", bare_ok=False))
        return
    shape = label_shape(field)
    owner = message
    if shape.wrapper is not None:
        owner = getattr(message, shape.wrapper.name)
        owner.SetInParent()
    container = getattr(owner, shape.map_field.name)
    for key, value in raw.items():
        values = _strings(value, f"{path}.{key}", bare_ok=not traits)
        getattr(container[key], shape.list_field.name).extend(values)


def _map_key(key_field: FieldDescriptor, key: Any, path: str) -> Any:
    if key_field.type == FieldDescriptor.TYPE_STRING:
        return str(key)
    if key_field.type == FieldDescriptor.TYPE_BOOL:
        if key in ("true", "false", True, False):
            return key in ("true", True)
        raise ConversionError(path, f'invalid boolean map key "{key}"')
    return decode_scalar(key_field.type, None, str(key), path)


def _decode_map(
    conv: Converter, message: Message, field: FieldDescriptor, raw: Any, path: str
) -> None:
    if not isinstance(raw, Mapping):
        raise ConversionError(path, f"expected object, got {json_type_name(raw)}")
    key_field, value_field = map_entry(field)
    container = getattr(message, field.name)
    for key, value in raw.items():
        sub = f"{path}.{key}"
        proto_key = _map_key(key_field, key, sub)
        if value_field.message_type is not None:
            _decode_value(conv, container[proto_key], value, sub)
        else:
            container[proto_key] = decode_scalar(
                value_field.type, value_field.enum_type, value, sub
            )


def _decode_list(
    conv: Converter, message: Message, field: FieldDescriptor, raw: Any, path: str
) -> None:
    if not isinstance(raw, list):
        raise ConversionError(path, f"expected list, got {json_type_name(raw)}")
    container = getattr(message, field.name)
    for i, item in enumerate(raw):
        sub = f"{path}[{i}]"
        if field.message_type is not None:
            _decode_value(conv, container.add(), item, sub)
        else:
            container.append(decode_scalar(field.type, field.enum_type, item, sub))
