"""LeaseResourceLock: the Lease it writes, and resourceVersion-based optimistic concurrency.

A small in-memory stand-in for the client's get/create/update keeps this a unit test; the lock
runs against fakekube over HTTP in ``tests/integration/leader``.
"""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

import pytest

from teleop.runtime.client.errors import Conflict, NotFound
from teleop.runtime.client.objects import KubeObject, ResourceType
from teleop.runtime.leaderelection import (
    LEASES,
    LeaderElectionRecord,
    LeaseConflictError,
    LeaseNotFoundError,
    LeaseResourceLock,
    LockError,
)


class Leases:
    def __init__(self) -> None:
        self.objects: dict[str, KubeObject] = {}
        self.rv = 0
        self.requests: list[tuple[str, KubeObject | None]] = []

    async def get(self, rt: ResourceType, name: str, *, namespace: str | None = None) -> KubeObject:
        assert rt == LEASES
        self.requests.append(("get", None))
        key = f"{namespace}/{name}"
        if key not in self.objects:
            raise NotFound(404, "NotFound", "gone")
        return copy.deepcopy(self.objects[key])

    async def create(self, rt: ResourceType, obj: KubeObject) -> KubeObject:
        self.requests.append(("create", copy.deepcopy(obj)))
        key = f"{obj['metadata']['namespace']}/{obj['metadata']['name']}"
        if key in self.objects:
            raise Conflict(409, "Conflict", "stale")
        return self._store(key, obj)

    async def update(self, rt: ResourceType, obj: KubeObject) -> KubeObject:
        self.requests.append(("update", copy.deepcopy(obj)))
        key = f"{obj['metadata']['namespace']}/{obj['metadata']['name']}"
        if (
            obj["metadata"].get("resourceVersion")
            != self.objects[key]["metadata"]["resourceVersion"]
        ):
            raise Conflict(409, "Conflict", "stale")
        return self._store(key, obj)

    def _store(self, key: str, obj: KubeObject) -> KubeObject:
        self.rv += 1
        stored: dict[str, Any] = copy.deepcopy(obj)
        stored["metadata"]["resourceVersion"] = str(self.rv)
        self.objects[key] = stored
        return copy.deepcopy(stored)


T = datetime(2026, 1, 1, tzinfo=UTC)


async def test_create_get_update_carry_the_resource_version() -> None:
    leases = Leases()
    lock = LeaseResourceLock(leases, namespace="ns", name="teleop", identity="me")
    assert lock.describe() == "ns/teleop"
    with pytest.raises(LeaseNotFoundError):
        await lock.get()
    await lock.create(LeaderElectionRecord("me", 15, T, T, 0))
    _, body = leases.requests[-1]
    assert body is not None
    assert body["apiVersion"] == "coordination.k8s.io/v1"
    assert body["kind"] == "Lease"
    assert body["spec"]["renewTime"] == "2026-01-01T00:00:00.000000Z"
    await lock.update(LeaderElectionRecord("me", 15, T, T, 0))
    _, sent = leases.requests[-1]
    assert sent is not None
    assert sent["metadata"]["resourceVersion"] == "1"
    assert (await lock.get()).holder_identity == "me"


async def test_a_stale_cached_lease_conflicts() -> None:
    leases = Leases()
    a = LeaseResourceLock(leases, namespace="ns", name="l", identity="a")
    b = LeaseResourceLock(leases, namespace="ns", name="l", identity="b")
    await a.create(LeaderElectionRecord("a", 15, T, T, 0))
    await b.get()
    await a.update(LeaderElectionRecord("a", 15, T, T, 0))
    with pytest.raises(LeaseConflictError):
        await b.update(LeaderElectionRecord("b", 15, T, T, 1))


async def test_update_before_read_is_refused() -> None:
    lock = LeaseResourceLock(Leases(), namespace="ns", name="l", identity="a")
    with pytest.raises(LockError):
        await lock.update(LeaderElectionRecord("a", 15, T, T, 0))


def test_needs_namespace_name_identity() -> None:
    with pytest.raises(ValueError):
        LeaseResourceLock(Leases(), namespace="", name="l", identity="a")
