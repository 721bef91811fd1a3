"""Fixtures: the test protos compiled once per session into a private pool."""

from __future__ import annotations

import pytest
from google.protobuf.message import Message

from tests.unit.teleport.convert.protos import CompiledProtos


@pytest.fixture(scope="session")
def protos(tmp_path_factory: pytest.TempPathFactory) -> CompiledProtos:
    return CompiledProtos(tmp_path_factory.mktemp("convert-protos"))


@pytest.fixture(scope="session")
def spec_type(protos: CompiledProtos) -> type[Message]:
    return protos.message("teleoptest.convert.v1.Spec")
