"""Error mapping from gRPC codes and the retry policy (no network: attempts are plain coroutines)."""

from __future__ import annotations

import asyncio

import grpc
import pytest
from prometheus_client import CollectorRegistry

from teleop.teleport import errors
from teleop.teleport.metrics import TeleportMetrics
from teleop.teleport.retry import RetryPolicy, call_with_retry, is_idempotent
from teleop.testing.clock import FakeClock


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (grpc.StatusCode.NOT_FOUND, errors.NotFound),
        (grpc.StatusCode.ALREADY_EXISTS, errors.AlreadyExists),
        (grpc.StatusCode.PERMISSION_DENIED, errors.AccessDenied),
        (grpc.StatusCode.INVALID_ARGUMENT, errors.BadParameter),
        (grpc.StatusCode.FAILED_PRECONDITION, errors.CompareFailed),
        (grpc.StatusCode.RESOURCE_EXHAUSTED, errors.LimitExceeded),
        (grpc.StatusCode.UNAVAILABLE, errors.ConnectionProblem),
        (grpc.StatusCode.UNIMPLEMENTED, errors.Unimplemented),
        (grpc.StatusCode.DEADLINE_EXCEEDED, errors.Timeout),
        (grpc.StatusCode.INTERNAL, errors.TeleportError),
        (grpc.StatusCode.UNKNOWN, errors.TeleportError),
    ],
)
def test_error_for_code(code: grpc.StatusCode, cls: type[errors.TeleportError]) -> None:
    err = errors.error_for_code(code, "role x is not found")
    assert type(err) is cls
    assert err.message == "role x is not found"
    assert str(err) == "role x is not found"
    assert err.code == code


def test_timeout_is_a_connection_problem() -> None:
    assert issubclass(errors.Timeout, errors.ConnectionProblem)


@pytest.mark.parametrize(
    ("method", "idempotent"),
    [
        ("/proto.AuthService/GetRole", True),
        ("/proto.AuthService/Ping", True),
        ("/proto.AuthService/UpsertRoleV2", True),
        ("/proto.AuthService/DeleteRole", True),
        ("/teleport.users.v1.UsersService/CreateUser", False),
        ("/teleport.users.v1.UsersService/UpdateUser", False),
    ],
)
def test_is_idempotent(method: str, idempotent: bool) -> None:
    assert is_idempotent(method) is idempotent


def _unavailable() -> errors.ConnectionProblem:
    return errors.ConnectionProblem("connection refused", code=grpc.StatusCode.UNAVAILABLE)


async def test_retries_bounded_by_attempts() -> None:
    clock = FakeClock()
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        raise _unavailable()

    policy = RetryPolicy(max_attempts=3, max_elapsed=1000, max_backoff=1.0)
    task = asyncio.create_task(
        call_with_retry(attempt, policy=policy, clock=clock, idempotent=True)
    )
    while not task.done():
        await clock.advance(1.0)
    with pytest.raises(errors.ConnectionProblem, match="gave up after 3 attempts"):
        await task
    assert calls == 3


async def test_retries_bounded_by_elapsed_time() -> None:
    clock = FakeClock()
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        raise _unavailable()

    policy = RetryPolicy(max_attempts=100, max_elapsed=5.0, initial_backoff=1.0, max_backoff=1.0)
    task = asyncio.create_task(
        call_with_retry(attempt, policy=policy, clock=clock, idempotent=True)
    )
    while not task.done():
        await clock.advance(1.0)
    with pytest.raises(errors.ConnectionProblem, match="gave up"):
        await task
    assert 2 <= calls < 100  # stopped by time, not by attempts
    assert clock.monotonic() <= 7.0


async def test_success_after_transient_failure() -> None:
    clock = FakeClock()
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        if calls < 3:
            raise _unavailable()
        return "ok"

    task = asyncio.create_task(
        call_with_retry(attempt, policy=RetryPolicy(), clock=clock, idempotent=True)
    )
    while not task.done():
        await clock.advance(0.5)
    assert await task == "ok"
    assert calls == 3


@pytest.mark.parametrize(
    ("exc", "idempotent"),
    [
        (_unavailable(), False),
        (errors.Timeout("deadline", code=grpc.StatusCode.DEADLINE_EXCEEDED), True),
        (errors.NotFound("nope"), True),
    ],
)
async def test_not_retried(exc: errors.TeleportError, idempotent: bool) -> None:
    calls = 0

    async def attempt() -> str:
        nonlocal calls
        calls += 1
        raise exc

    with pytest.raises(type(exc)):
        await call_with_retry(
            attempt, policy=RetryPolicy(), clock=FakeClock(), idempotent=idempotent
        )
    assert calls == 1


def test_metrics_on_given_registry() -> None:
    registry = CollectorRegistry()
    m = TeleportMetrics(registry)
    m.observe("/proto.AuthService/Ping", "OK", 0.01)
    labels = {"method": "/proto.AuthService/Ping", "code": "OK"}
    assert registry.get_sample_value("teleop_teleport_requests_total", labels) == 1.0
    assert (
        registry.get_sample_value(
            "teleop_teleport_request_duration_seconds_count", {"method": "/proto.AuthService/Ping"}
        )
        == 1.0
    )
    TeleportMetrics(CollectorRegistry())  # a second registry is independent


@pytest.mark.parametrize(
    ("err", "code"),
    [
        (errors.NotFound("x"), grpc.StatusCode.NOT_FOUND),
        (errors.Timeout("x"), grpc.StatusCode.DEADLINE_EXCEEDED),
        (errors.InsecureIdentityFile("x"), grpc.StatusCode.INVALID_ARGUMENT),
        (errors.TeleportError("x"), grpc.StatusCode.UNKNOWN),
        (errors.NotFound("x", code=grpc.StatusCode.INTERNAL), grpc.StatusCode.INTERNAL),
    ],
)
def test_code_for_error(err: errors.TeleportError, code: grpc.StatusCode) -> None:
    assert errors.code_for_error(err) == code
