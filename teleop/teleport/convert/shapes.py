"""Descriptor shapes the converter needs: map fields, and the inner fields of Teleport's wrappers.

Teleport's casts sit on wrapper messages whose layout is fixed by Teleport's protos:
``wrappers.LabelValues{map<string, StringValues> Values = 1}``, ``wrappers.StringValues{repeated
string Values = 1}`` and ``types.BoolValue{bool Value = 1}``. The converter finds the inner fields
by shape (the wrapper's single field) rather than by name, so it works on any message laid out the
same way, including the test protos.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from google.protobuf.descriptor import Descriptor, FieldDescriptor

__all__ = [
    "LabelShape",
    "fields_of",
    "is_map",
    "label_shape",
    "map_entry",
    "only_field",
    "trait_list_fields",
]


def fields_of(message: Any) -> list[FieldDescriptor]:
    """The fields of a message descriptor in declaration order.

    Typed loosely on purpose: the stubs give ``Message.DESCRIPTOR`` as a union of the pure-Python
    and upb descriptor classes, which behave the same.
    """
    return cast("list[FieldDescriptor]", list(message.fields))


def map_entry(field: FieldDescriptor) -> tuple[FieldDescriptor, FieldDescriptor]:
    """The key and value fields of a map field's entry message."""
    entry = field.message_type
    if entry is None:
        raise TypeError(f"{field.full_name} is not a map")
    return entry.fields_by_name["key"], entry.fields_by_name["value"]


def is_map(field: FieldDescriptor) -> bool:
    """Whether ``field`` is a protobuf map (a repeated synthetic map-entry message)."""
    return field.message_type is not None and field.message_type.GetOptions().map_entry


def only_field(message: Descriptor, where: str) -> FieldDescriptor:
    """The single field of a wrapper message; TypeError if the wrapper is not a one-field message."""
    if len(message.fields) != 1:
        raise TypeError(f"{where}: {message.full_name} must have exactly one field")
    return fields_of(message)[0]


@dataclass(frozen=True, slots=True)
class LabelShape:
    """Where the string lists of a LABELS/TRAITS field live.

    ``wrapper`` is the LabelValues field itself when the map is wrapped (None when the cast sits on
    a bare ``map<string, StringValues>``), ``map_field`` is the map and ``list_field`` the repeated
    string inside the map's value message.
    """

    wrapper: FieldDescriptor | None
    map_field: FieldDescriptor
    list_field: FieldDescriptor


def trait_list_fields(field: FieldDescriptor) -> tuple[FieldDescriptor, FieldDescriptor] | None:
    """``(key, values)`` of a TRAITS field that is a repeated ``teleport.trait.v1.Trait``-like
    message (a string key and a repeated string), None for the map shapes of ``label_shape``."""
    if is_map(field) or not field.is_repeated or field.message_type is None:
        return None
    fields = fields_of(field.message_type)
    if (
        len(fields) != 2
        or fields[0].type != FieldDescriptor.TYPE_STRING
        or fields[0].is_repeated
        or fields[1].type != FieldDescriptor.TYPE_STRING
        or not fields[1].is_repeated
    ):
        raise TypeError(f"{field.full_name}: a trait list needs a string key and repeated values")
    return fields[0], fields[1]


def label_shape(field: FieldDescriptor) -> LabelShape:
    """The LabelShape of a field cast as LABELS or TRAITS."""
    where = field.full_name
    if field.message_type is None:
        raise TypeError(f"{where}: a labels cast needs a message or map field")
    if is_map(field):
        wrapper, map_field = None, field
    else:
        wrapper, map_field = field, only_field(field.message_type, where)
        if not is_map(map_field):
            raise TypeError(f"{where}: {field.message_type.full_name} must wrap a map")
    value_type = map_entry(map_field)[1].message_type
    if value_type is None:
        raise TypeError(f"{where}: the map's values must be a StringValues message")
    list_field = only_field(value_type, where)
    if not list_field.is_repeated or list_field.type != FieldDescriptor.TYPE_STRING:
        raise TypeError(f"{where}: {value_type.full_name} must hold a repeated string")
    return LabelShape(wrapper=wrapper, map_field=map_field, list_field=list_field)
