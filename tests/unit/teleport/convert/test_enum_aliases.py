"""Teleport enums with boolean json_values, ``json_alias`` spellings and ``json_fold_case``."""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.convert import ConversionError, decode, encode, schema_for
from teleop.teleport.convert.enums import enum_inputs
from teleop.teleport.convert.options import enum_fold_case, enum_value_aliases
from tests.unit.teleport.convert.protos import CompiledProtos


@pytest.fixture
def options_type(protos: CompiledProtos) -> type[Message]:
    return protos.message("types.AliasOptions")


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        (True, True),
        ("yes", True),
        ("ON", True),
        ("SESSION", True),
        (1, True),
        ("hardware_key", "hardware_key"),
        (2, "hardware_key"),
        ("HARDWARE_KEY_TOUCH", "hardware_key_touch"),
    ],
)
def test_require_session_mfa_bool_or_string(
    options_type: type[Message], raw: Any, canonical: Any
) -> None:
    # api/types/role.go RequireMFAType.encode: OFF -> false, SESSION -> true, others strings.
    message = decode({"require_session_mfa": raw}, options_type)
    assert encode(message) == {"require_session_mfa": canonical}


@pytest.mark.parametrize("raw", [False, "no", "off", "", 0])
def test_require_session_mfa_off_is_the_zero_value(options_type: type[Message], raw: Any) -> None:
    assert decode({"require_session_mfa": raw}, options_type) == options_type()


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("keep", "keep"),
        (3, "keep"),
        (False, "off"),
        ("drop", "insecure-drop"),
        (2, "insecure-drop"),  # Teleport rewrites the deprecated DROP to INSECURE_DROP
        ("insecure-drop", "insecure-drop"),
    ],
)
def test_create_host_user_mode(options_type: type[Message], raw: Any, canonical: str) -> None:
    message = decode({"create_host_user_mode": raw}, options_type)
    assert encode(message) == {"create_host_user_mode": canonical}


def test_create_host_user_mode_true_is_an_error(options_type: type[Message]) -> None:
    with pytest.raises(ConversionError) as err:
        decode({"create_host_user_mode": True}, options_type, path="spec.options")
    assert str(err.value) == (
        "spec.options.create_host_user_mode: unknown value true "
        "(expected one of: off, drop, keep, insecure-drop)"
    )


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("Yes", True), ("YEAH", True), ("y", True), ("1", True), ("On", True), ("TRUE", True)],
)
def test_require_session_mfa_aliases_fold_case(
    options_type: type[Message], raw: Any, canonical: Any
) -> None:
    message = decode({"require_session_mfa": raw}, options_type)
    assert encode(message) == {"require_session_mfa": canonical}


@pytest.mark.parametrize("raw", ["NO", "Nope", "N", "0", "OFF", "False"])
def test_require_session_mfa_off_aliases_fold_case(options_type: type[Message], raw: Any) -> None:
    assert decode({"require_session_mfa": raw}, options_type) == options_type()


def test_require_session_mfa_unknown_string(options_type: type[Message]) -> None:
    with pytest.raises(ConversionError, match='unknown value "maybe"'):
        decode({"require_session_mfa": "maybe"}, options_type)


@pytest.mark.parametrize("raw", ["false", "OFF", "Keep", "2"])
def test_create_host_user_mode_no_fold_and_boolean_alias_is_boolean_only(
    options_type: type[Message], raw: Any
) -> None:
    # "false" as an alias means the JSON boolean; this enum does not fold case.
    if raw == "2":  # a decimal alias matches the string as well as the number
        message = decode({"create_host_user_mode": raw}, options_type)
        assert encode(message) == {"create_host_user_mode": "insecure-drop"}
        return
    with pytest.raises(ConversionError):
        decode({"create_host_user_mode": raw}, options_type)


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [("minor", "low"), ("major", "high"), (9, "high"), ("low", "low"), (2, "high")],
)
def test_string_and_number_aliases(options_type: type[Message], raw: Any, canonical: str) -> None:
    assert encode(decode({"level": raw}, options_type)) == {"level": canonical}


def test_schema_lists_string_and_number_aliases(options_type: type[Message]) -> None:
    level = schema_for(options_type)["properties"]["level"]
    assert level == {
        "x-kubernetes-int-or-string": True,
        "enum": [
            "",
            "9",
            "LEVEL_HIGH",
            "LEVEL_LOW",
            "LEVEL_UNSPECIFIED",
            "high",
            "low",
            "major",
            "minor",
            0,
            1,
            2,
            9,
        ],
    }


def test_generated_types_carry_the_options() -> None:
    mfa = types_pb2.RequireMFAType.DESCRIPTOR
    assert enum_fold_case(mfa)
    assert enum_value_aliases(mfa.values_by_name["SESSION"]) == ("yes", "yeah", "y", "1", "on")
    assert enum_value_aliases(mfa.values_by_name["OFF"]) == ("no", "nope", "n", "0", "off")
    host = types_pb2.CreateHostUserMode.DESCRIPTOR
    assert not enum_fold_case(host)
    assert enum_value_aliases(host.values_by_name["HOST_USER_MODE_INSECURE_DROP"]) == ("drop", "2")
    inputs = enum_inputs(host)
    assert inputs.booleans == {False: 1}
    assert inputs.numbers == {2: 4}
    db = enum_inputs(types_pb2.CreateDatabaseUserMode.DESCRIPTOR)
    assert db.booleans == {False: 1}
    assert not db.strings


_FIELDS = {
    "require_session_mfa": "RequireMFAType",
    "create_host_user_mode": "CreateHostUserMode",
    "create_db_user_mode": "CreateDatabaseUserMode",
}


@pytest.mark.parametrize(
    ("key", "raw", "expected"),
    [
        ("require_session_mfa", "Yes", types_pb2.SESSION),
        ("require_session_mfa", "OFF", types_pb2.OFF),
        ("create_host_user_mode", False, types_pb2.HOST_USER_MODE_OFF),
        ("create_host_user_mode", "drop", types_pb2.HOST_USER_MODE_INSECURE_DROP),
        ("create_host_user_mode", 2, types_pb2.HOST_USER_MODE_INSECURE_DROP),
        ("create_db_user_mode", False, types_pb2.DB_USER_MODE_OFF),
    ],
)
def test_role_options_read_teleport_spellings(key: str, raw: Any, expected: int) -> None:
    options = decode({key: raw}, types_pb2.RoleOptions)
    assert getattr(options, _FIELDS[key]) == expected


def test_create_db_user_mode_true_is_an_error() -> None:
    with pytest.raises(ConversionError):
        decode({"create_db_user_mode": True}, types_pb2.RoleOptions)
