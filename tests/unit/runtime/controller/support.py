"""Test doubles for controller tests: a scripted reconciler, a fake source, metric readers."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from teleop.runtime.cache.events import ResourceEventHandler
from teleop.runtime.controller import Controller, Options
from teleop.runtime.log import reconcile_context
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.reconcile import Request, Result
from teleop.testing.clock import FakeClock, settle

Outcome = Result | BaseException | Callable[[], Awaitable[Result]] | Any

REQ = Request("default", "a")


class Script:
    """Plays back one outcome per call (a Result, an exception to raise, or a coroutine fn)."""

    def __init__(self, *outcomes: Outcome) -> None:
        self.outcomes = list(outcomes)
        self.calls: list[Request] = []
        self.contexts: list[dict[str, Any]] = []
        self.finished: list[Request] = []

    async def reconcile(self, request: Request) -> Result:
        self.calls.append(request)
        self.contexts.append(reconcile_context())
        outcome = self.outcomes.pop(0) if self.outcomes else Result()
        if callable(outcome):
            outcome = await outcome()
        if isinstance(outcome, BaseException):
            raise outcome
        self.finished.append(request)
        return outcome


class FakeSource:
    def __init__(self, synced: bool = True) -> None:
        self.synced = synced
        self.handlers: list[ResourceEventHandler] = []

    def add_event_handler(self, handler: ResourceEventHandler) -> None:
        self.handlers.append(handler)

    def has_synced(self) -> bool:
        return self.synced


class Env:
    def __init__(self, reconciler: Script, **options: Any) -> None:
        self.clock = FakeClock()
        self.metrics = RuntimeMetrics()
        self.reconciler = reconciler
        self.controller = Controller(
            "ctl",
            reconciler,
            clock=self.clock,
            options=Options(**options),
            metrics=self.metrics,
        )

    def sample(self, name: str, **labels: str) -> float:
        value = self.metrics.registry.get_sample_value(name, {"controller": "ctl", **labels})
        return 0.0 if value is None else value

    def results(self) -> dict[str, float]:
        return {
            r: self.sample("controller_runtime_reconcile_total", result=r)
            for r in ("success", "error", "requeue", "requeue_after")
        }


@asynccontextmanager
async def running(env: Env) -> AsyncIterator[asyncio.Task[None]]:
    """Run the controller for the block; shut it down (no grace limit) afterwards."""
    async with asyncio.TaskGroup() as tg:
        task = tg.create_task(env.controller.run())
        await settle()
        try:
            yield task
        finally:
            await env.controller.shutdown()
