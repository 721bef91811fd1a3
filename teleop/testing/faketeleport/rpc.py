"""How faketeleport turns plain async functions into gRPC methods, with faults and errors applied.

Each service module declares its methods as ``(name, kind, request type, response type,
behaviour)`` and gets a ``grpc.GenericRpcHandler`` from ``RpcTable.handler``. Every call then goes
through the same steps, in the order a real server would take them:

1. a method or service switched off with ``Faults.disable`` (or a service the configured
   features do not offer) answers UNIMPLEMENTED ``Method not found!``, as grpc-go does for a
   method it has no handler for;
2. fault rules: added latency, then an injected status;
3. the caller's identity is read from the client certificate (subject CN) when the port is mTLS;
4. the behaviour runs; a ``TeleportError`` it raises becomes the status ``trail.ToGRPC`` would
   send (``errors.code_for_error``) with the error's message as details.

Handlers are built from the messages' own (de)serialisers rather than generated servicers, so one
code path serves every service. A row can also be built from a generated method descriptor
(``Unary.of``), which takes its name and message types from the .proto (the legacy
``Upsert{Github,OIDC,SAML}Connector`` rows do).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import grpc
import grpc.aio
from google.protobuf import message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message

from teleop.teleport.clock import Clock
from teleop.teleport.errors import TeleportError, code_for_error
from teleop.testing.faketeleport.faults import Faults

__all__ = ["Call", "RpcTable", "Stream", "Unary"]


@dataclass(frozen=True)
class Call:
    """What a behaviour knows about its call."""

    method: str
    caller: str


Behaviour = Callable[[Any, Call], Awaitable[Message]]
StreamBehaviour = Callable[[Any, Call], AsyncIterator[Message]]


@dataclass(frozen=True)
class Unary:
    name: str
    kind: str | None
    request: type[Message]
    response: type[Message]
    behaviour: Behaviour

    @classmethod
    def of(cls, method: MethodDescriptor, kind: str | None, behaviour: Behaviour) -> Unary:
        """A row for a generated unary method: name and message types from its descriptor."""
        if method.client_streaming or method.server_streaming:
            raise ValueError(f"{method.full_name} is not unary")
        return cls(
            method.name,
            kind,
            message_factory.GetMessageClass(method.input_type),
            message_factory.GetMessageClass(method.output_type),
            behaviour,
        )


@dataclass(frozen=True)
class Stream:
    name: str
    kind: str | None
    request: type[Message]
    response: type[Message]
    behaviour: StreamBehaviour


def caller_of(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    """The client certificate's subject CN, or ``""`` without mTLS."""
    names = list(context.auth_context().get("x509_common_name", ()))
    return names[0].decode() if names else ""


class RpcTable:
    """Builds method handlers that apply faults, service gating and error mapping."""

    def __init__(
        self,
        faults: Faults,
        clock: Clock,
        *,
        service_enabled: Callable[[str], bool] = lambda _service: True,
    ) -> None:
        self._faults = faults
        self._clock = clock
        self._service_enabled = service_enabled

    async def _admit(
        self, service: str, method: str, kind: str | None, ctx: grpc.aio.ServicerContext[Any, Any]
    ) -> Call:
        if self._faults.is_disabled(method) or not self._service_enabled(service):
            await ctx.abort(grpc.StatusCode.UNIMPLEMENTED, "Method not found!")
        verdict = self._faults.check(method, kind)
        if verdict.latency > 0:
            await self._clock.sleep(verdict.latency)
        if verdict.code is not None:
            await ctx.abort(verdict.code, verdict.message)
        return Call(method=method, caller=caller_of(ctx))

    def _unary(self, service: str, rpc: Unary) -> grpc.RpcMethodHandler[Any, Any]:
        method = f"/{service}/{rpc.name}"

        async def handle(request: Any, ctx: grpc.aio.ServicerContext[Any, Any]) -> Message:
            call = await self._admit(service, method, rpc.kind, ctx)
            try:
                return await rpc.behaviour(request, call)
            except TeleportError as e:
                await ctx.abort(code_for_error(e), e.message)

        return grpc.unary_unary_rpc_method_handler(
            handle,
            request_deserializer=rpc.request.FromString,
            response_serializer=_serialize,
        )

    def _stream(self, service: str, rpc: Stream) -> grpc.RpcMethodHandler[Any, Any]:
        method = f"/{service}/{rpc.name}"

        async def handle(request: Any, ctx: grpc.aio.ServicerContext[Any, Any]) -> None:
            call = await self._admit(service, method, rpc.kind, ctx)
            try:
                async for message in rpc.behaviour(request, call):
                    await ctx.write(message)
            except TeleportError as e:
                await ctx.abort(code_for_error(e), e.message)

        return grpc.unary_stream_rpc_method_handler(
            handle,
            request_deserializer=rpc.request.FromString,
            response_serializer=_serialize,
        )

    def handler(self, service: str, rpcs: list[Unary | Stream]) -> grpc.GenericRpcHandler[Any, Any]:
        """A generic handler serving ``rpcs`` as the gRPC service ``service``."""
        table: dict[str, grpc.RpcMethodHandler[Any, Any]] = {}
        for rpc in rpcs:
            table[rpc.name] = (
                self._unary(service, rpc) if isinstance(rpc, Unary) else self._stream(service, rpc)
            )
        return grpc.method_handlers_generic_handler(service, table)


def _serialize(message: Message) -> bytes:
    return message.SerializeToString()
