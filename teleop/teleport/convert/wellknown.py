"""google.protobuf well-known types in JSON: bare values instead of objects.

Timestamp is an RFC 3339 string (UTC, nanoseconds kept); Duration is a duration string (input:
any Go duration, which includes protojson's "3600s"; also a JSON integer of nanoseconds, since
Teleport's gogo ``stdduration`` fields are Go ``time.Duration`` and encoding/json writes them as
numbers; output: protojson's "3600s" form, which both Go and protojson parse back); the scalar
wrappers (BoolValue, StringValue, Int64Value, ...) are their bare value; Struct, Value and
ListValue are arbitrary JSON; Empty is ``{}``. Any and FieldMask are treated as ordinary messages.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format
from google.protobuf.message import Message

from teleop.teleport.convert.durations import format_proto_duration, parse_go_duration
from teleop.teleport.convert.errors import ConversionError, json_type_name
from teleop.teleport.convert.scalars import decode_scalar, encode_scalar
from teleop.teleport.convert.timestamps import format_rfc3339, parse_rfc3339

__all__ = ["WELL_KNOWN", "decode_well_known", "encode_well_known"]

TIMESTAMP = "google.protobuf.Timestamp"
DURATION = "google.protobuf.Duration"
_SCALAR_WRAPPERS = frozenset(
    f"google.protobuf.{n}Value"
    for n in ("Bool", "String", "Bytes", "Int32", "Int64", "UInt32", "UInt64", "Float", "Double")
)
_STRUCTS = frozenset(
    ("google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue")
)
_EMPTY = "google.protobuf.Empty"
WELL_KNOWN = frozenset((TIMESTAMP, DURATION, _EMPTY)) | _SCALAR_WRAPPERS | _STRUCTS


def decode_well_known(message: Message, raw: Any, path: str) -> None:
    """Fill a well-known-type message from its JSON value."""
    name = message.DESCRIPTOR.full_name
    if name == TIMESTAMP:
        if not isinstance(raw, str):
            raise ConversionError(path, f"expected RFC 3339 string, got {json_type_name(raw)}")
        try:
            seconds, nanos = parse_rfc3339(raw)
        except ValueError:
            raise ConversionError(path, f'invalid timestamp "{raw}" (expected RFC 3339)') from None
        message.seconds, message.nanos = seconds, nanos  # type: ignore[attr-defined]
    elif name == DURATION:
        total = _duration_nanos(raw, path)
        seconds = int(total / 1_000_000_000)  # truncate toward zero: nanos share the sign
        message.seconds = seconds  # type: ignore[attr-defined]
        message.nanos = total - seconds * 1_000_000_000  # type: ignore[attr-defined]
    elif name in _SCALAR_WRAPPERS:
        field = message.DESCRIPTOR.fields_by_name["value"]
        message.value = decode_scalar(field.type, None, raw, path)  # type: ignore[attr-defined]
    elif name in _STRUCTS:
        if name == "google.protobuf.Struct" and not isinstance(raw, dict):
            raise ConversionError(path, f"expected object, got {json_type_name(raw)}")
        if name == "google.protobuf.ListValue" and not isinstance(raw, list):
            raise ConversionError(path, f"expected list, got {json_type_name(raw)}")
        try:
            json_format.ParseDict(raw, message)
        except json_format.ParseError as err:
            raise ConversionError(path, str(err)) from None
    elif name == _EMPTY and raw != {}:
        raise ConversionError(path, f"expected empty object, got {json_type_name(raw)}")
    message.SetInParent()


def _duration_nanos(raw: Any, path: str) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if not isinstance(raw, str):
        raise ConversionError(path, f"expected duration string, got {json_type_name(raw)}")
    try:
        return parse_go_duration(raw)
    except ValueError:
        raise ConversionError(path, f'invalid duration "{raw}"') from None


def encode_well_known(message: Message) -> Any:
    """The JSON value of a well-known-type message."""
    name = message.DESCRIPTOR.full_name
    if name == TIMESTAMP:
        return format_rfc3339(message.seconds, message.nanos)  # type: ignore[attr-defined]
    if name == DURATION:
        return format_proto_duration(message.seconds, message.nanos)  # type: ignore[attr-defined]
    if name in _SCALAR_WRAPPERS:
        field = message.DESCRIPTOR.fields_by_name["value"]
        return encode_scalar(field.type, None, message.value)  # type: ignore[attr-defined]
    if name in _STRUCTS:
        return json_format.MessageToDict(message)
    return {}
