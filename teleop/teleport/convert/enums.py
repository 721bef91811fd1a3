"""Enum values in Teleport's JSON: by ``json_value`` spelling, alias, proto name, or number.

Input accepts, for each value, its ``json_alias`` spellings, its ``json_value`` option
(``"keep"``), its proto name (``"HOST_USER_MODE_KEEP"``) and its number (``3``), checked in that
order so an alias can take a spelling from the value that writes it (Teleport reads ``"drop"`` and
the deprecated number 2 as INSECURE_DROP). Enums that carry json_value spellings also read ``""``
as the zero value, as Teleport's hand-written decoders do. A json_value of ``"true"`` or
``"false"`` stands for the JSON boolean (RequireMFAType writes OFF and SESSION as false and true),
and both the boolean and the string are read. A json_alias is a JSON string, except that
``"true"``/``"false"`` mean only the JSON booleans and a decimal integer alias also matches that
JSON number. With ``json_fold_case`` on the enum, strings are compared to json_value and json_alias
spellings case-insensitively (proto names stay exact).

Output is the json_value when set (booleans as booleans); else ``""`` for the zero value of an enum
whose other values carry json_value spellings (what Teleport's hand-written encoders write); else
the proto name (protojson's form); else the bare number for values the descriptor does not know
(an open enum written by a newer server). Aliases are never written.

Everything is read from the descriptors (``options``); nothing is cached, as enums are small.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from google.protobuf.descriptor import EnumDescriptor, EnumValueDescriptor

from teleop.teleport.convert.errors import ConversionError, json_type_name
from teleop.teleport.convert.options import enum_fold_case, enum_value_aliases, enum_value_json

__all__ = ["EnumInputs", "decode_enum", "encode_enum", "enum_inputs", "enum_spellings"]

_BOOL_SPELLINGS: Mapping[str, bool] = MappingProxyType({"true": True, "false": False})
_INTEGER = re.compile(r"-?[0-9]+")


@dataclass(frozen=True, slots=True)
class EnumInputs:
    """The ``json_alias`` inputs of one enum, by JSON type, each mapped to a value number.

    Kept apart by type because ``True == 1`` in Python: a boolean alias must never match a number.
    Strings are lower-cased when ``fold_case``.
    """

    strings: Mapping[str, int]
    booleans: Mapping[bool, int]
    numbers: Mapping[int, int]
    fold_case: bool

    def lookup(self, raw: str | int) -> int | None:
        """The value number an alias gives ``raw`` (a str, bool or int), or None."""
        if isinstance(raw, bool):
            return self.booleans.get(raw)
        if isinstance(raw, int):
            return self.numbers.get(raw)
        return self.strings.get(raw.lower() if self.fold_case else raw)


def enum_inputs(enum: EnumDescriptor) -> EnumInputs:
    """The aliases and case folding declared on ``enum`` and its values."""
    fold = enum_fold_case(enum)
    strings: dict[str, int] = {}
    booleans: dict[bool, int] = {}
    numbers: dict[int, int] = {}
    for value in enum.values:
        number = int(value.number)
        for alias in enum_value_aliases(value):
            if alias in _BOOL_SPELLINGS:
                booleans.setdefault(_BOOL_SPELLINGS[alias], number)
                continue
            strings.setdefault(alias.lower() if fold else alias, number)
            if _INTEGER.fullmatch(alias):
                numbers.setdefault(int(alias), number)
    return EnumInputs(
        strings=MappingProxyType(strings),
        booleans=MappingProxyType(booleans),
        numbers=MappingProxyType(numbers),
        fold_case=fold,
    )


def _spelling(value: EnumValueDescriptor) -> str | bool | None:
    spelled = enum_value_json(value)
    if spelled is None:
        return None
    return _BOOL_SPELLINGS.get(spelled, spelled)


def encode_enum(number: int, enum: EnumDescriptor) -> Any:
    """The JSON form of an enum number."""
    value = enum.values_by_number.get(number)
    if value is None:
        return number
    spelled = _spelling(value)
    if spelled is not None:
        return spelled
    if number == 0 and any(enum_value_json(v) is not None for v in enum.values):
        return ""  # Teleport's hand-written encoders write the unset value as ""
    return value.name


def enum_spellings(enum: EnumDescriptor) -> list[Any]:
    """The canonical JSON form of every value except ``*_UNSPECIFIED``, in declaration order."""
    return [
        encode_enum(int(v.number), enum) for v in enum.values if not v.name.endswith("_UNSPECIFIED")
    ]


def _expected(enum: EnumDescriptor) -> str:
    shown = ", ".join(_show(s) for s in enum_spellings(enum))
    return f"(expected one of: {shown})"


def _show(raw: Any) -> str:
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, str):
        return raw
    return repr(raw)


def _by_json_value(raw: str, enum: EnumDescriptor, fold: bool) -> int | None:
    key = raw.lower() if fold else raw
    for value in enum.values:
        spelled = enum_value_json(value)
        if spelled is not None and (spelled.lower() if fold else spelled) == key:
            return int(value.number)
    return None


def decode_enum(raw: Any, enum: EnumDescriptor, path: str) -> int:
    """The enum number for a JSON value, or ConversionError naming ``path``."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if not isinstance(raw, str | int):
        raise ConversionError(path, f"expected string or number, got {json_type_name(raw)}")
    inputs = enum_inputs(enum)
    number = inputs.lookup(raw)
    if number is not None:
        return number
    if isinstance(raw, bool):
        for value in enum.values:
            spelled = _spelling(value)
            if isinstance(spelled, bool) and spelled == raw:
                return int(value.number)
    elif isinstance(raw, str):
        number = _by_json_value(raw, enum, inputs.fold_case)
        if number is not None:
            return number
        if raw in enum.values_by_name:
            return int(enum.values_by_name[raw].number)
        if raw == "" and any(enum_value_json(v) is not None for v in enum.values):
            return 0
        raise ConversionError(path, f'unknown value "{raw}" {_expected(enum)}')
    elif raw in enum.values_by_number:
        return raw
    raise ConversionError(path, f"unknown value {_show(raw)} {_expected(enum)}")
