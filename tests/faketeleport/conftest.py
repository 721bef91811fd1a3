"""Fixtures: a plaintext faketeleport and a raw gRPC caller that checks codes and details.

These tests talk to faketeleport without ``teleop.teleport.Client`` so that they pin down the
server's own wire behaviour (status codes and messages), independent of the client's mapping.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, TypeVar

import grpc
import grpc.aio
import pytest
from google.protobuf.message import Message

from teleop.testing.faketeleport import FakeTeleport

R = TypeVar("R", bound=Message)


class Raw:
    """Unary calls by full method name over one channel."""

    def __init__(self, channel: grpc.aio.Channel) -> None:
        self.channel = channel

    async def __call__(self, method: str, request: Message, response: type[R]) -> R:
        call = self.channel.unary_unary(
            method,
            request_serializer=lambda m: m.SerializeToString(),
            response_deserializer=response.FromString,
        )
        result: Any = await call(request, timeout=5.0)
        return result

    async def status(
        self, method: str, request: Message, response: type[Message]
    ) -> tuple[grpc.StatusCode, str]:
        """The failure status of a call that must fail."""
        with pytest.raises(grpc.aio.AioRpcError) as info:
            await self(method, request, response)
        return info.value.code(), info.value.details() or ""


@pytest.fixture
async def fake() -> AsyncIterator[FakeTeleport]:
    async with FakeTeleport() as server:
        yield server


@pytest.fixture
async def raw(fake: FakeTeleport) -> AsyncIterator[Raw]:
    async with grpc.aio.insecure_channel(fake.address) as channel:
        yield Raw(channel)
