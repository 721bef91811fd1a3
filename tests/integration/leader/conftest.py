"""Fixtures for leader election over HTTP: short real-clock durations and elector factories."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack

import pytest

from teleop.runtime.client import KubeClient
from teleop.runtime.clock import SystemClock
from teleop.runtime.leaderelection import (
    LeaderCallbacks,
    LeaderElectionConfig,
    LeaderElector,
    LeaseResourceLock,
)
from teleop.runtime.metrics import RuntimeMetrics

# lease 2 s (whole seconds: the Lease stores integer seconds), renew 1 s, retry 0.2 s
FAST = LeaderElectionConfig(name="teleop", lease_duration=2.0, renew_deadline=1.0, retry_period=0.2)


class Electors:
    """Builds electors, each with its own KubeClient, and closes the clients at the end."""

    def __init__(self, stack: AsyncExitStack) -> None:
        self._stack = stack

    async def make(
        self,
        url: str,
        identity: str,
        callbacks: LeaderCallbacks | None = None,
        config: LeaderElectionConfig = FAST,
    ) -> LeaderElector:
        client = await self._stack.enter_async_context(
            KubeClient.from_url(url, request_timeout=5.0)
        )
        lock = LeaseResourceLock(client, namespace="default", name="teleop", identity=identity)
        return LeaderElector(
            lock, config, clock=SystemClock(), metrics=RuntimeMetrics(), callbacks=callbacks
        )


@pytest.fixture
async def electors() -> AsyncIterator[Electors]:
    async with AsyncExitStack() as stack:
        yield Electors(stack)
