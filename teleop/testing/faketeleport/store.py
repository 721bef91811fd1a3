"""faketeleport's in-memory backend: one table per kind, Teleport's write semantics, events.

Teleport's backend gives every write a fresh opaque revision and its services build four write
verbs on it; the store reproduces exactly those, because they are what an operator depends on:

- ``create``: ALREADY_EXISTS when the name is taken (``<kind> <name> already exists``);
- ``update``: NOT_FOUND when absent; FAILED_PRECONDITION (CompareFailed) when the request carries
  a revision different from the stored one (an empty revision updates unconditionally, as
  Teleport's legacy ``Update*`` does);
- ``upsert``: write whatever is there;
- ``delete``: NOT_FOUND when absent (``<kind> <name> is not found``).

Stored objects are copies of protobuf messages; the caller tells the store where the message keeps
its ``types.Metadata`` (``Metadata`` for legacy resources, ``metadata`` for RFD 153 ones, or a
header), through a ``Kind``. Every accepted write is appended to the ``WriteLog`` and published to
watchers (``subscribe``) as a put or delete event; a watcher whose queue overflows is dropped,
which mirrors Teleport closing a slow watcher.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

from google.protobuf.message import Message

from teleop.teleport.errors import AlreadyExists, BadParameter, CompareFailed, NotFound
from teleop.testing.faketeleport.writelog import WriteLog, WriteRecord

__all__ = ["Event", "Kind", "Store"]

M = TypeVar("M", bound=Message)

REVISION_MISMATCH = "resource revision does not match, it may have been concurrently modified"


@dataclass(frozen=True)
class Kind:
    """A resource kind: its Teleport name and where its ``types.Metadata`` lives."""

    name: str
    metadata: Callable[[Any], Any]

    def meta_name(self, obj: Message) -> str:
        return str(self.metadata(obj).Name)


@dataclass(frozen=True)
class Event:
    """A change: ``op`` is ``put`` or ``delete``; ``obj`` is the stored (or last) object."""

    op: Literal["put", "delete"]
    kind: str
    name: str
    obj: Message


class Store:
    """Tables of protobuf messages keyed by kind and name."""

    def __init__(
        self, log: WriteLog, now: Callable[[], datetime], *, queue_size: int = 1000
    ) -> None:
        self._tables: dict[str, dict[str, Message]] = {}
        self._log = log
        self._now = now
        self._watchers: set[asyncio.Queue[Event | None]] = set()
        self._queue_size = queue_size

    def _table(self, kind: Kind) -> dict[str, Message]:
        return self._tables.setdefault(kind.name, {})

    def get(self, kind: Kind, name: str) -> Any:
        """A copy of the stored object (typed ``Any``: the kind fixes its message type)."""
        obj = self._table(kind).get(name)
        if obj is None:
            raise NotFound(f"{kind.name} {name} is not found")
        return _copy(obj)

    def find(self, kind: Kind, name: str) -> Any:
        obj = self._table(kind).get(name)
        return None if obj is None else _copy(obj)

    def list(self, kind: Kind) -> list[Any]:
        return [_copy(o) for _, o in sorted(self._table(kind).items())]

    def create(self, kind: Kind, obj: M, *, method: str, caller: str) -> M:
        name = self._name(kind, obj)
        if name in self._table(kind):
            raise AlreadyExists(f"{kind.name} {name} already exists")
        return self._put(kind, name, obj, method=method, caller=caller)

    def update(self, kind: Kind, obj: M, *, method: str, caller: str) -> M:
        name = self._name(kind, obj)
        current = self._table(kind).get(name)
        if current is None:
            raise NotFound(f"{kind.name} {name} is not found")
        want = kind.metadata(obj).Revision
        if want and want != kind.metadata(current).Revision:
            raise CompareFailed(REVISION_MISMATCH)
        return self._put(kind, name, obj, method=method, caller=caller)

    def upsert(self, kind: Kind, obj: M, *, method: str, caller: str) -> M:
        return self._put(kind, self._name(kind, obj), obj, method=method, caller=caller)

    def delete(self, kind: Kind, name: str, *, method: str, caller: str) -> None:
        table = self._table(kind)
        if name not in table:
            raise NotFound(f"{kind.name} {name} is not found")
        old = table.pop(name)
        self._record(method, kind.name, name, "", caller)
        self._publish(Event("delete", kind.name, name, old))

    def _name(self, kind: Kind, obj: Message) -> str:
        name = kind.meta_name(obj)
        if not name:
            raise BadParameter("missing parameter Name")
        return name

    def _put(self, kind: Kind, name: str, obj: M, *, method: str, caller: str) -> M:
        stored = _copy(obj)
        revision = str(uuid.uuid4())
        kind.metadata(stored).Revision = revision
        self._table(kind)[name] = stored
        self._record(method, kind.name, name, revision, caller)
        self._publish(Event("put", kind.name, name, _copy(stored)))
        return _copy(stored)

    def _record(self, method: str, kind: str, name: str, revision: str, caller: str) -> None:
        self._log.append(WriteRecord(method, kind, name, revision, self._now(), caller))

    def _publish(self, event: Event) -> None:
        for q in list(self._watchers):
            try:
                q.put_nowait(event)
            except asyncio.QueueFull:
                self._watchers.discard(q)
                _close_queue(q)

    @contextmanager
    def subscribe(self) -> Iterator[asyncio.Queue[Event | None]]:
        """A queue of events from now on; ``None`` in it means the watcher was dropped."""
        q: asyncio.Queue[Event | None] = asyncio.Queue(self._queue_size)
        self._watchers.add(q)
        try:
            yield q
        finally:
            self._watchers.discard(q)

    def close_watchers(self) -> None:
        """End every watch (used on shutdown)."""
        for q in list(self._watchers):
            _close_queue(q)
        self._watchers.clear()


def _close_queue(q: asyncio.Queue[Event | None]) -> None:
    while not q.empty():
        q.get_nowait()
    q.put_nowait(None)


def _copy(obj: M) -> M:
    out = type(obj)()
    out.CopyFrom(obj)
    return out
