"""Two electors on one Lease in fakekube, over real sockets and the real clock.

Durations are short (lease 2 s, renew 1 s, retry 0.2 s). A sampler checks every few
milliseconds that no two workers run at once: the property leader election exists for.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from teleop.runtime.client import KubeClient
from teleop.runtime.leaderelection import (
    LEASES,
    LeaderCallbacks,
    LeaderElectionLostError,
    LeaderElector,
)
from teleop.testing.fakekube import FakeKube
from tests.integration.leader.conftest import FAST, Electors
from tests.integration.leader.proxy import FreezableProxy

JITTERED_RETRY = FAST.retry_period * (1 + FAST.jitter_factor)
SLACK = 0.5  # scheduling and HTTP round trips on a loaded CI machine


@dataclass
class Worker:
    """What a replica runs while it leads; records when it really ran."""

    name: str
    active: bool = False
    started: list[float] = field(default_factory=list)
    stopped: list[float] = field(default_factory=list)

    async def run(self) -> None:
        self.active = True
        self.started.append(time.monotonic())
        try:
            await asyncio.Event().wait()
        finally:
            self.active = False
            self.stopped.append(time.monotonic())

    def callbacks(self) -> LeaderCallbacks:
        return LeaderCallbacks(on_started_leading=self.run)


class Sampler:
    def __init__(self, *workers: Worker) -> None:
        self.workers = workers
        self.samples = 0
        self.overlaps = 0

    async def run(self) -> None:
        while True:
            self.samples += 1
            if sum(w.active for w in self.workers) > 1:
                self.overlaps += 1
            await asyncio.sleep(0.002)


async def wait_for(cond: object, within: float) -> float:
    assert callable(cond)
    start = time.monotonic()
    while not cond():
        if time.monotonic() - start > within:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.005)
    return time.monotonic()


async def holder(kube: FakeKube) -> str:
    async with KubeClient.from_url(kube.url) as c:
        lease = await c.get(LEASES, "teleop", namespace="default")
    return str(lease["spec"]["holderIdentity"])


async def test_one_leader_at_a_time_and_graceful_handover(
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
        await asyncio.sleep(2 * FAST.lease_duration)  # many renewals; b must stay standby
        assert not wb.active
        assert a.leading
        assert await holder(fakekube) == "a"
        assert b.leader == "a"

        a.stop()  # graceful: stop the worker, then release the Lease
        await ta
        released = time.monotonic()
        assert wa.stopped[0] <= released
        took_over = await wait_for(lambda: wb.active, 5)
        assert took_over - released <= JITTERED_RETRY + SLACK
        assert await holder(fakekube) == "b"
        await asyncio.sleep(0.5)
        b.stop()
        await tb
        sampling.cancel()
    assert sampler.samples > 1000
    assert sampler.overlaps == 0


async def test_frozen_leader_stops_before_the_standby_takes_over(
    fakekube: FakeKube, electors: Electors
) -> None:
    wa, wb = Worker("a"), Worker("b")
    async with FreezableProxy(fakekube.url) as proxy:
        a = await electors.make(proxy.url, "a", wa.callbacks())
        b = await electors.make(fakekube.url, "b", wb.callbacks())
        sampler = Sampler(wa, wb)
        lost: list[BaseException] = []

        async def run_a(elector: LeaderElector) -> None:
            try:
                await elector.run()
            except LeaderElectionLostError as exc:
                lost.append(exc)

        async with asyncio.TaskGroup() as tg:
            sampling = tg.create_task(sampler.run())
            ta = tg.create_task(run_a(a))
            await wait_for(lambda: wa.active, 5)
            tb = tg.create_task(b.run())
            await asyncio.sleep(1.0)
            proxy.freeze()  # a's renewals hang from now on
            frozen = time.monotonic()
            a_stopped = await wait_for(lambda: bool(wa.stopped), 5)
            b_started = await wait_for(lambda: wb.active, 10)
            # a gave up within its renew deadline of its last successful renewal ...
            assert a_stopped - frozen <= FAST.renew_deadline + SLACK
            # ... which is before b could take over: b waited a whole lease duration
            assert a_stopped < b_started
            assert b_started - frozen >= FAST.lease_duration - FAST.retry_period - 0.3
            await ta
            assert lost, "a must report the lost lease"
            assert not a.leading
            proxy.thaw()
            b.stop()
            await tb
            sampling.cancel()
    assert sampler.overlaps == 0


async def test_many_standbys_one_leader(fakekube: FakeKube, electors: Electors) -> None:
    workers = [Worker(str(i)) for i in range(3)]
    members = [await electors.make(fakekube.url, w.name, w.callbacks()) for w in workers]
    sampler = Sampler(*workers)
    async with asyncio.TaskGroup() as tg:
        sampling = tg.create_task(sampler.run())
        tasks = [tg.create_task(m.run()) for m in members]  # all race for a missing Lease
        await wait_for(lambda: any(w.active for w in workers), 5)
        await asyncio.sleep(1.0)
        assert sum(m.leading for m in members) == 1
        for m in members:
            m.stop()
        await asyncio.gather(*tasks)
        sampling.cancel()
    assert sampler.overlaps == 0
