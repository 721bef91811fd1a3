"""Converter: a long-lived instance gives exactly what a fresh one gives, and plans once."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.convert import ConversionError, Converter, decode, encode
from tests.unit.teleport.convert.test_teleport_resources import ROLE, ROLE_CANONICAL


def test_shared_converter_matches_a_fresh_one_every_time() -> None:
    conv = Converter()
    raw: dict[str, Any] = yaml.safe_load(ROLE)
    fresh = decode(raw, types_pb2.RoleSpecV6)
    for _ in range(3):
        message = decode(raw, types_pb2.RoleSpecV6, converter=conv)
        assert message == fresh
        assert encode(message, converter=conv) == ROLE_CANONICAL == encode(fresh)


def test_plan_is_built_once_and_read_only() -> None:
    conv = Converter()
    descriptor = types_pb2.RoleSpecV6.DESCRIPTOR
    routes = conv.routes(descriptor)
    assert conv.routes(descriptor) is routes
    assert conv.fields(descriptor) is conv.fields(descriptor)
    assert set(routes) >= {"allow", "deny", "options"}
    with pytest.raises(TypeError):
        routes["x"] = ()  # type: ignore[index]


def test_errors_are_the_same_with_a_shared_converter() -> None:
    conv = Converter()
    decode({"allow": {"logins": ["a"]}}, types_pb2.RoleSpecV6, converter=conv)
    with pytest.raises(ConversionError, match=r"spec\.allow\.nope: unknown field"):
        decode({"allow": {"nope": 1}}, types_pb2.RoleSpecV6, converter=conv)
