"""SharedInformer dispatch semantics, fed through its ReflectorSink interface."""

from __future__ import annotations

import asyncio

import pytest

from teleop.runtime.cache.factory import InformerFactory
from teleop.runtime.cache.informer import SharedInformer
from teleop.runtime.client.objects import KubeObject
from teleop.runtime.client.rest import KubeClient
from teleop.testing.clock import FakeClock
from tests.unit.runtime.cache.conftest import CM, Fed, Recorder, closed_port_url, cm


async def test_initial_list_then_events_in_order(fed: Fed) -> None:
    rec = Recorder()
    fed.informer.add_event_handler(rec)
    assert not fed.informer.has_synced()
    fed.informer.replace([cm("a", 1), cm("b", 2)], "2")
    fed.informer.apply("MODIFIED", cm("a", 3))
    fed.informer.apply("ADDED", cm("c", 4))
    fed.informer.apply("DELETED", cm("b", 5))
    assert await fed.informer.wait_for_sync(1)
    await fed.settle()
    assert rec.calls == [
        ("add", "a@1", True),
        ("add", "b@2", True),
        ("update", "a@1", "a@3"),
        ("add", "c@4", False),
        ("delete", "b@5"),
    ]
    assert fed.informer.lister.get("ns", "a") == cm("a", 3)
    assert fed.informer.lister.get("ns", "b") is None
    assert sorted(o["metadata"]["name"] for o in fed.informer.lister.list("ns")) == ["a", "c"]
    assert fed.informer.lister.list("other") == []


async def test_relist_sends_tombstones_for_vanished_keys(fed: Fed) -> None:
    rec = Recorder()
    fed.informer.add_event_handler(rec)
    fed.informer.replace([cm("a", 1), cm("b", 2)], "2")
    await fed.settle()
    fed.informer.replace([cm("a", 7), cm("n", 8)], "8")
    await fed.settle()
    assert rec.calls[2:] == [
        ("update", "a@1", "a@7"),
        ("add", "n@8", False),
        ("tombstone", "ns/b", "b@2"),
    ]
    assert sorted(fed.informer.store.keys()) == ["ns/a", "ns/n"]


async def test_late_handler_gets_cache_first_then_new_events(fed: Fed) -> None:
    first = Recorder()
    fed.informer.add_event_handler(first)
    fed.informer.replace([cm("a", 1), cm("b", 2)], "2")
    await fed.settle()
    fed.informer.apply("MODIFIED", cm("a", 3))  # queued, not yet applied
    late = Recorder()
    fed.informer.add_event_handler(late)
    await fed.settle()
    assert late.calls == [("add", "a@1", True), ("add", "b@2", True), ("update", "a@1", "a@3")]
    assert first.calls[-1] == ("update", "a@1", "a@3")


async def test_handler_added_from_inside_a_handler(fed: Fed) -> None:
    late = Recorder()

    class Adder(Recorder):
        def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
            super().on_add(obj, is_initial_list=is_initial_list)
            if obj["metadata"]["name"] == "b":
                fed.informer.add_event_handler(late)

    fed.informer.add_event_handler(Adder())
    fed.informer.replace([cm("a", 1), cm("b", 2), cm("c", 3)], "3")
    await fed.settle()
    assert sorted(late.calls) == [("add", "a@1", True), ("add", "b@2", True), ("add", "c@3", True)]


async def test_resync_replays_cache_without_api_traffic(fed: Fed) -> None:
    rec = Recorder()
    fed.informer.add_event_handler(rec)
    fed.informer.replace([cm("a", 1)], "1")
    await fed.settle()
    await fed.clock.advance(60)
    await fed.settle()
    assert rec.calls[-1] == ("update", "a@1", "a@1")  # (no-traffic: tests/integration/informer)


async def test_failing_handler_does_not_stop_others(fed: Fed) -> None:
    class Broken(Recorder):
        def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
            raise RuntimeError("bug")

    rec = Recorder()
    fed.informer.add_event_handler(Broken())
    fed.informer.add_event_handler(rec)
    fed.informer.replace([cm("a", 1)], "1")
    await fed.settle()
    assert rec.calls == [("add", "a@1", True)]


async def test_remove_handler(fed: Fed) -> None:
    rec = Recorder()
    fed.informer.add_event_handler(rec)
    fed.informer.replace([cm("a", 1)], "1")
    await fed.settle()
    fed.informer.remove_event_handler(rec)
    fed.informer.apply("MODIFIED", cm("a", 2))
    await fed.settle()
    assert rec.calls == [("add", "a@1", True)]


async def test_wait_for_sync_times_out_on_the_clock(fed: Fed) -> None:
    waiter = asyncio.create_task(fed.informer.wait_for_sync(30))
    await fed.settle()
    await fed.clock.advance(30)
    assert await waiter is False
    assert fed.informer.reflector.stats.lists >= 1  # it tried, and is backing off


async def test_stop_returns_and_cancel_propagates() -> None:
    clock = FakeClock()
    async with KubeClient.from_url(closed_port_url(), clock=clock) as client:
        informer = SharedInformer(client, CM, clock=clock)
        task = asyncio.create_task(informer.run())
        await asyncio.sleep(0.05)
        with pytest.raises(RuntimeError, match="already running"):
            await informer.run()
        informer.stop()
        await asyncio.wait_for(task, 5)
        task = asyncio.create_task(informer.run())
        await asyncio.sleep(0.05)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_transform_strips_managed_fields(fed: Fed) -> None:
    obj = cm("a", 1)
    obj["metadata"]["managedFields"] = [{"manager": "kubectl"}]
    transform = fed.informer.reflector.transform
    assert transform is not None
    fed.informer.apply("ADDED", transform(obj))
    await fed.settle()
    cached = fed.informer.lister.get("ns", "a")
    assert cached is not None
    assert "managedFields" not in cached["metadata"]


async def test_factory_shares_informers() -> None:
    clock = FakeClock()
    async with KubeClient.from_url(closed_port_url(), clock=clock) as client:
        factory = InformerFactory(client, clock=clock)
        a = factory.informer_for(CM)
        assert factory.informer_for(CM) is a
        assert factory.informer_for(CM, namespace="x") is not a
        task = asyncio.create_task(factory.run())
        await asyncio.sleep(0.02)
        late = factory.informer_for(CM, label_selector="app=x")
        await asyncio.sleep(0.02)
        assert late._running
        assert not factory.has_synced()
        for inf in factory.informers():
            inf.replace([], "1")
        assert await factory.wait_for_sync(1)
        factory.stop()
        await asyncio.wait_for(task, 5)
