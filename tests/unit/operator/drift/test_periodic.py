"""PeriodicVerifier: every CR once per jittered period, spread evenly, driven by FakeClock."""

from __future__ import annotations

import asyncio
import random

import pytest

from teleop.operator.drift import ControllerTarget, PeriodicVerifier
from teleop.runtime import KubeObject, Request
from teleop.testing.clock import FakeClock


class Cache:
    def __init__(self, names: list[str], namespace: str = "ns") -> None:
        self.objects = {
            (namespace, n): {"metadata": {"namespace": namespace, "name": n}} for n in names
        }

    def get(self, namespace: str | None, name: str) -> KubeObject | None:
        return self.objects.get((namespace or "", name))

    def list(self, namespace: str | None = None) -> list[KubeObject]:
        return list(self.objects.values())


class Queue:
    def __init__(self) -> None:
        self.added: list[Request] = []

    def enqueue(self, request: Request) -> None:
        self.added.append(request)


def verifier(
    names: list[str], period: float, clock: FakeClock, **kw: float
) -> tuple[PeriodicVerifier, Cache, Queue]:
    cache, queue = Cache(names), Queue()
    target = ControllerTarget("teleportrole", queue, cache)
    return PeriodicVerifier([target], period=period, clock=clock, **kw), cache, queue


async def test_a_round_enqueues_each_cr_once_spread_over_the_period() -> None:
    clock = FakeClock()
    v, _, queue = verifier([f"r{i}" for i in range(10)], 100, clock, jitter=0.0, min_tick=0.01)
    task = asyncio.create_task(v.run_round(100))
    await clock.advance(9.9)
    assert queue.added == []  # nothing at once: the first one comes after period / N
    await clock.advance(0.1)
    assert [r.name for r in queue.added] == ["r0"]
    await clock.advance(40)
    assert len(queue.added) == 5
    await clock.advance(50)
    assert await task == 10
    assert sorted(r.name for r in queue.added) == sorted(f"r{i}" for i in range(10))
    assert {r.namespace for r in queue.added} == {"ns"}


async def test_ten_thousand_crs_do_not_burst() -> None:
    clock = FakeClock()
    v, _, queue = verifier([f"r{i}" for i in range(10_000)], 600, clock, min_tick=1.0)
    task = asyncio.create_task(v.run_round(600))
    await clock.advance(1.1)
    first_second = len(queue.added)
    assert 0 < first_second <= 20  # ~17 a second, never thousands
    await clock.advance(298.9)
    assert 4900 <= len(queue.added) <= 5100
    await clock.advance(301)
    assert await task == 10_000


async def test_a_cr_deleted_during_the_round_is_skipped() -> None:
    clock = FakeClock()
    v, cache, queue = verifier(["a", "b"], 10, clock, min_tick=0.01)
    task = asyncio.create_task(v.run_round(10))
    await clock.advance(5)
    del cache.objects[("ns", "b")]
    await clock.advance(5)
    assert await task == 1
    assert [r.name for r in queue.added] == ["a"]


async def test_run_repeats_rounds_with_jittered_lengths() -> None:
    clock = FakeClock()
    v, _, queue = verifier(["a"], 100, clock, rng=random.Random(7))  # type: ignore[arg-type]
    lengths = {round(v.next_period(), 6) for _ in range(50)}
    assert all(90 <= p <= 110 for p in lengths)
    assert len(lengths) > 40  # jittered, not one fixed period
    task = asyncio.create_task(v.run())
    await clock.advance(330)  # at most 110 s per round: at least three rounds
    assert v.rounds >= 3
    assert len(queue.added) >= 3
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_an_empty_cache_just_waits_a_period() -> None:
    clock = FakeClock()
    v, _, queue = verifier([], 60, clock)
    task = asyncio.create_task(v.run_round(60))
    await clock.advance(59)
    assert not task.done()
    await clock.advance(1)
    assert await task == 0
    assert queue.added == []


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        PeriodicVerifier([], period=0, clock=FakeClock())
    with pytest.raises(ValueError, match="jitter"):
        PeriodicVerifier([], period=1, clock=FakeClock(), jitter=1.5)
