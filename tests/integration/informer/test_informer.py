"""Informer semantics over real sockets against fakekube: drops, expiry, paging, sharing."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable

import pytest

from teleop.runtime.cache import DeletedFinalStateUnknown, InformerFactory
from teleop.runtime.cache.informer import SharedInformer
from teleop.runtime.client import KubeClient
from teleop.testing.clock import FakeClock
from teleop.testing.fakekube.server import FakeKube
from tests.integration.informer.conftest import (
    CM,
    FAST,
    NS,
    Tracker,
    create_many,
    requests,
    rv,
)


async def until(predicate: Callable[[], bool], within: float = 5.0) -> None:
    """Poll server-side state (fakekube has no event for it)."""
    async with asyncio.timeout(within):
        while not predicate():  # noqa: ASYNC110
            await asyncio.sleep(0.005)


@contextlib.asynccontextmanager
async def running(informer: SharedInformer | InformerFactory) -> AsyncIterator[None]:
    task = asyncio.create_task(informer.run())
    try:
        yield
    finally:
        informer.stop()
        await asyncio.wait_for(task, 5)


@pytest.mark.faults
async def test_every_change_once_and_in_order_while_watches_drop(
    kube: FakeKube, client: KubeClient
) -> None:
    keys, per_key = 20, 50  # 1,000 changes
    created = await create_many(client, [f"cm-{i}" for i in range(keys)])
    expected = {f"{NS}/{o['metadata']['name']}": [rv(o)] for o in created}
    informer = SharedInformer(client, CM, namespace=NS, backoff=FAST)
    tracker = Tracker()
    informer.add_event_handler(tracker)
    async with running(informer):
        assert await informer.wait_for_sync(10)

        async def writer(name: str) -> None:
            for i in range(per_key):
                obj = await client.patch(CM, name, {"data": {"v": str(i + 1)}}, namespace=NS)
                expected[f"{NS}/{name}"].append(rv(obj))

        async def dropper(stop: asyncio.Event) -> int:
            drops = 0
            while not stop.is_set():
                await asyncio.sleep(0.02)
                kube.faults.drop_watches()
                drops += 1
            return drops

        stop = asyncio.Event()
        async with asyncio.TaskGroup() as tg:
            drops = tg.create_task(dropper(stop))
            async with asyncio.TaskGroup() as writers:
                for i in range(keys):
                    writers.create_task(writer(f"cm-{i}"))
            stop.set()

        def caught_up() -> bool:
            return all(tracker.seen.get(k, [])[-1:] == v[-1:] for k, v in expected.items())

        await tracker.until(caught_up)
    assert sum(len(v) for v in expected.values()) == keys * (per_key + 1)
    assert tracker.seen == expected  # every change, none twice, in order
    assert drops.result() >= 5
    assert informer.stats.watches >= 5  # (drops during a backoff find no watch to close)
    assert informer.stats.lists == 1  # re-watched from the last RV, never relisted
    assert informer.stats.relists_after_expiry == 0


@pytest.mark.faults
async def test_expired_watch_relists_and_delivers_missed_deletes(
    kube: FakeKube, client: KubeClient
) -> None:
    await create_many(client, [f"cm-{i}" for i in range(10)])
    # On a FakeClock the reconnect waits for the test: it changes things while nobody watches.
    clock = FakeClock()
    informer = SharedInformer(client, CM, namespace=NS, clock=clock)
    tracker = Tracker()
    informer.add_event_handler(tracker)
    async with running(informer):
        assert await informer.wait_for_sync(10)
        await tracker.until(lambda: len(tracker.seen) == 10)
        await until(lambda: kube.open_watches == 1)
        kube.faults.drop_watches()
        await until(lambda: clock.sleepers == 1)  # the reflector is backing off
        for i in range(3):
            await client.delete(CM, f"cm-{i}", namespace=NS)
        fresh = await client.create(CM, {"metadata": {"name": "fresh", "namespace": NS}})
        kube.compact()  # the watch's resourceVersion is now too old: 410 inside the stream
        await clock.advance(30)
        await tracker.until(lambda: len(tracker.deleted) == 3 and f"{NS}/fresh" in tracker.seen)
        assert informer.stats.relists_after_expiry == 1
        assert informer.stats.lists == 2
        for i in range(3):
            gone = tracker.deleted[f"{NS}/cm-{i}"]
            assert isinstance(gone, DeletedFinalStateUnknown)  # last state known from the cache
            assert gone.obj["metadata"]["name"] == f"cm-{i}"
        assert tracker.seen[f"{NS}/fresh"] == [rv(fresh)]
        assert sorted(o["metadata"]["name"] for o in informer.lister.list(NS)) == sorted(
            ["fresh", *(f"cm-{i}" for i in range(3, 10))]
        )
        # the watch resumes after the relist
        await client.patch(CM, "cm-5", {"data": {"v": "9"}}, namespace=NS)
        await tracker.until(lambda: len(tracker.seen[f"{NS}/cm-5"]) == 2)


async def test_paged_initial_list(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, [f"cm-{i:03d}" for i in range(250)])
    informer = SharedInformer(
        client, CM, namespace=NS, page_size=100, initial_list_resource_version=""
    )
    tracker = Tracker()
    informer.add_event_handler(tracker)
    async with running(informer):
        assert await informer.wait_for_sync(10)
        assert informer.stats.list_pages == 3
        assert len(informer.lister.list(NS)) == 250
        assert len(tracker.initial) == 250


async def test_client_pagination(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, [f"cm-{i:03d}" for i in range(25)])
    names: list[str] = []
    token: str | None = None
    pages = 0
    while True:
        page = await client.list(CM, namespace=NS, limit=10, continue_=token)
        pages += 1
        names += [o["metadata"]["name"] for o in page["items"]]
        token = page["metadata"].get("continue")
        if not token:
            break
    assert pages == 3
    assert names == sorted(f"cm-{i:03d}" for i in range(25))


@pytest.mark.faults
async def test_429_on_rewatch_backs_off_and_recovers(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, ["a"])
    informer = SharedInformer(client, CM, namespace=NS, backoff=FAST)
    tracker = Tracker()
    informer.add_event_handler(tracker)
    async with running(informer):
        assert await informer.wait_for_sync(10)
        await until(lambda: kube.open_watches == 1)
        kube.faults.fail_next(2, status=429, retry_after=0)
        kube.faults.drop_watches()
        await until(lambda: requests(client, code="429") == 2 and kube.open_watches == 1)
        obj = await client.patch(CM, "a", {"data": {"v": "1"}}, namespace=NS)
        await tracker.until(lambda: tracker.seen[f"{NS}/a"][-1] == rv(obj))
        assert requests(client, code="429") == 2
        assert informer.stats.watch_errors >= 2
        assert informer.stats.lists == 1


async def test_resync_and_sharing_cost_no_api_traffic(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, ["a", "b"])
    factory = InformerFactory(client, resync_period=0.05)
    first, second = Tracker(), Tracker()
    factory.informer_for(CM, namespace=NS).add_event_handler(first)
    factory.informer_for(CM, namespace=NS).add_event_handler(second)  # same informer
    assert len(factory.informers()) == 1
    async with running(factory):
        assert await factory.wait_for_sync(10)
        await first.until(lambda: first.resyncs >= 6)
        assert second.resyncs >= 4
        # one list and one watch for two handlers and several resyncs
        assert requests(client, method="GET") == 2
    assert first.seen == second.seen


async def test_late_handler_on_a_synced_informer(kube: FakeKube, client: KubeClient) -> None:
    await create_many(client, ["a", "b", "c"])
    informer = SharedInformer(client, CM, namespace=NS)
    async with running(informer):
        assert await informer.wait_for_sync(10)
        late = Tracker()
        informer.add_event_handler(late)
        await late.until(lambda: len(late.seen) == 3)
        assert late.initial == {f"{NS}/a", f"{NS}/b", f"{NS}/c"}
        obj = await client.patch(CM, "b", {"data": {"v": "1"}}, namespace=NS)
        await late.until(lambda: late.seen[f"{NS}/b"][-1] == rv(obj))
