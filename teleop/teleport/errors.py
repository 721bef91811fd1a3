"""Typed Teleport errors, mapped from gRPC status codes the way Teleport maps them.

Teleport servers turn ``trace`` errors into gRPC statuses with ``trail.ToGRPC`` and Teleport's Go
client turns them back with ``trail.FromGRPC``; callers then branch on ``trace.IsNotFound`` and
friends. We mirror that table so operator code can ``except NotFound`` without knowing about gRPC:

==================== ======================================================
gRPC code            exception
==================== ======================================================
NOT_FOUND            ``NotFound``
ALREADY_EXISTS       ``AlreadyExists``
PERMISSION_DENIED    ``AccessDenied``
INVALID_ARGUMENT     ``BadParameter``
FAILED_PRECONDITION  ``CompareFailed``
RESOURCE_EXHAUSTED   ``LimitExceeded``
UNAVAILABLE          ``ConnectionProblem`` (also raised when retries run out)
UNIMPLEMENTED        ``Unimplemented`` (trace's ``NotImplemented``; renamed so
                     it does not shadow Python's ``NotImplemented`` constant)
DEADLINE_EXCEEDED    ``Timeout``, a subclass of ``ConnectionProblem``: Teleport
                     reports a context deadline as a connection problem, and
                     callers that care can still tell the two apart
anything else        ``TeleportError``
==================== ======================================================

The message is the status details string, which is Teleport's user-facing message.

One error has no status code of its own: ``ChannelRetired`` (a ``ConnectionProblem``) ends a server
stream (WatchEvents) whose channel a credential rotation retired and then closed; the caller
re-opens the stream, which then runs on the new channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import grpc

__all__ = [
    "AccessDenied",
    "AlreadyExists",
    "BadParameter",
    "ChannelRetired",
    "CompareFailed",
    "ConnectionProblem",
    "InsecureIdentityFile",
    "LimitExceeded",
    "NotFound",
    "TeleportError",
    "Timeout",
    "Unimplemented",
    "code_for_error",
    "error_for_code",
]


class TeleportError(Exception):
    """Base of every error the Teleport client raises; ``code`` is the gRPC code, if any."""

    def __init__(self, message: str, *, code: grpc.StatusCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


class NotFound(TeleportError):
    """The resource does not exist (``NOT_FOUND``)."""


class AlreadyExists(TeleportError):
    """A create found the resource already present (``ALREADY_EXISTS``)."""


class AccessDenied(TeleportError):
    """The caller may not do this (``PERMISSION_DENIED``)."""


class BadParameter(TeleportError):
    """The request was rejected as invalid (``INVALID_ARGUMENT``)."""


class CompareFailed(TeleportError):
    """A conditional write lost: the revision did not match (``FAILED_PRECONDITION``)."""


class LimitExceeded(TeleportError):
    """The server is rate limiting or out of a resource (``RESOURCE_EXHAUSTED``)."""


class ConnectionProblem(TeleportError):
    """The server could not be reached (``UNAVAILABLE``), after any retries."""


class ChannelRetired(ConnectionProblem):
    """A stream ended because a credential rotation retired its channel; open it again."""


class Timeout(ConnectionProblem):
    """The call's deadline passed (``DEADLINE_EXCEEDED``)."""


class Unimplemented(TeleportError):
    """The server does not implement the method (``UNIMPLEMENTED``), e.g. an older Teleport."""


class InsecureIdentityFile(BadParameter):
    """An identity or key file is readable by group or others; Teleport writes them 0600."""


_BY_CODE: Mapping[grpc.StatusCode, type[TeleportError]] = MappingProxyType(
    {
        grpc.StatusCode.NOT_FOUND: NotFound,
        grpc.StatusCode.ALREADY_EXISTS: AlreadyExists,
        grpc.StatusCode.PERMISSION_DENIED: AccessDenied,
        grpc.StatusCode.INVALID_ARGUMENT: BadParameter,
        grpc.StatusCode.FAILED_PRECONDITION: CompareFailed,
        grpc.StatusCode.RESOURCE_EXHAUSTED: LimitExceeded,
        grpc.StatusCode.UNAVAILABLE: ConnectionProblem,
        grpc.StatusCode.UNIMPLEMENTED: Unimplemented,
        grpc.StatusCode.DEADLINE_EXCEEDED: Timeout,
    }
)


def error_for_code(code: grpc.StatusCode, details: str | None) -> TeleportError:
    """The typed error for a gRPC status, carrying its details as the message."""
    cls = _BY_CODE.get(code, TeleportError)
    message = details if details else code.name.lower().replace("_", " ")
    return cls(message, code=code)


def code_for_error(err: TeleportError) -> grpc.StatusCode:
    """The gRPC code a server sends for ``err`` (``trail.ToGRPC``): its own, else by class."""
    if err.code is not None:
        return err.code
    for code, cls in _BY_CODE.items():
        if type(err) is cls:
            return code
    for code, cls in _BY_CODE.items():
        if isinstance(err, cls) and cls is not Timeout:
            return code
    return grpc.StatusCode.UNKNOWN
