"""EventRecorder + EventBroadcaster: what is written, correlation into patches, queue and retries.

The sink records into memory; ``tests/integration/manager`` writes events to fakekube over HTTP.
"""

from __future__ import annotations

import asyncio
import copy
import random
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from teleop.runtime.client.errors import Conflict, Forbidden, NotFound
from teleop.runtime.event import EventBroadcaster, EventRecorder
from teleop.testing.clock import FakeClock

POD: dict[str, Any] = {
    "apiVersion": "v1",
    "kind": "Pod",
    "metadata": {"name": "p", "namespace": "ns", "uid": "u-1", "resourceVersion": "7"},
}
NODE: dict[str, Any] = {"apiVersion": "v1", "kind": "Node", "metadata": {"name": "n1"}}


class MemorySink:
    def __init__(self) -> None:
        self.events: dict[tuple[str, str], dict[str, Any]] = {}
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.failures: list[BaseException] = []
        self.rv = 0

    def _maybe_fail(self) -> None:
        if self.failures:
            raise self.failures.pop(0)

    async def create(self, event: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(("create", copy.deepcopy(event)))
        self._maybe_fail()
        key = (event["metadata"]["namespace"], event["metadata"]["name"])
        if key in self.events:
            raise Conflict(409, "Conflict", "stale")
        self.rv += 1
        stored = copy.deepcopy(event)
        stored["metadata"]["resourceVersion"] = str(self.rv)
        self.events[key] = stored
        return copy.deepcopy(stored)

    async def patch(self, event: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
        self.calls.append(("patch", copy.deepcopy(patch)))
        self._maybe_fail()
        key = (event["metadata"]["namespace"], event["metadata"]["name"])
        if key not in self.events:
            raise NotFound(404, "NotFound", "gone")
        self.rv += 1
        self.events[key].update(patch)
        self.events[key]["metadata"]["resourceVersion"] = str(self.rv)
        return copy.deepcopy(self.events[key])


@asynccontextmanager
async def pipeline(
    clock: FakeClock, sink: MemorySink, **kw: Any
) -> AsyncIterator[tuple[EventBroadcaster, EventRecorder]]:
    b = EventBroadcaster(sink, clock=clock, rng=random.Random(0), **kw)
    task = asyncio.create_task(b.run())
    try:
        yield b, b.new_recorder("teleop", host="node-a")
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task


async def test_event_fields() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        rec.eventf(POD, "Warning", "Failed", "could not %s: %d", "sync", 3)
        await b.flush()
    [(op, ev)] = sink.calls
    assert op == "create"
    assert ev["metadata"]["namespace"] == "ns"
    assert ev["metadata"]["name"].startswith("p.")
    assert ev["involvedObject"] == {
        "apiVersion": "v1",
        "kind": "Pod",
        "name": "p",
        "namespace": "ns",
        "uid": "u-1",
        "resourceVersion": "7",
    }
    assert ev["type"] == "Warning"
    assert ev["reason"] == "Failed"
    assert ev["message"] == "could not sync: 3"
    assert ev["count"] == 1
    assert ev["firstTimestamp"] == ev["lastTimestamp"] == "2026-01-01T00:00:00Z"
    assert ev["source"] == {"component": "teleop", "host": "node-a"}
    assert ev["reportingComponent"] == "teleop"
    assert ev["reportingInstance"] == "node-a"


async def test_namespaces_and_types() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        rec.event(NODE, "Normal", "Seen", "cluster-scoped")
        rec.event(POD, "Info", "Bad", "unsupported type is dropped")
        b.new_recorder("x", namespace="ops").event(POD, "Normal", "Moved", "configured namespace")
        await b.flush()
    namespaces = [ev["metadata"]["namespace"] for _, ev in sink.calls]
    assert namespaces == ["default", "ops"]


async def test_identical_events_become_count_patches() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        for _ in range(3):
            rec.event(POD, "Normal", "Synced", "ok")
            await clock.advance(5)
        await b.flush()
    assert [op for op, _ in sink.calls] == ["create", "patch", "patch"]
    assert sink.calls[2][1] == {
        "count": 3,
        "lastTimestamp": "2026-01-01T00:00:10Z",
        "message": "ok",
    }
    [stored] = sink.events.values()
    assert stored["count"] == 3
    assert stored["firstTimestamp"] == "2026-01-01T00:00:00Z"


async def test_ten_similar_events_are_combined() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        for i in range(12):
            rec.event(POD, "Warning", "Failed", f"error {i}")
            await clock.advance(1)
        await b.flush()
    ops = [op for op, _ in sink.calls]
    assert ops == ["create"] * 10 + ["patch"] * 2
    combined = sink.calls[9][1]
    assert combined["message"] == "(combined from similar events): error 9"
    assert combined["count"] == 1
    assert sink.calls[11][1]["count"] == 3
    assert sink.calls[11][1]["message"] == "(combined from similar events): error 11"


async def test_similarity_window_is_600_seconds() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        for i in range(9):
            rec.event(POD, "Warning", "Failed", f"error {i}")
        await b.flush()
        await clock.advance(601)
        rec.event(POD, "Warning", "Failed", "error 9")
        await b.flush()
    assert all(not ev["message"].startswith("(combined") for _, ev in sink.calls)


async def test_spam_filter_burst_25_then_one_per_300s() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        for _ in range(30):
            rec.event(POD, "Normal", "Tick", "same")
        await b.flush()
        assert len(sink.calls) == 25
        await clock.advance(299)
        rec.event(POD, "Normal", "Tick", "same")
        await b.flush()
        assert len(sink.calls) == 25
        await clock.advance(1)
        rec.event(POD, "Normal", "Tick", "same")
        await b.flush()
        assert len(sink.calls) == 26
        # another object has its own bucket
        other = copy.deepcopy(POD)
        other["metadata"].update(name="q", uid="u-2")
        rec.event(other, "Normal", "Tick", "same")
        await b.flush()
        assert len(sink.calls) == 27


async def test_queue_is_bounded_and_never_blocks() -> None:
    clock, sink = FakeClock(), MemorySink()
    b = EventBroadcaster(sink, clock=clock, queue_size=1000)
    rec = b.new_recorder("teleop")
    for i in range(1005):
        rec.event(POD, "Normal", "R", f"m{i}")  # no sender running: nothing drains
    assert b.pending == 1000
    assert b.dropped == 5


async def test_unanswered_writes_are_retried_on_the_clock() -> None:
    clock, sink = FakeClock(), MemorySink()
    sink.failures = [ConnectionError("refused"), ConnectionError("refused")]
    async with pipeline(clock, sink) as (b, rec):
        times: list[float] = []
        create = sink.create

        async def timed(event: dict[str, Any]) -> dict[str, Any]:
            times.append(clock.monotonic())
            return await create(event)

        sink.create = timed  # type: ignore[method-assign]
        rec.event(POD, "Normal", "R", "m")
        await clock.advance(30)
        await b.flush()
    assert len(sink.events) == 1
    assert len(times) == 3
    assert 0 <= times[1] - times[0] < 10  # the first pause is randomised
    assert times[2] - times[1] == pytest.approx(10)


async def test_gives_up_after_12_tries() -> None:
    clock, sink = FakeClock(), MemorySink()
    sink.failures = [ConnectionError("down")] * 20
    async with pipeline(clock, sink) as (b, rec):
        rec.event(POD, "Normal", "R", "m")
        await clock.advance(200)
        await b.flush()
    assert len(sink.calls) == 12
    assert sink.events == {}


async def test_server_refusals_are_not_retried() -> None:
    clock, sink = FakeClock(), MemorySink()
    sink.failures = [Forbidden(403, "Forbidden", "no")]
    async with pipeline(clock, sink) as (b, rec):
        rec.event(POD, "Normal", "R", "m")
        await clock.advance(100)
        await b.flush()
    assert len(sink.calls) == 1


async def test_a_patch_of_a_vanished_event_creates_it_again() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        rec.event(POD, "Normal", "R", "m")
        await b.flush()
        sink.events.clear()
        rec.event(POD, "Normal", "R", "m")
        await b.flush()
    assert [op for op, _ in sink.calls] == ["create", "patch", "create"]
    created = sink.calls[2][1]
    assert created["count"] == 2
    assert "resourceVersion" not in created["metadata"]


async def test_event_names_stay_unique_on_a_frozen_clock() -> None:
    clock, sink = FakeClock(), MemorySink()
    async with pipeline(clock, sink) as (b, rec):
        rec.event(POD, "Normal", "A", "a")
        rec.event(POD, "Normal", "B", "b")
        await b.flush()
    names = {ev["metadata"]["name"] for _, ev in sink.calls}
    assert len(names) == 2
