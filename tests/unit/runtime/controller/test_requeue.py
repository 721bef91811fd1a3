"""The requeue table, one test per row: queue state and metrics after each outcome."""

from __future__ import annotations

import asyncio

import pytest

from teleop.runtime.log import ContextFilter, JSONFormatter
from teleop.runtime.reconcile import Request, Result, TerminalError
from teleop.testing.clock import settle
from tests.unit.runtime.controller.support import REQ, Env, Script, running


class Crash(BaseException):
    """Something that is not an Exception: our stand-in for a Go panic."""


async def test_exception_is_rate_limited_and_counted() -> None:
    env = Env(Script(ValueError("boom")))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        q = env.controller.queue
        assert q.num_requeues(REQ) == 1
        assert q.waiting_for(REQ) == pytest.approx(0.005)
        assert env.sample("controller_runtime_reconcile_errors_total") == 1
        assert env.sample("controller_runtime_terminal_reconcile_errors_total") == 0
        assert env.results() == {"success": 0, "error": 1, "requeue": 0, "requeue_after": 0}
        await env.clock.advance(0.005)  # the backoff ends: reconciled again, succeeds
        assert env.reconciler.calls == [REQ, REQ]
        assert q.num_requeues(REQ) == 0


async def test_terminal_error_is_not_requeued() -> None:
    env = Env(Script(TerminalError("never")))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        q = env.controller.queue
        assert q.num_waiting() == 0
        assert q.len() == 0
        assert q.num_requeues(REQ) == 0
        assert env.sample("controller_runtime_reconcile_errors_total") == 1
        assert env.sample("controller_runtime_terminal_reconcile_errors_total") == 1
        assert env.results() == {"success": 0, "error": 1, "requeue": 0, "requeue_after": 0}


async def test_requeue_after_forgets_backoff_and_adds_after() -> None:
    env = Env(Script(ValueError("once"), Result(requeue_after=30)))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        await env.clock.advance(0.005)
        q = env.controller.queue
        assert q.num_requeues(REQ) == 0  # forgotten
        assert q.waiting_for(REQ) == pytest.approx(30)
        assert env.results() == {"success": 0, "error": 1, "requeue": 0, "requeue_after": 1}
        await env.clock.advance(30)
        assert env.reconciler.calls == [REQ] * 3


async def test_requeue_true_is_rate_limited() -> None:
    env = Env(Script(Result(requeue=True), Result(requeue=True)))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        q = env.controller.queue
        assert q.num_requeues(REQ) == 1
        assert q.waiting_for(REQ) == pytest.approx(0.005)
        await env.clock.advance(0.005)
        assert q.waiting_for(REQ) == pytest.approx(0.010)  # backoff keeps growing
        assert env.results() == {"success": 0, "error": 0, "requeue": 2, "requeue_after": 0}
        assert env.sample("controller_runtime_reconcile_errors_total") == 0


async def test_success_forgets() -> None:
    env = Env(Script(ValueError("once"), Result()))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        await env.clock.advance(0.005)
        q = env.controller.queue
        assert q.num_requeues(REQ) == 0
        assert q.num_waiting() == 0
        assert q.len() == 0
        assert env.results() == {"success": 1, "error": 1, "requeue": 0, "requeue_after": 0}


async def test_panic_is_recovered_counted_and_retried() -> None:
    env = Env(Script(Crash("panic")))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        assert env.sample("controller_runtime_reconcile_panics_total") == 1
        assert env.sample("controller_runtime_reconcile_errors_total") == 1
        assert env.results()["error"] == 1
        assert env.controller.queue.waiting_for(REQ) == pytest.approx(0.005)


async def test_stray_cancelled_error_from_reconciler_is_a_panic() -> None:
    env = Env(Script(asyncio.CancelledError()))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        assert env.sample("controller_runtime_reconcile_panics_total") == 1
        assert env.controller.queue.num_requeues(REQ) == 1


async def test_non_result_return_is_an_error() -> None:
    env = Env(Script(None))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        assert env.results()["error"] == 1
        assert env.controller.queue.num_requeues(REQ) == 1


async def test_reconcile_timeout_cancels_counts_and_retries() -> None:
    cancelled = asyncio.Event()

    async def hang() -> Result:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise
        return Result()  # pragma: no cover

    env = Env(Script(hang), reconcile_timeout=5)
    async with running(env):
        env.controller.enqueue(REQ)
        await env.clock.advance(4.9)
        assert not cancelled.is_set()
        await env.clock.advance(0.1)
        assert cancelled.is_set()
        assert env.sample("controller_runtime_reconcile_timeouts_total") == 1
        assert env.sample("controller_runtime_reconcile_errors_total") == 1
        assert env.controller.queue.num_requeues(REQ) == 1
        assert env.sample("controller_runtime_reconcile_time_seconds_sum") == 5


async def test_worker_survives_errors_and_panics() -> None:
    b, c = Request("default", "b"), Request("default", "c")
    env = Env(Script(ValueError("x"), Crash("y"), Result()))
    async with running(env):
        for r in (REQ, b, c):
            env.controller.enqueue(r)
        await settle()
        assert env.reconciler.calls == [REQ, b, c]
        assert env.reconciler.finished == [c]
        assert env.results()["success"] == 1


async def test_panic_ends_run_when_not_recovered() -> None:
    env = Env(Script(Crash("fatal")), recover_panic=False)
    env.controller.enqueue(REQ)
    with pytest.raises(BaseExceptionGroup) as info:
        await env.controller.run()
    assert info.group_contains(Crash)
    assert env.sample("controller_runtime_reconcile_panics_total") == 1


def wrapped_terminal() -> Exception:
    try:
        raise TerminalError("bad spec")
    except TerminalError as cause:
        try:
            raise RuntimeError("adapter failed") from cause
        except RuntimeError as err:
            return err


async def test_error_raised_from_terminal_error_is_terminal() -> None:
    env = Env(Script(wrapped_terminal(), ExceptionGroup("g", [TerminalError("x")])))
    async with running(env):
        env.controller.enqueue(REQ)
        await settle()
        env.controller.enqueue(REQ)
        await settle()
        assert env.sample("controller_runtime_terminal_reconcile_errors_total") == 2
        assert env.controller.queue.num_waiting() == 0


async def test_stray_cancel_ends_run_when_not_recovered() -> None:
    env = Env(Script(asyncio.CancelledError()), recover_panic=False)
    env.controller.enqueue(REQ)
    with pytest.raises(BaseExceptionGroup) as info:
        await env.controller.run()
    assert info.group_contains(RuntimeError, match="CancelledError")


async def test_errors_are_logged_with_reconcile_fields(caplog: pytest.LogCaptureFixture) -> None:
    env = Env(Script(ValueError("boom")))
    caplog.handler.addFilter(ContextFilter())  # configure_logging installs it in production
    with caplog.at_level("DEBUG", logger="teleop.runtime.controller.controller"):
        async with running(env):
            env.controller.enqueue(REQ)
            await settle()
    (record,) = [r for r in caplog.records if r.getMessage() == "Reconciler error"]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], ValueError)
    fields = env.reconciler.contexts[0]
    line = JSONFormatter().format(record)
    for key in ("controller", "namespace", "name", "reconcileID"):
        assert f'"{key}": "{fields[key]}"' in line
