"""Kubernetes ``Status`` failures as Python exceptions.

Every failure the fake answers is a ``metav1.Status`` body whose ``reason``, ``code``, ``details`` and
``message`` follow kube-apiserver's constructors (apimachinery ``pkg/api/errors``), so that clients'
``IsNotFound``/``IsConflict``-style checks and tests that read messages behave as against a real
server. Handlers raise ``ApiError``; the HTTP layer turns it into a response in one place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ApiError",
    "Cause",
    "already_exists",
    "bad_request",
    "conflict",
    "expired",
    "forbidden",
    "group_resource",
    "internal",
    "invalid",
    "not_found",
    "status_body",
    "success_status",
]


@dataclass(frozen=True, slots=True)
class Cause:
    """One ``details.causes`` entry: a machine reason, a message and the field path."""

    reason: str
    message: str
    field: str


def status_body(
    code: int, reason: str, message: str, details: dict[str, Any] | None = None
) -> dict[str, Any]:
    """A failure ``Status`` object with the field order kube-apiserver writes."""
    body: dict[str, Any] = {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Failure",
        "message": message,
    }
    if reason:
        body["reason"] = reason
    if details is not None:
        body["details"] = details
    body["code"] = code
    return body


def success_status(details: dict[str, Any]) -> dict[str, Any]:
    """The ``Status`` a DELETE answers when the object is gone at once."""
    return {
        "kind": "Status",
        "apiVersion": "v1",
        "metadata": {},
        "status": "Success",
        "details": details,
    }


class ApiError(Exception):
    """A request failure carrying the HTTP status, the ``Status`` body and extra headers."""

    def __init__(
        self,
        code: int,
        reason: str,
        message: str,
        details: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.code = code
        self.body = status_body(code, reason, message, details)
        self.headers = headers or {}
        self.detail = ""


def group_resource(group: str, plural: str) -> str:
    """``schema.GroupResource.String()``: ``plural.group``, or ``plural`` for the core group."""
    return f"{plural}.{group}" if group else plural


def _details(group: str, plural: str, name: str) -> dict[str, Any]:
    details: dict[str, Any] = {}
    if name:
        details["name"] = name
    if group:
        details["group"] = group
    details["kind"] = plural
    return details


def not_found(group: str, plural: str, name: str) -> ApiError:
    return ApiError(
        404,
        "NotFound",
        f'{group_resource(group, plural)} "{name}" not found',
        _details(group, plural, name),
    )


def already_exists(group: str, plural: str, name: str) -> ApiError:
    return ApiError(
        409,
        "AlreadyExists",
        f'{group_resource(group, plural)} "{name}" already exists',
        _details(group, plural, name),
    )


def conflict(group: str, plural: str, name: str, why: str) -> ApiError:
    return ApiError(
        409,
        "Conflict",
        f'Operation cannot be fulfilled on {group_resource(group, plural)} "{name}": {why}',
        _details(group, plural, name),
    )


def forbidden(group: str, plural: str, name: str, why: str, cause: Cause | None = None) -> ApiError:
    gr = group_resource(group, plural)
    message = f'{gr} "{name}" is forbidden: {why}' if name else f"{gr} is forbidden: {why}"
    details = _details(group, plural, name)
    if cause is not None:
        details["causes"] = [
            {"reason": cause.reason, "message": cause.message, "field": cause.field}
        ]
    return ApiError(403, "Forbidden", message, details)


def invalid(group: str, kind: str, name: str, causes: Sequence[Cause]) -> ApiError:
    """422 Invalid; the message aggregates ``field: message`` like ``field.ErrorList``."""
    parts = [f"{c.field}: {c.message}" if c.field else c.message for c in causes]
    gk = f"{kind}.{group}" if group else kind
    if not parts:
        message = f'{gk} "{name}" is invalid'
    elif len(parts) == 1:
        message = f'{gk} "{name}" is invalid: {parts[0]}'
    else:
        message = f'{gk} "{name}" is invalid: [{", ".join(parts)}]'
    details: dict[str, Any] = {"name": name}
    if group:
        details["group"] = group
    details["kind"] = kind
    details["causes"] = [
        {"reason": c.reason, "message": c.message, "field": c.field} for c in causes
    ]
    return ApiError(422, "Invalid", message, details)


def bad_request(message: str) -> ApiError:
    return ApiError(400, "BadRequest", message)


def expired(message: str) -> ApiError:
    return ApiError(410, "Expired", message)


def internal(message: str) -> ApiError:
    return ApiError(
        500,
        "InternalError",
        f"Internal error occurred: {message}",
        {"causes": [{"message": message}]},
    )
