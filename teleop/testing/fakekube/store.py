"""The object store: one global resourceVersion counter, objects by resource, a bounded history.

Every committed object is kept as an immutable pair of its dict and its JSON bytes, so GETs and
lists answer stored bytes without copying or re-encoding, and a write costs one encode. The
history is a bounded deque of events (the ``history_window``, like etcd compaction plus the watch
cache): watches resume from it, and lists at an older resourceVersion (``Exact`` or a continue
token) rebuild their snapshot by undoing newer events. Anything older than the window answers
410 Expired.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from teleop.testing.fakekube.errors import expired

__all__ = ["Event", "Store", "Stored", "encode"]

Key = tuple[str, str]
ObjKey = tuple[str, str]


def encode(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class Stored:
    """One revision of an object; ``obj`` is never mutated after commit."""

    obj: dict[str, Any]
    raw: bytes
    rv: int


@dataclass(frozen=True, slots=True)
class Event:
    """A committed change. ``prev`` is the state before (None for ADDED)."""

    rv: int
    type: str
    key: Key
    namespace: str
    name: str
    obj: dict[str, Any]
    raw: bytes
    prev: dict[str, Any] | None


class Store:
    """All objects of all resources, the revision counter and the event history."""

    def __init__(self, history_window: int) -> None:
        self.rv = 1
        self.compacted_rv = 0
        self._window = max(1, history_window)
        self._objects: dict[Key, dict[ObjKey, Stored]] = {}
        self._history: deque[Event] = deque()
        self._listeners: list[Callable[[Event], None]] = []

    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def get(self, key: Key, namespace: str, name: str) -> Stored | None:
        bucket = self._objects.get(key)
        return None if bucket is None else bucket.get((namespace, name))

    def bucket(self, key: Key) -> dict[ObjKey, Stored]:
        return self._objects.setdefault(key, {})

    def count(self, key: Key) -> int:
        return len(self._objects.get(key, {}))

    def namespaces_in_use(self, namespace: str) -> Iterator[tuple[Key, Stored]]:
        for key, bucket in list(self._objects.items()):
            for (ns, _), stored in list(bucket.items()):
                if ns == namespace:
                    yield key, stored

    def has_objects_in(self, namespace: str) -> bool:
        return any(ns == namespace for bucket in self._objects.values() for (ns, _) in bucket)

    def put(self, key: Key, obj: dict[str, Any], prev: dict[str, Any] | None) -> Stored:
        """Commit ``obj`` at a new resourceVersion; ADDED if ``prev`` is None else MODIFIED."""
        self.rv += 1
        meta = obj["metadata"]
        meta["resourceVersion"] = str(self.rv)
        stored = Stored(obj, encode(obj), self.rv)
        ns = meta.get("namespace", "")
        self.bucket(key)[(ns, meta["name"])] = stored
        kind = "ADDED" if prev is None else "MODIFIED"
        self._record(Event(self.rv, kind, key, ns, meta["name"], obj, stored.raw, prev))
        return stored

    def delete(self, key: Key, last: dict[str, Any]) -> Stored:
        """Remove an object; the DELETED event carries ``last`` at the new resourceVersion."""
        self.rv += 1
        meta = last["metadata"]
        ns = meta.get("namespace", "")
        prev = self.bucket(key).pop((ns, meta["name"]))
        final = {**last, "metadata": {**meta, "resourceVersion": str(self.rv)}}
        stored = Stored(final, encode(final), self.rv)
        self._record(Event(self.rv, "DELETED", key, ns, meta["name"], final, stored.raw, prev.obj))
        return stored

    def drop_resource(self, key: Key) -> None:
        self._objects.pop(key, None)

    def _record(self, event: Event) -> None:
        if len(self._history) >= self._window:
            self.compacted_rv = self._history.popleft().rv
        self._history.append(event)
        for listener in self._listeners:
            listener(event)

    def compact(self) -> None:
        """Forget all history: any resourceVersion older than the current one is now too old."""
        self._history.clear()
        self.compacted_rv = self.rv

    def check_not_compacted(self, rv: int, message: str) -> None:
        if rv < self.compacted_rv:
            raise expired(message)

    def events_since(self, key: Key, rv: int) -> list[Event]:
        """Events of ``key`` newer than ``rv``, oldest first (caller checked compaction)."""
        out: list[Event] = []
        for ev in reversed(self._history):
            if ev.rv <= rv:
                break
            if ev.key == key:
                out.append(ev)
        out.reverse()
        return out

    def snapshot(self, key: Key, rv: int | None) -> dict[ObjKey, Stored]:
        """The objects of ``key`` as they were at ``rv`` (None: now), rebuilt from history."""
        current = self._objects.get(key, {})
        if rv is None or rv >= self.rv:
            return current
        undo = self.events_since(key, rv)
        if not undo:
            return current
        view = dict(current)
        for ev in reversed(undo):
            k = (ev.namespace, ev.name)
            if ev.type == "ADDED" or ev.prev is None:
                view.pop(k, None)
            else:
                prev = ev.prev
                view[k] = Stored(prev, encode(prev), int(prev["metadata"]["resourceVersion"]))
        return view
