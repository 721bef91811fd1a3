"""One unary gRPC call to Teleport: deadline, retry, metrics and error mapping in one place.

Resource methods on ``Client`` name a full method (``/proto.AuthService/GetRole``), a request
message and the response type; everything else a call needs is here so each policy lives once:

- every attempt leases the pool's current channel, so a credential rotation between attempts
  sends the retry over the new channel;
- the deadline applies to each attempt (``timeout``, default 30 s; ``deadline=`` overrides it per
  call: the resource methods' ``timeout=`` keyword);
- ``UNAVAILABLE`` is retried per ``RetryPolicy`` for idempotent methods only (see ``retry``);
- each attempt is counted in ``teleop_teleport_requests_total{method,code}`` and timed;
- a failed status becomes the typed error from ``errors.error_for_code``.

Server streams (``stream``, used for WatchEvents) are never retried and get a deadline only when
the caller passes ``deadline`` (for the whole stream); they
hold their channel lease while open, so after a credential rotation a watch keeps the old channel
until it ends or the pool's drain grace closes it. Closing a channel cancels its calls, which grpc
surfaces as ``asyncio.CancelledError``; when the channel was retired (and our own task is not being
cancelled) that becomes ``ChannelRetired``, as does an error status on a retired channel, so the
caller can tell "re-watch on the new channel" from a real cancellation or failure.

Calls use ``grpc.aio.Channel.unary_unary`` with the messages' own (de)serialisers rather than
generated service stubs, so one code path serves every service and fallbacks are just another
method name.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import TypeVar

import grpc
import grpc.aio
from google.protobuf.message import Message

from teleop.teleport.channel import ChannelPool
from teleop.teleport.clock import Clock
from teleop.teleport.errors import ChannelRetired, error_for_code
from teleop.teleport.fallback import FallbackMemory
from teleop.teleport.metrics import TeleportMetrics
from teleop.teleport.retry import RetryPolicy, call_with_retry, is_idempotent

__all__ = ["DEFAULT_TIMEOUT", "Transport"]

DEFAULT_TIMEOUT = 30.0

R = TypeVar("R", bound=Message)


class Transport:
    """Issues unary calls over a ``ChannelPool``."""

    def __init__(
        self,
        pool: ChannelPool,
        *,
        clock: Clock,
        metrics: TeleportMetrics,
        retry: RetryPolicy,
        timeout: float = DEFAULT_TIMEOUT,
    ) -> None:
        self.pool = pool
        self._clock = clock
        self._metrics = metrics
        self._retry = retry
        self._timeout = timeout
        # methods the server answered UNIMPLEMENTED (see fallback); the resource methods use it
        self.fallbacks = FallbackMemory()

    async def unary(
        self,
        method: str,
        request: Message,
        response_type: type[R],
        *,
        deadline: float | None = None,
        idempotent: bool | None = None,
    ) -> R:
        """Call ``method`` with ``request``; returns the decoded response or raises a typed error."""
        per_attempt = self._timeout if deadline is None else deadline

        async def attempt() -> R:
            start = self._clock.monotonic()
            async with self.pool.lease() as channel:
                call = channel.unary_unary(
                    method,
                    request_serializer=_serialize,
                    response_deserializer=response_type.FromString,
                )
                try:
                    response = await call(request, timeout=per_attempt)
                except grpc.aio.AioRpcError as e:
                    code = e.code()
                    self._metrics.observe(method, code.name, self._clock.monotonic() - start)
                    raise error_for_code(code, e.details()) from None
            self._metrics.observe(method, "OK", self._clock.monotonic() - start)
            if not isinstance(response, response_type):
                raise TypeError(f"{method} returned {type(response).__name__}")
            return response

        return await call_with_retry(
            attempt,
            policy=self._retry,
            clock=self._clock,
            idempotent=is_idempotent(method) if idempotent is None else idempotent,
        )

    async def stream(
        self,
        method: str,
        request: Message,
        response_type: type[R],
        *,
        deadline: float | None = None,
    ) -> AsyncIterator[R]:
        """Open a server stream and yield its messages; errors are mapped as for unary calls."""
        async with self.pool.lease() as channel:
            call = channel.unary_stream(
                method,
                request_serializer=_serialize,
                response_deserializer=response_type.FromString,
            )(request, timeout=deadline)
            try:
                async for message in call:
                    if isinstance(message, response_type):
                        yield message
                self._metrics.requests.labels(method=method, code="OK").inc()
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if (task is not None and task.cancelling()) or not self.pool.is_retired(channel):
                    raise
                self._metrics.requests.labels(method=method, code="CANCELLED").inc()
                raise _retired(method) from None
            except grpc.aio.AioRpcError as e:
                self._metrics.requests.labels(method=method, code=e.code().name).inc()
                if self.pool.is_retired(channel):
                    raise _retired(method) from None
                raise error_for_code(e.code(), e.details()) from None
            finally:
                call.cancel()


def _retired(method: str) -> ChannelRetired:
    return ChannelRetired(
        f"{method}: stream ended because a credential rotation retired its channel; re-open it",
        code=grpc.StatusCode.CANCELLED,
    )


def _serialize(message: Message) -> bytes:
    return message.SerializeToString()
