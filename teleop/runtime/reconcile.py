"""The reconciler contract: the one thing user code implements.

Reconciliation is level-triggered: a ``Request`` carries only the object's key, never the event
that caused it. The controller maps what ``reconcile`` returns onto the work queue (see
``teleop.runtime.controller``): an exception is retried with per-item backoff; ``TerminalError``
is logged and counted but not retried; ``Result(requeue_after=d)`` forgets the backoff and comes
back after ``d``; a plain ``Result()`` forgets the item.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

__all__ = ["Reconciler", "ReconcilerFunc", "Request", "Result", "TerminalError"]


@dataclass(frozen=True, slots=True, order=True)
class Request:
    """The key of the object to reconcile. ``namespace`` is "" for cluster-scoped objects."""

    namespace: str
    name: str

    def __str__(self) -> str:
        return f"{self.namespace}/{self.name}" if self.namespace else self.name


@dataclass(frozen=True, slots=True)
class Result:
    """What to do with a request after a successful reconcile.

    ``requeue_after``: come back after this many seconds (backoff is reset).
    ``requeue``: come back through the rate limiter (deprecated in controller-runtime; prefer
    ``requeue_after``).
    """

    requeue: bool = False
    requeue_after: float = 0.0


class TerminalError(Exception):
    """An error that retrying will not fix: logged and counted, never requeued."""


class Reconciler(Protocol):
    """Drives the world towards the state the object at ``request`` asks for."""

    async def reconcile(self, request: Request) -> Result: ...


class ReconcilerFunc:
    """Adapts a plain coroutine function to the ``Reconciler`` protocol."""

    def __init__(self, fn: Callable[[Request], Awaitable[Result]]) -> None:
        self._fn = fn

    async def reconcile(self, request: Request) -> Result:
        return await self._fn(request)
