"""Watching standbys over fakekube: a release is taken over at once, a crash at lease expiry.

A standby watches the Lease, so it sees each renewal when it happens and a release at once, and
schedules its take-over attempt at observed renewal + lease duration instead of its next jittered
poll (0.2-0.44 s with these durations). The sampler must still never see two workers at once.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import aclosing
from dataclasses import replace

from teleop.runtime.client import KubeClient
from teleop.runtime.leaderelection import EXPIRY_MARGIN, LEASES
from teleop.testing.fakekube import FakeKube
from tests.integration.leader.conftest import FAST, Electors
from tests.integration.leader.test_failover import Sampler, Worker, holder, wait_for

LATE = 0.15  # watch latency and scheduling on a loaded machine; a poll could be 0.44 s late


async def test_graceful_handover_is_well_under_one_retry_period(
    fakekube: FakeKube, electors: Electors
) -> None:
    wa, wb = Worker("a"), Worker("b")
    a = await electors.make(fakekube.url, "a", wa.callbacks())
    b = await electors.make(fakekube.url, "b", wb.callbacks())
    sampler = Sampler(wa, wb)
    async with asyncio.TaskGroup() as tg:
        sampling = tg.create_task(sampler.run())
        ta = tg.create_task(a.run())
        await wait_for(lambda: wa.active, 5)
        tb = tg.create_task(b.run())
        await asyncio.sleep(1.0)
        assert not wb.active
        a.stop()
        await ta
        released = time.monotonic()
        took_over = await wait_for(lambda: wb.active, 5)
        assert took_over - released < FAST.retry_period / 2
        assert await holder(fakekube) == "b"
        b.stop()
        await tb
        sampling.cancel()
    assert sampler.overlaps == 0


async def test_crash_takeover_is_scheduled_at_lease_expiry(
    fakekube: FakeKube, electors: Electors
) -> None:
    wa, wb = Worker("a"), Worker("b")
    crashing = replace(FAST, release_on_cancel=False)  # a cancelled task writes nothing: a crash
    a = await electors.make(fakekube.url, "a", wa.callbacks(), crashing)
    b = await electors.make(fakekube.url, "b", wb.callbacks())
    writes: list[float] = []

    async def observe(client: KubeClient) -> None:
        field = "metadata.name=teleop"
        async with aclosing(client.watch(LEASES, namespace="default", field_selector=field)) as s:
            async for _ in s:
                writes.append(time.monotonic())

    async with KubeClient.from_url(fakekube.url) as client, asyncio.TaskGroup() as tg:
        observing = tg.create_task(observe(client))
        ta = tg.create_task(a.run())
        await wait_for(lambda: wa.active, 5)
        tb = tg.create_task(b.run())
        await asyncio.sleep(1.0)
        seen = len(writes)
        await wait_for(lambda: len(writes) > seen, 1)  # just after one of a's renewals
        await asyncio.sleep(FAST.retry_period / 2)
        ta.cancel()  # a dies between two renewals
        last_renewal = writes[-1]
        took_over = await wait_for(lambda: wb.active, 5)
        assert not wa.active
        waited = took_over - last_renewal
        assert FAST.lease_duration_seconds - 0.05 <= waited
        assert waited <= FAST.lease_duration_seconds + EXPIRY_MARGIN + LATE
        b.stop()
        await tb
        observing.cancel()
