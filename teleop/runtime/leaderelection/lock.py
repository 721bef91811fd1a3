"""The lock the elector competes for, and its implementation on a ``coordination.k8s.io/v1`` Lease.

``LeaseLock`` is the protocol (client-go's ``resourcelock.Interface``): get, create and update one
``LeaderElectionRecord``. Keeping the elector behind it lets unit tests run the whole election
algorithm against an in-memory lock and a ``FakeClock``.

``LeaseResourceLock`` stores the record in a Lease. Like client-go's ``LeaseLock`` it keeps the
Lease object it last read or wrote and sends *that* object back on update, so the server checks
``metadata.resourceVersion``: when somebody else wrote the Lease in between, the update fails with
409 (``LeaseConflictError``) instead of silently overwriting the other holder. That cached object
is also what makes the leader's fast-path renewal possible (an Update without a Get).

``WatchableLeaseLock`` is the optional extension a standby uses to learn of every change at once
(a renewal, a release) instead of at its next poll. ``LeaseResourceLock.watch`` watches the one
Lease by field selector; it only *reports* records and never touches the cached object that the
next update is based on, so optimistic concurrency still rests on what the elector last read.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any, Protocol, runtime_checkable

from teleop.runtime.client.errors import is_conflict, is_not_found
from teleop.runtime.client.objects import KubeObject, ResourceType
from teleop.runtime.client.watch import WatchEvent
from teleop.runtime.leaderelection.record import (
    LeaderElectionRecord,
    record_from_lease_spec,
    record_to_lease_spec,
)

__all__ = [
    "LEASES",
    "LeaseClient",
    "LeaseConflictError",
    "LeaseLock",
    "LeaseNotFoundError",
    "LeaseResourceLock",
    "LockError",
    "LockEventRecorder",
    "WatchableLeaseLock",
]

WATCH_TIMEOUT_SECONDS = 300
"""Server-side bound of one Lease watch; the elector re-watches when it ends."""

LEASES = ResourceType("coordination.k8s.io", "v1", "leases", "Lease", namespaced=True)


class LockError(Exception):
    """A lock operation failed; the elector treats it as a failed attempt and retries."""


class LeaseNotFoundError(LockError):
    """The lock object does not exist yet (the elector then creates it)."""


class LeaseConflictError(LockError):
    """Somebody else changed the lock since we read it (HTTP 409): we lost the race."""


class LeaseLock(Protocol):
    """One leader election record, read and written atomically."""

    @property
    def identity(self) -> str:
        """Who we are: the holderIdentity we write when we lead."""
        ...

    def describe(self) -> str:
        """``namespace/name`` of the lock, for logs and metric labels."""
        ...

    async def get(self) -> LeaderElectionRecord:
        """The current record; ``LeaseNotFoundError`` when the lock does not exist."""
        ...

    async def create(self, record: LeaderElectionRecord) -> None:
        """Create the lock holding ``record``."""
        ...

    async def update(self, record: LeaderElectionRecord) -> None:
        """Replace the record, failing with ``LeaseConflictError`` if it changed since read."""
        ...

    def record_event(self, message: str) -> None:
        """Note a transition ("became leader") on the lock object, best effort."""
        ...


@runtime_checkable
class WatchableLeaseLock(Protocol):
    """A lock that can also stream its record's changes (optional for ``LeaseLock``s)."""

    def watch(self) -> AsyncIterator[LeaderElectionRecord]:
        """Yield the current record and then every change, until the stream ends or fails.

        A deleted lock is not reported (the next poll creates it). Errors propagate: the elector
        re-watches after a pause and keeps polling meanwhile.
        """
        ...


class LeaseClient(Protocol):
    """What the Lease lock needs from ``teleop.runtime.client.KubeClient``."""

    async def get(
        self, rt: ResourceType, name: str, *, namespace: str | None = ...
    ) -> KubeObject: ...

    async def create(self, rt: ResourceType, obj: KubeObject) -> KubeObject: ...

    async def update(self, rt: ResourceType, obj: KubeObject) -> KubeObject: ...

    def watch(
        self,
        rt: ResourceType,
        *,
        namespace: str | None = ...,
        timeout_seconds: int | None = ...,
        field_selector: str | None = ...,
    ) -> AsyncGenerator[WatchEvent, None]: ...


class LockEventRecorder(Protocol):
    """What the lock needs to record "became leader" events (``teleop.runtime.event``)."""

    def event(self, obj: KubeObject, type: str, reason: str, message: str) -> None: ...


def _translate(exc: Exception, what: str) -> LockError:
    if is_not_found(exc):
        return LeaseNotFoundError(f"{what}: not found")
    if is_conflict(exc):
        return LeaseConflictError(f"{what}: conflict: {exc}")
    return LockError(f"{what}: {exc}")


class LeaseResourceLock:
    """A ``LeaseLock`` on the Lease ``namespace/name``, written through ``client``."""

    def __init__(
        self,
        client: LeaseClient,
        *,
        namespace: str,
        name: str,
        identity: str,
        recorder: LockEventRecorder | None = None,
    ) -> None:
        if not namespace or not name or not identity:
            raise ValueError("a Lease lock needs a namespace, a name and an identity")
        self._client = client
        self._namespace = namespace
        self._name = name
        self._identity = identity
        self._recorder = recorder
        self._lease: KubeObject | None = None

    @property
    def identity(self) -> str:
        return self._identity

    def describe(self) -> str:
        return f"{self._namespace}/{self._name}"

    async def get(self) -> LeaderElectionRecord:
        try:
            lease = await self._client.get(LEASES, self._name, namespace=self._namespace)
        except Exception as exc:
            raise _translate(exc, f"get lease {self.describe()}") from exc
        self._lease = lease
        return record_from_lease_spec(lease.get("spec"))

    async def create(self, record: LeaderElectionRecord) -> None:
        body: KubeObject = {
            "apiVersion": LEASES.api_version,
            "kind": LEASES.kind,
            "metadata": {"name": self._name, "namespace": self._namespace},
            "spec": record_to_lease_spec(record),
        }
        try:
            self._lease = await self._client.create(LEASES, body)
        except Exception as exc:
            raise _translate(exc, f"create lease {self.describe()}") from exc

    async def update(self, record: LeaderElectionRecord) -> None:
        if self._lease is None:
            raise LockError("lease not initialised: call get or create first")
        body = copy.deepcopy(self._lease)
        spec: dict[str, Any] = dict(body.get("spec") or {})
        spec.update(record_to_lease_spec(record))
        body["spec"] = spec
        try:
            self._lease = await self._client.update(LEASES, body)
        except Exception as exc:
            raise _translate(exc, f"update lease {self.describe()}") from exc

    async def watch(self) -> AsyncIterator[LeaderElectionRecord]:
        """Watch this one Lease (``metadata.name`` field selector); see ``WatchableLeaseLock``."""
        events = self._client.watch(
            LEASES,
            namespace=self._namespace,
            timeout_seconds=WATCH_TIMEOUT_SECONDS,
            field_selector=f"metadata.name={self._name}",
        )
        async with aclosing(events) as stream:
            async for event in stream:
                if event.type in ("ADDED", "MODIFIED"):
                    yield record_from_lease_spec(event.object.get("spec"))

    def record_event(self, message: str) -> None:
        if self._recorder is None or self._lease is None:
            return
        self._recorder.event(self._lease, "Normal", "LeaderElection", f"{self._identity} {message}")
