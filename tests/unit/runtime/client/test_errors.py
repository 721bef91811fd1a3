"""Status bodies map to typed errors."""

from __future__ import annotations

import pytest

from teleop.runtime.client import errors as e
from tests.unit.runtime.client.conftest import status_body


@pytest.mark.parametrize(
    ("code", "reason", "cls"),
    [
        (400, "BadRequest", e.BadRequest),
        (401, "Unauthorized", e.Unauthorized),
        (403, "Forbidden", e.Forbidden),
        (404, "NotFound", e.NotFound),
        (405, "MethodNotAllowed", e.MethodNotAllowed),
        (409, "AlreadyExists", e.AlreadyExists),
        (409, "Conflict", e.Conflict),
        (410, "Expired", e.Expired),
        (410, "Gone", e.Gone),
        (413, "RequestEntityTooLarge", e.RequestEntityTooLarge),
        (415, "UnsupportedMediaType", e.UnsupportedMediaType),
        (422, "Invalid", e.Invalid),
        (429, "TooManyRequests", e.TooManyRequests),
        (500, "InternalError", e.ServerError),
        (500, "", e.ServerError),
        (503, "ServiceUnavailable", e.ServiceUnavailable),
        (504, "Timeout", e.Timeout),
    ],
)
def test_status_maps_to_class(code: int, reason: str, cls: type[e.ApiError]) -> None:
    err = e.error_from_status(code, status_body(code, reason, "boom"))
    assert type(err) is cls
    assert (err.status, err.reason, err.message) == (code, reason, "boom")


def test_non_status_body_uses_http_code() -> None:
    err = e.error_from_status(404, {"not": "a status"})
    assert isinstance(err, e.NotFound)
    assert err.message == ""
    assert isinstance(e.error_from_status(502, None), e.ServerError)


def test_invalid_exposes_causes() -> None:
    body = status_body(
        422,
        "Invalid",
        "bad",
        causes=[{"reason": "FieldValueRequired", "message": "needed", "field": "spec.x"}],
    )
    err = e.error_from_status(422, body)
    assert e.is_invalid(err)
    assert err.causes == [e.Cause("FieldValueRequired", "needed", "spec.x")]


def test_retry_after_from_header_or_details() -> None:
    assert e.error_from_status(429, None, retry_after=3).retry_after == 3
    body = status_body(429, "TooManyRequests", retryAfterSeconds=7)
    assert e.error_from_status(429, body).retry_after == 7


def test_helpers() -> None:
    assert e.is_not_found(e.NotFound(404))
    assert e.is_already_exists(e.AlreadyExists(409))
    assert not e.is_conflict(e.AlreadyExists(409))
    assert e.is_conflict(e.Conflict(409))
    assert e.is_expired(e.Expired(410))
    assert e.is_expired(e.Gone(410))
    assert e.is_forbidden(e.Forbidden(403))
    assert e.is_unauthorized(e.Unauthorized(401))
    assert e.is_too_many_requests(e.TooManyRequests(429))
    assert not e.is_not_found(ValueError())
