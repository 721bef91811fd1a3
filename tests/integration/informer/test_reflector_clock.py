"""Reflector timing on a FakeClock against a real fakekube: backoff growth, reset, HTTP 410."""

from __future__ import annotations

import asyncio
import contextlib
import random
from collections.abc import AsyncIterator, Callable

import pytest

from teleop.runtime.cache import DeletedFinalStateUnknown
from teleop.runtime.cache.informer import SharedInformer
from teleop.runtime.client import KubeClient
from teleop.runtime.metrics import RuntimeMetrics
from teleop.testing.clock import FakeClock
from teleop.testing.fakekube.server import FakeKube
from tests.integration.informer.conftest import CM, NS, Tracker, create_many, rv


class _NoJitter(random.Random):
    def random(self) -> float:
        return 0.0


async def _until(predicate: Callable[[], bool], within: float = 5.0) -> None:
    """Poll state that changes on the other side of a socket."""
    async with asyncio.timeout(within):
        while not predicate():  # noqa: ASYNC110
            await asyncio.sleep(0.002)


@contextlib.asynccontextmanager
async def _informer(kube: FakeKube, clock: FakeClock) -> AsyncIterator[SharedInformer]:
    async with KubeClient.from_url(kube.url, clock=clock, metrics=RuntimeMetrics()) as client:
        informer = SharedInformer(client, CM, namespace=NS, clock=clock, rng=_NoJitter())
        task = asyncio.create_task(informer.run())
        try:
            yield informer
        finally:
            informer.stop()
            await asyncio.wait_for(task, 5)


@pytest.mark.faults
async def test_rewatch_backoff_doubles_then_resets(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, ["a"])
    clock = FakeClock()
    async with _informer(kube, clock) as informer:
        assert await informer.wait_for_sync(10)
        await _until(lambda: kube.open_watches == 1)
        kube.faults.fail_next(3, status=500)
        kube.faults.drop_watches()
        waits = []
        for _ in range(4):
            await _until(lambda: clock.sleepers == 1)
            deadline = clock.next_deadline()
            assert deadline is not None
            waits.append(round(deadline - clock.monotonic(), 6))
            await clock.advance(deadline - clock.monotonic())
        assert waits == [0.8, 1.6, 3.2, 6.4]  # one clean end, then three 500s
        await _until(lambda: kube.open_watches == 1)
        assert informer.stats.lists == 1
        # the first watch ended at fake time 0 with no events: that counts as a short watch
        assert informer.stats.short_watches == 1
        assert informer.stats.watch_errors == 1 + 3
        await clock.advance(121)  # two healthy minutes
        kube.faults.drop_watches()
        await _until(lambda: clock.sleepers == 1)
        deadline = clock.next_deadline()
        assert deadline is not None
        assert deadline - clock.monotonic() == pytest.approx(0.8)


@pytest.mark.faults
async def test_http_410_on_watch_relists(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, ["a", "b"])
    clock = FakeClock()
    async with _informer(kube, clock) as informer:
        tracker = Tracker()
        informer.add_event_handler(tracker)
        assert await informer.wait_for_sync(10)
        await _until(lambda: kube.open_watches == 1)
        kube.faults.drop_watches()
        await _until(lambda: clock.sleepers == 1)
        await client.delete(CM, "a", namespace=NS)
        changed = await client.patch(CM, "b", {"data": {"v": "1"}}, namespace=NS)
        kube.faults.fail_next(1, status=410)  # for the reflector's next request: the watch
        await clock.advance(0.8)  # re-watch: HTTP 410, then relist at once
        await tracker.until(lambda: f"{NS}/a" in tracker.deleted)
        await tracker.until(lambda: tracker.seen[f"{NS}/b"][-1] == rv(changed))
        assert informer.stats.relists_after_expiry == 1
        assert informer.stats.lists == 2
        assert isinstance(tracker.deleted[f"{NS}/a"], DeletedFinalStateUnknown)
