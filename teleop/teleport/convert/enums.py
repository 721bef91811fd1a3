"""Enum values in Teleport's JSON: by ``json_value`` spelling, by proto name, or by number.

Input accepts, for each value, its ``json_value`` option (``"keep"``), its proto name
(``"HOST_USER_MODE_KEEP"``) and its number (``3``); enums that carry json_value spellings also read
``""`` as the zero value, as Teleport's hand-written decoders do. A json_value of ``"true"`` or
``"false"`` stands for the JSON boolean (RequireMFAType writes OFF and SESSION as false and true),
and both the boolean and the string are read. Output is the json_value when set (booleans as
booleans); else ``""`` for the zero value of an enum whose other values carry json_value spellings
(what Teleport's hand-written encoders write); else the proto name (protojson's form); else the
bare number for values the descriptor does not know (an open enum written by a newer server).

A few of Teleport's decoders accept more than any option expresses (extra aliases, a boolean false
for "off", a deprecated number rewritten to its successor). Those rules live in ``_STOPGAP`` below,
keyed by enum full name, until options.proto grows options for them (the converter's report asks
for ``json_alias`` on enum values). Remove entries as the options land.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from google.protobuf.descriptor import EnumDescriptor, EnumValueDescriptor

from teleop.teleport.convert.errors import ConversionError, json_type_name
from teleop.teleport.convert.options import enum_value_json

__all__ = ["decode_enum", "encode_enum", "enum_spellings"]

_BOOL_SPELLINGS: Mapping[str, bool] = MappingProxyType({"true": True, "false": False})


@dataclass(frozen=True, slots=True)
class _EnumPolicy:
    """Per-enum input rules beyond json_value (temporary, see module docstring)."""

    # Extra accepted JSON values (strings compared case-insensitively when fold_case, booleans,
    # numbers) mapped to value names; checked before the json_value spellings.
    aliases: Mapping[str | bool | int, str] = field(default_factory=lambda: MappingProxyType({}))
    fold_case: bool = False


_STOPGAP: Mapping[str, _EnumPolicy] = MappingProxyType(
    {
        # api/types/role.go RequireMFAType.decode: the strings yes/no/on/off/... of the old
        # boolean require_session_mfa, case-insensitive.
        "types.RequireMFAType": _EnumPolicy(
            aliases=MappingProxyType(
                {
                    **dict.fromkeys(("yes", "yeah", "y", "true", "1", "on"), "SESSION"),
                    **dict.fromkeys(("no", "nope", "n", "false", "0", "off"), "OFF"),
                }
            ),
            fold_case=True,
        ),
        # api/types/role.go CreateHostUserMode.decode: false -> off; "drop" and 2 (the deprecated
        # DROP) -> INSECURE_DROP.
        "types.CreateHostUserMode": _EnumPolicy(
            aliases=MappingProxyType(
                {
                    False: "HOST_USER_MODE_OFF",
                    "drop": "HOST_USER_MODE_INSECURE_DROP",
                    2: "HOST_USER_MODE_INSECURE_DROP",
                }
            )
        ),
        # api/types/role.go CreateDatabaseUserMode.decode: false -> off.
        "types.CreateDatabaseUserMode": _EnumPolicy(
            aliases=MappingProxyType({False: "DB_USER_MODE_OFF"})
        ),
    }
)
_DEFAULT = _EnumPolicy()


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


def _alias(policy: _EnumPolicy, enum: EnumDescriptor, raw: str | bool | int) -> int | None:
    key = raw.lower() if isinstance(raw, str) and policy.fold_case else raw
    # bool is an int in Python: look booleans up only among boolean aliases and vice versa.
    for alias, name in policy.aliases.items():
        if type(alias) is type(key) and alias == key:
            value = enum.values_by_name.get(name)
            return None if value is None else int(value.number)
    return None


def decode_enum(raw: Any, enum: EnumDescriptor, path: str) -> int:
    """The enum number for a JSON value, or ConversionError naming ``path``."""
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if not isinstance(raw, str | int):
        raise ConversionError(path, f"expected string or number, got {json_type_name(raw)}")
    number = _alias(enum_policy(enum), enum, raw)
    if number is not None:
        return number
    if isinstance(raw, bool):
        for value in enum.values:
            spelled = _spelling(value)
            if isinstance(spelled, bool) and spelled == raw:
                return int(value.number)
    elif isinstance(raw, str):
        for value in enum.values:
            if enum_value_json(value) == raw:
                return int(value.number)
        if raw in enum.values_by_name:
            return int(enum.values_by_name[raw].number)
        if raw == "" and any(enum_value_json(v) is not None for v in enum.values):
            return 0
        raise ConversionError(path, f'unknown value "{raw}" {_expected(enum)}')
    elif raw in enum.values_by_number:
        return raw
    raise ConversionError(path, f"unknown value {_show(raw)} {_expected(enum)}")


def enum_policy(enum: EnumDescriptor) -> _EnumPolicy:
    """The temporary per-enum input rules (empty for most enums)."""
    return _STOPGAP.get(enum.full_name, _DEFAULT)
