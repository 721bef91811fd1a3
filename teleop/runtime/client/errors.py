"""Typed errors for Kubernetes API failures, built from the ``Status`` body the server sends.

The API server answers failures with a ``metav1.Status`` object (``code``, ``reason``,
``message``, ``details``). Callers branch on the kind of failure (not found, conflict, expired),
never on message text, so every status maps to one subclass of ``ApiError``, as apimachinery's
``errors.IsNotFound`` family does. The same mapping serves HTTP failures and the ``ERROR``
events a watch stream carries (a compacted watch answers HTTP 200, then an ERROR with code 410).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "AlreadyExists",
    "ApiError",
    "BadRequest",
    "Cause",
    "Conflict",
    "Expired",
    "Forbidden",
    "Gone",
    "Invalid",
    "MethodNotAllowed",
    "NotFound",
    "RequestEntityTooLarge",
    "ServerError",
    "ServiceUnavailable",
    "Timeout",
    "TooManyRequests",
    "TransportError",
    "Unauthorized",
    "UnsupportedMediaType",
    "error_from_status",
    "is_already_exists",
    "is_conflict",
    "is_expired",
    "is_forbidden",
    "is_invalid",
    "is_not_found",
    "is_too_many_requests",
    "is_unauthorized",
]


@dataclass(frozen=True, slots=True)
class Cause:
    """One entry of ``details.causes``: why a field was rejected (``FieldValueInvalid``, ...)."""

    reason: str
    message: str
    field: str


class ApiError(Exception):
    """A request the API server refused. ``status`` is the HTTP (or Status ``code``) value."""

    def __init__(
        self,
        status: int,
        reason: str = "",
        message: str = "",
        details: dict[str, Any] | None = None,
        *,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(f"{status} {reason}: {message}" if reason else f"{status}: {message}")
        self.status = status
        self.reason = reason
        self.message = message
        self.details: dict[str, Any] = details or {}
        self.retry_after = retry_after

    @property
    def causes(self) -> list[Cause]:
        """``details.causes`` as ``Cause`` records (empty when the server sent none)."""
        return [
            Cause(
                reason=str(c.get("reason", "")),
                message=str(c.get("message", "")),
                field=str(c.get("field", "")),
            )
            for c in self.details.get("causes") or []
            if isinstance(c, dict)
        ]


class TransportError(ApiError):
    """The request never got an HTTP answer (connection refused, reset, timed out)."""

    def __init__(self, message: str) -> None:
        super().__init__(0, "TransportError", message)


class BadRequest(ApiError):
    """400."""


class Unauthorized(ApiError):
    """401: missing or expired credentials."""


class Forbidden(ApiError):
    """403: RBAC refused, or the namespace is terminating."""


class NotFound(ApiError):
    """404."""


class MethodNotAllowed(ApiError):
    """405."""


class AlreadyExists(ApiError):
    """409 with reason AlreadyExists: create of a name that is taken."""


class Conflict(ApiError):
    """409: stale resourceVersion or failed delete precondition."""


class Gone(ApiError):
    """410: the requested resourceVersion (or continue token) has been compacted away."""


class Expired(Gone):
    """410 with reason Expired (the usual form of Gone)."""


class RequestEntityTooLarge(ApiError):
    """413."""


class UnsupportedMediaType(ApiError):
    """415: e.g. a strategic-merge patch sent to a custom resource."""


class Invalid(ApiError):
    """422: validation failed; ``causes`` says which fields and why."""


class TooManyRequests(ApiError):
    """429: API Priority and Fairness rejected the request; ``retry_after`` in seconds."""


class ServerError(ApiError):
    """5xx."""


class Timeout(ServerError):
    """504, or a Status with reason Timeout."""


class ServiceUnavailable(ServerError):
    """503."""


_BY_CODE: dict[int, type[ApiError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    405: MethodNotAllowed,
    409: Conflict,
    410: Gone,
    413: RequestEntityTooLarge,
    415: UnsupportedMediaType,
    422: Invalid,
    429: TooManyRequests,
    503: ServiceUnavailable,
    504: Timeout,
}


def error_from_status(
    status: int,
    body: dict[str, Any] | None,
    *,
    retry_after: float | None = None,
) -> ApiError:
    """The typed error for an HTTP status (or a Status ``code``) and its decoded Status body.

    A body that is not a Status (a proxy's HTML page, say) still yields the right class from
    ``status``; its message is then empty.
    """
    status_body = body if isinstance(body, dict) and body.get("kind") == "Status" else {}
    code = int(status_body.get("code") or status)
    reason = str(status_body.get("reason") or "")
    message = str(status_body.get("message") or "")
    details = status_body.get("details")
    if not isinstance(details, dict):
        details = {}
    if retry_after is None and details.get("retryAfterSeconds"):
        retry_after = float(details["retryAfterSeconds"])
    cls: type[ApiError]
    if code == 409 and reason == "AlreadyExists":
        cls = AlreadyExists
    elif code == 410 and reason in ("Expired", ""):
        cls = Expired
    elif code in _BY_CODE:
        cls = _BY_CODE[code]
    elif code >= 500:
        cls = ServerError
    else:
        cls = ApiError
    return cls(code, reason, message, details, retry_after=retry_after)


def is_not_found(e: BaseException) -> bool:
    return isinstance(e, NotFound)


def is_already_exists(e: BaseException) -> bool:
    return isinstance(e, AlreadyExists)


def is_conflict(e: BaseException) -> bool:
    """True for 409 Conflict (stale resourceVersion), not for AlreadyExists."""
    return isinstance(e, Conflict)


def is_expired(e: BaseException) -> bool:
    """True for any 410 (Gone or Expired): the caller must relist."""
    return isinstance(e, Gone)


def is_invalid(e: BaseException) -> bool:
    return isinstance(e, Invalid)


def is_forbidden(e: BaseException) -> bool:
    return isinstance(e, Forbidden)


def is_unauthorized(e: BaseException) -> bool:
    return isinstance(e, Unauthorized)


def is_too_many_requests(e: BaseException) -> bool:
    return isinstance(e, TooManyRequests)
