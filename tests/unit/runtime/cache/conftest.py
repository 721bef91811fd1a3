"""Helpers for informer unit tests: a recording handler and an informer fed by hand.

The informer's reflector is pointed at a closed loopback port and runs on a FakeClock, so it
fails to list and parks in its backoff; the test feeds the informer through its public
``ReflectorSink`` methods (``replace``/``apply``) and observes handlers and cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from teleop.runtime.cache.events import DeletedFinalStateUnknown
from teleop.runtime.cache.informer import SharedInformer
from teleop.runtime.client.objects import KubeObject, ResourceType
from teleop.runtime.client.rest import KubeClient
from teleop.testing.clock import FakeClock, settle

CM = ResourceType("", "v1", "configmaps", "ConfigMap")


def cm(name: str, rv: int, ns: str = "ns", **extra: Any) -> KubeObject:
    return {"metadata": {"name": name, "namespace": ns, "resourceVersion": str(rv)}, **extra}


@dataclass
class Recorder:
    """Remembers every call as a tuple; ``name`` of each object and its resourceVersion."""

    calls: list[tuple[Any, ...]] = field(default_factory=list)

    def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
        self.calls.append(("add", _id(obj), is_initial_list))

    def on_update(self, old: KubeObject, new: KubeObject) -> None:
        self.calls.append(("update", _id(old), _id(new)))

    def on_delete(self, obj: KubeObject | DeletedFinalStateUnknown) -> None:
        if isinstance(obj, DeletedFinalStateUnknown):
            self.calls.append(("tombstone", obj.key, _id(obj.obj)))
        else:
            self.calls.append(("delete", _id(obj)))


def _id(obj: KubeObject) -> str:
    m = obj["metadata"]
    return f"{m['name']}@{m['resourceVersion']}"


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@dataclass
class Fed:
    informer: SharedInformer
    clock: FakeClock
    client: KubeClient

    async def settle(self) -> None:
        await settle(50)


@pytest.fixture
async def fed() -> AsyncIterator[Fed]:
    clock = FakeClock()
    async with KubeClient.from_url(closed_port_url(), clock=clock) as client:
        informer = SharedInformer(client, CM, clock=clock, resync_period=60)
        task = asyncio.create_task(informer.run())
        try:
            yield Fed(informer, clock, client)
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
