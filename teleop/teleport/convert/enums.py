"""Enum values in Teleport's JSON: by ``json_value`` spelling, by proto name, or by number.

Input accepts, for each value, its ``json_value`` option (``"keep"``), its proto name
(``"HOST_USER_MODE_KEEP"``) and its number (``3``); enums that carry json_value spellings also read
``""`` as the zero value, as Teleport's hand-written decoders do. Output is the json_value when
set; else ``""`` for the zero value of an enum whose other values carry json_value spellings (what
Teleport's hand-written encoders write); else the proto name (protojson's form); else the bare
number for values the descriptor does not know (an open enum written by a newer server).

A few of Teleport's enums have JSON rules no option expresses yet (booleans, extra aliases). Those
live in ``_STOPGAP`` below, keyed by enum full name, until options.proto grows the options named
in the converter's report (``json_bool``, ``json_alias``). Remove entries as the options land.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from google.protobuf.descriptor import EnumDescriptor

from teleop.teleport.convert.errors import ConversionError, json_type_name
from teleop.teleport.convert.options import enum_value_json

__all__ = ["decode_enum", "encode_enum", "enum_spellings"]


@dataclass(frozen=True, slots=True)
class _EnumPolicy:
    """Per-enum JSON rules beyond json_value (temporary, see module docstring)."""

    # JSON booleans accepted on input, mapped to value names.
    bools_in: Mapping[bool, str] = field(default_factory=dict)
    # Whether the values named in bools_in are also written as those booleans.
    bools_out: bool = False
    # Extra accepted spellings (compared case-insensitively when fold_case) to value names.
    aliases: Mapping[str, str] = field(default_factory=dict)
    # Numbers Teleport rewrites on input (deprecated values) to value names.
    number_aliases: Mapping[int, str] = field(default_factory=dict)
    fold_case: bool = False


_STOPGAP: Mapping[str, _EnumPolicy] = MappingProxyType(
    {
        # api/types/role.go RequireMFAType.encode/decode: OFF<->false, SESSION<->true, and the
        # strings yes/no/on/off/... (case-insensitive) for the old boolean require_session_mfa.
        "types.RequireMFAType": _EnumPolicy(
            bools_in={False: "OFF", True: "SESSION"},
            bools_out=True,
            aliases={
                **dict.fromkeys(("yes", "yeah", "y", "true", "1", "on"), "SESSION"),
                **dict.fromkeys(("no", "nope", "n", "false", "0", "off"), "OFF"),
            },
            fold_case=True,
        ),
        # api/types/role.go CreateHostUserMode.decode: false -> off; "drop" and 2 (DROP) ->
        # INSECURE_DROP.
        "types.CreateHostUserMode": _EnumPolicy(
            bools_in={False: "HOST_USER_MODE_OFF"},
            aliases={"drop": "HOST_USER_MODE_INSECURE_DROP"},
            number_aliases={2: "HOST_USER_MODE_INSECURE_DROP"},
        ),
        # api/types/role.go CreateDatabaseUserMode.decode: false -> off.
        "types.CreateDatabaseUserMode": _EnumPolicy(bools_in={False: "DB_USER_MODE_OFF"}),
    }
)
_DEFAULT = _EnumPolicy()


def _policy(enum: EnumDescriptor) -> _EnumPolicy:
    return _STOPGAP.get(enum.full_name, _DEFAULT)


def _number_of(enum: EnumDescriptor, name: str) -> int | None:
    value = enum.values_by_name.get(name)
    return None if value is None else int(value.number)


def encode_enum(number: int, enum: EnumDescriptor) -> Any:
    """The JSON form of an enum number."""
    value = enum.values_by_number.get(number)
    if value is None:
        return number
    policy = _policy(enum)
    if policy.bools_out:
        for flag, name in policy.bools_in.items():
            if name == value.name:
                return flag
    spelled = enum_value_json(value)
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
    shown = ", ".join(
        ("true" if s else "false") if isinstance(s, bool) else str(s) for s in enum_spellings(enum)
    )
    return f"(expected one of: {shown})"


def decode_enum(raw: Any, enum: EnumDescriptor, path: str) -> int:
    """The enum number for a JSON value, or ConversionError naming ``path``."""
    policy = _policy(enum)
    if isinstance(raw, bool):
        name = policy.bools_in.get(raw)
        number = None if name is None else _number_of(enum, name)
        if number is None:
            raise ConversionError(path, f"unknown value {str(raw).lower()} {_expected(enum)}")
        return number
    if isinstance(raw, float) and raw.is_integer():
        raw = int(raw)
    if isinstance(raw, int):
        alias = policy.number_aliases.get(raw)
        if alias is not None and (number := _number_of(enum, alias)) is not None:
            return number
        if raw in enum.values_by_number:
            return raw
        raise ConversionError(path, f"unknown value {raw} {_expected(enum)}")
    if not isinstance(raw, str):
        raise ConversionError(path, f"expected string or number, got {json_type_name(raw)}")
    spellings = {enum_value_json(v): int(v.number) for v in enum.values}
    spellings.pop(None, None)
    if raw in spellings:
        return spellings[raw]
    if raw in enum.values_by_name:
        return int(enum.values_by_name[raw].number)
    key = raw.lower() if policy.fold_case else raw
    alias = policy.aliases.get(key)
    if alias is not None and (number := _number_of(enum, alias)) is not None:
        return number
    if raw == "" and spellings:
        return 0
    raise ConversionError(path, f'unknown value "{raw}" {_expected(enum)}')
