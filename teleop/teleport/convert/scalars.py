"""Scalar field values between JSON and protobuf: numbers, booleans, strings, bytes, enums.

Input follows protojson's leniency where Teleport's JSON is a superset of it: integers may be JSON
numbers (integral floats included, since YAML and JSON parsers may give 3.0) or decimal strings
("42", protojson's int64 form); floats accept numbers and "NaN"/"Infinity"/"-Infinity"; bytes are
standard or URL-safe base64 with or without padding. Booleans are never numbers. Output writes
integers as JSON numbers (Go's encoding/json, which Teleport's legacy kinds use), bytes as padded
standard base64 and non-finite floats as protojson's strings.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from google.protobuf.descriptor import EnumDescriptor, FieldDescriptor

from teleop.teleport.convert.enums import decode_enum, encode_enum
from teleop.teleport.convert.errors import ConversionError, json_type_name

__all__ = ["decode_scalar", "encode_scalar"]

_F = FieldDescriptor
_INT_RANGES: Mapping[int, tuple[int, int]] = MappingProxyType(
    {
        **dict.fromkeys(
            (_F.TYPE_INT32, _F.TYPE_SINT32, _F.TYPE_SFIXED32), (-(1 << 31), (1 << 31) - 1)
        ),
        **dict.fromkeys(
            (_F.TYPE_INT64, _F.TYPE_SINT64, _F.TYPE_SFIXED64), (-(1 << 63), (1 << 63) - 1)
        ),
        **dict.fromkeys((_F.TYPE_UINT32, _F.TYPE_FIXED32), (0, (1 << 32) - 1)),
        **dict.fromkeys((_F.TYPE_UINT64, _F.TYPE_FIXED64), (0, (1 << 64) - 1)),
    }
)
_INT_NAMES: Mapping[int, str] = MappingProxyType(
    {
        _F.TYPE_INT32: "int32",
        _F.TYPE_SINT32: "int32",
        _F.TYPE_SFIXED32: "int32",
        _F.TYPE_INT64: "int64",
        _F.TYPE_SINT64: "int64",
        _F.TYPE_SFIXED64: "int64",
        _F.TYPE_UINT32: "uint32",
        _F.TYPE_FIXED32: "uint32",
        _F.TYPE_UINT64: "uint64",
        _F.TYPE_FIXED64: "uint64",
    }
)
_INTEGER = re.compile(r"-?\d+\Z")
_FLOAT_WORDS: Mapping[str, float] = MappingProxyType(
    {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
)


def _decode_int(ftype: int, raw: Any, path: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ConversionError(path, f"expected number, got {json_type_name(raw)}")
    if isinstance(raw, str):
        if not _INTEGER.match(raw):
            raise ConversionError(path, f'invalid integer "{raw}"')
        value = int(raw)
    elif isinstance(raw, float):
        if not raw.is_integer():
            raise ConversionError(path, f"expected an integer, got {raw!r}")
        value = int(raw)
    else:
        value = raw
    low, high = _INT_RANGES[ftype]
    if not low <= value <= high:
        raise ConversionError(path, f"{value} is out of range for {_INT_NAMES[ftype]}")
    return value


def _decode_float(raw: Any, path: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise ConversionError(path, f"expected number, got {json_type_name(raw)}")
    if isinstance(raw, str):
        if raw in _FLOAT_WORDS:
            return _FLOAT_WORDS[raw]
        try:
            return float(raw)
        except ValueError:
            raise ConversionError(path, f'invalid number "{raw}"') from None
    return float(raw)


def _decode_bytes(raw: Any, path: str) -> bytes:
    if not isinstance(raw, str):
        raise ConversionError(path, f"expected base64 string, got {json_type_name(raw)}")
    text = raw.replace("-", "+").replace("_", "/")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        raise ConversionError(path, "invalid base64") from None


def decode_scalar(ftype: int, enum: EnumDescriptor | None, raw: Any, path: str) -> Any:
    """The Python value to store in a scalar field of type ``ftype`` for the JSON value ``raw``."""
    if ftype == _F.TYPE_STRING:
        if not isinstance(raw, str):
            raise ConversionError(path, f"expected string, got {json_type_name(raw)}")
        return raw
    if ftype == _F.TYPE_BOOL:
        if not isinstance(raw, bool):
            raise ConversionError(path, f"expected boolean, got {json_type_name(raw)}")
        return raw
    if ftype in _INT_RANGES:
        return _decode_int(ftype, raw, path)
    if ftype in (_F.TYPE_DOUBLE, _F.TYPE_FLOAT):
        return _decode_float(raw, path)
    if ftype == _F.TYPE_BYTES:
        return _decode_bytes(raw, path)
    if ftype == _F.TYPE_ENUM and enum is not None:
        return decode_enum(raw, enum, path)
    raise TypeError(f"{path}: unsupported scalar type {ftype}")


def encode_scalar(ftype: int, enum: EnumDescriptor | None, value: Any) -> Any:
    """The JSON value for a scalar field value."""
    if ftype == _F.TYPE_BYTES:
        return base64.b64encode(value).decode()
    if ftype == _F.TYPE_ENUM and enum is not None:
        return encode_enum(int(value), enum)
    if ftype in (_F.TYPE_DOUBLE, _F.TYPE_FLOAT) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else ("Infinity" if value > 0 else "-Infinity")
    return value
