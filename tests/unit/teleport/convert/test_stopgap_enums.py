"""Teleport enums with boolean json_values and rules beyond json_value (the stopgap table)."""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf.message import Message

from teleop.teleport.convert import ConversionError, decode, encode
from tests.unit.teleport.convert.protos import CompiledProtos


@pytest.fixture
def options_type(protos: CompiledProtos) -> type[Message]:
    return protos.message("types.StopgapOptions")


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
