"""An in-memory ``LeaseLock`` for unit tests: one shared record with a version, one lock per elector.

Each lock remembers the version it last read or wrote and updates only if the store still has
it, as a Lease update with a resourceVersion would (409 otherwise). Every call yields to the
event loop once so that concurrent electors interleave. ``fail``/``hang`` make one elector's
requests error or block, to simulate a broken or frozen leader. ``WatchingMemoryLock`` adds the
optional ``watch`` (``WatchableLeaseLock``): the current record, then every write, as it happens;
``watch_fail`` makes it raise (a broken watch).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

from teleop.runtime.leaderelection import (
    LeaderElectionRecord,
    LeaseConflictError,
    LeaseNotFoundError,
    LockError,
)


@dataclass
class MemoryLeaseStore:
    record: LeaderElectionRecord | None = None
    version: int = 0
    writes: list[tuple[str, LeaderElectionRecord]] = field(default_factory=list)
    watchers: list[asyncio.Queue[LeaderElectionRecord]] = field(default_factory=list)

    def put(self, record: LeaderElectionRecord, who: str = "test") -> None:
        self.record = record
        self.version += 1
        self.writes.append((who, record))
        for queue in self.watchers:
            queue.put_nowait(record)


class MemoryLock:
    def __init__(self, store: MemoryLeaseStore, identity: str) -> None:
        self.store = store
        self._identity = identity
        self._version: int | None = None
        self.fail = False
        self.hang = False
        self.calls: list[str] = []
        self.events: list[str] = []
        self.barrier: asyncio.Barrier | None = None

    @property
    def identity(self) -> str:
        return self._identity

    def describe(self) -> str:
        return "default/memory"

    async def _enter(self, op: str) -> None:
        self.calls.append(op)
        await asyncio.sleep(0)
        if self.hang:
            await asyncio.Event().wait()
        if self.fail:
            raise LockError(f"{op}: injected failure")

    async def get(self) -> LeaderElectionRecord:
        await self._enter("get")
        if self.store.record is None:
            raise LeaseNotFoundError("not found")
        self._version = self.store.version
        record = self.store.record
        if self.barrier is not None:  # wait until every racer has read the same version
            barrier, self.barrier = self.barrier, None
            await barrier.wait()
        return record

    async def create(self, record: LeaderElectionRecord) -> None:
        await self._enter("create")
        if self.store.record is not None:
            raise LockError("already exists")
        self.store.put(record, self._identity)
        self._version = self.store.version

    async def update(self, record: LeaderElectionRecord) -> None:
        await self._enter("update")
        if self._version is None:
            raise LockError("not initialised")
        if self._version != self.store.version:
            raise LeaseConflictError("conflict")
        self.store.put(record, self._identity)
        self._version = self.store.version

    def record_event(self, message: str) -> None:
        self.events.append(message)


class WatchingMemoryLock(MemoryLock):
    def __init__(self, store: MemoryLeaseStore, identity: str) -> None:
        super().__init__(store, identity)
        self.watch_fail = False
        self.watch_error: Exception | None = None
        self.watches = 0

    async def watch(self) -> AsyncIterator[LeaderElectionRecord]:
        self.watches += 1
        if self.watch_error is not None:
            raise self.watch_error
        if self.watch_fail:
            raise LockError("watch: injected failure")
        queue: asyncio.Queue[LeaderElectionRecord] = asyncio.Queue()
        self.store.watchers.append(queue)
        try:
            if self.store.record is not None:
                yield self.store.record
            while True:
                record = await queue.get()
                if self.watch_fail:
                    raise LockError("watch: injected failure")
                yield record
        finally:
            self.store.watchers.remove(queue)
