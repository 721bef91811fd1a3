"""Fixtures for informer integration tests: a fakekube on loopback and a client for it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from teleop.runtime.cache.backoff import BackoffPolicy
from teleop.runtime.cache.events import DeletedFinalStateUnknown
from teleop.runtime.client import KubeClient, KubeObject, ResourceType
from teleop.runtime.metrics import RuntimeMetrics
from teleop.testing.fakekube.server import FakeKube

CM = ResourceType("", "v1", "configmaps", "ConfigMap")
NS = "default"

# Real sockets and real time: shrink the reconnect backoff so a test sees many reconnects.
FAST = BackoffPolicy(initial=0.01, cap=0.1, jitter=0.5)


def configmap(name: str, **data: str) -> KubeObject:
    return {"metadata": {"name": name, "namespace": NS}, "data": data}


def rv(obj: KubeObject) -> int:
    return int(obj["metadata"]["resourceVersion"])


@dataclass
class Tracker:
    """A handler that records, per key, every resourceVersion it was told about."""

    seen: dict[str, list[int]] = field(default_factory=dict)
    initial: set[str] = field(default_factory=set)
    deleted: dict[str, KubeObject | DeletedFinalStateUnknown] = field(default_factory=dict)
    resyncs: int = 0
    changed: asyncio.Event = field(default_factory=asyncio.Event)

    def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
        key = f"{NS}/{obj['metadata']['name']}"
        if is_initial_list:
            self.initial.add(key)
        self.seen.setdefault(key, []).append(rv(obj))
        self.changed.set()

    def on_update(self, old: KubeObject, new: KubeObject) -> None:
        if rv(old) == rv(new):
            self.resyncs += 1
            self.changed.set()
            return
        self.seen.setdefault(f"{NS}/{new['metadata']['name']}", []).append(rv(new))
        self.changed.set()

    def on_delete(self, obj: KubeObject | DeletedFinalStateUnknown) -> None:
        key = obj.key if isinstance(obj, DeletedFinalStateUnknown) else (
            f"{NS}/{obj['metadata']['name']}"
        )  # fmt: skip
        self.deleted[key] = obj
        self.changed.set()

    async def until(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        async with asyncio.timeout(within):
            while not predicate():
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def kube() -> AsyncIterator[FakeKube]:
    async with FakeKube(host="127.0.0.1", port=0) as k:
        yield k


@pytest.fixture
async def client(kube: FakeKube) -> AsyncIterator[KubeClient]:
    async with KubeClient.from_url(kube.url, metrics=RuntimeMetrics()) as c:
        yield c


def requests(client: KubeClient, **labels: str) -> float:
    """Sum of rest_client_requests_total over series matching ``labels``."""
    metrics = client.transport.metrics
    assert metrics is not None
    total = 0.0
    for family in metrics.registry.collect():
        for s in family.samples:
            if s.name == "rest_client_requests_total" and all(
                s.labels.get(k) == v for k, v in labels.items()
            ):
                total += s.value
    return total


async def create_many(client: KubeClient, names: list[str], concurrency: int = 32) -> list[Any]:
    sem = asyncio.Semaphore(concurrency)

    async def one(name: str) -> Any:
        async with sem:
            return await client.create(CM, configmap(name, v="0"))

    return list(await asyncio.gather(*(one(n) for n in names)))
