"""The seven workqueue_* series after a known sequence, read back from the registry."""

from __future__ import annotations

from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.workqueue import DelayingQueue, Queue
from teleop.testing.clock import FakeClock

L = {"name": "q", "controller": "q"}


def value(m: RuntimeMetrics, name: str, labels: dict[str, str] = L) -> float | None:
    return m.registry.get_sample_value(name, labels)


async def test_series_after_a_known_sequence() -> None:
    clock = FakeClock()
    m = RuntimeMetrics()
    q: DelayingQueue[str] = DelayingQueue(clock=clock, name="q", metrics=m)

    q.add("a")
    q.add("a")  # dedup: not counted
    q.add("b")
    assert value(m, "workqueue_depth", {**L, "priority": ""}) == 2
    assert value(m, "workqueue_adds_total") == 2
    await clock.advance(2)
    assert await q.get() == "a"  # waited 2 s
    await clock.advance(3)
    assert value(m, "workqueue_unfinished_work_seconds") == 3
    assert value(m, "workqueue_longest_running_processor_seconds") == 3
    assert await q.get() == "b"  # waited 5 s
    await clock.advance(1)
    assert value(m, "workqueue_unfinished_work_seconds") == 4 + 1
    assert value(m, "workqueue_longest_running_processor_seconds") == 4
    q.done("a")  # worked 4 s
    q.done("b")  # worked 1 s
    assert value(m, "workqueue_unfinished_work_seconds") == 0
    assert value(m, "workqueue_longest_running_processor_seconds") == 0
    assert value(m, "workqueue_depth", {**L, "priority": ""}) == 0

    assert value(m, "workqueue_queue_duration_seconds_count") == 2
    assert value(m, "workqueue_queue_duration_seconds_sum") == 7
    assert value(m, "workqueue_queue_duration_seconds_bucket", {**L, "le": "1.0"}) == 0
    assert value(m, "workqueue_queue_duration_seconds_bucket", {**L, "le": "10.0"}) == 2
    assert value(m, "workqueue_work_duration_seconds_count") == 2
    assert value(m, "workqueue_work_duration_seconds_sum") == 5

    q.add_after("c", 0)  # retries count every add_after, even immediate ones
    q.add_after("d", 10)
    assert value(m, "workqueue_retries_total") == 2
    assert value(m, "workqueue_adds_total") == 3  # d is not added until due
    await clock.advance(10)
    # a due item is only added when it is promoted, but its wait counts from its ready time
    await clock.advance(4)
    assert await q.get() == "c"
    assert await q.get() == "d"
    assert value(m, "workqueue_adds_total") == 4
    assert value(m, "workqueue_queue_duration_seconds_sum") == 7 + 14 + 4


async def test_readd_while_processing_counts_one_add_and_depth() -> None:
    clock = FakeClock()
    m = RuntimeMetrics()
    q: Queue[str] = Queue(clock=clock, name="q", metrics=m)
    q.add("a")
    await q.get()
    q.add("a")
    q.add("a")
    assert value(m, "workqueue_adds_total") == 2
    assert value(m, "workqueue_depth", {**L, "priority": ""}) == 1
    q.done("a")
    await q.get()
    assert value(m, "workqueue_depth", {**L, "priority": ""}) == 0


async def test_unnamed_queue_records_nothing() -> None:
    m = RuntimeMetrics()
    q: Queue[str] = Queue(clock=FakeClock(), metrics=m)
    q.add("a")
    assert (
        m.registry.get_sample_value("workqueue_adds_total", {"name": "", "controller": ""}) is None
    )
