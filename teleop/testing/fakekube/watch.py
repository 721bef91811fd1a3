"""Watchers and the hub that fans committed events out to them.

The store calls ``WatchHub.publish`` synchronously for every commit, so a watcher registered in
the same step as its initial snapshot (or history replay) can never miss or duplicate an event.
Each watcher filters by namespace and selectors at publish time and turns selector transitions
into the events a real server sends: an object that stops matching arrives as DELETED carrying its
previous state at the new resourceVersion, one that starts matching arrives as ADDED. Queues are
bounded: a watcher that falls ``queue_limit`` events behind is closed, as kube-apiserver's cacher
closes slow watchers, so one stuck client can never stall writes.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass
from typing import Any

from teleop.testing.fakekube.selectors import FieldSelector, LabelSelector
from teleop.testing.fakekube.store import Event

__all__ = ["WatchHub", "WatchItem", "Watcher"]


@dataclass(frozen=True, slots=True)
class WatchItem:
    """One event to send: ``raw`` is the stored encoding when ``obj`` is the stored revision."""

    type: str
    obj: dict[str, Any]
    raw: bytes | None
    rv: int


class Watcher:
    """One open watch: its filters, its bounded queue and its close reason."""

    def __init__(
        self,
        key: tuple[str, str],
        namespace: str | None,
        labels: LabelSelector,
        fields: FieldSelector,
        queue_limit: int,
    ) -> None:
        self.key = key
        self.namespace = namespace
        self.labels = labels
        self.fields = fields
        self.queue: deque[WatchItem] = deque()
        self.queue_limit = queue_limit
        self.closed: str | None = None
        self.wake = asyncio.Event()

    def matches(self, obj: dict[str, Any] | None) -> bool:
        if obj is None:
            return False
        if self.namespace is not None and obj["metadata"].get("namespace", "") != self.namespace:
            return False
        return self.labels.matches(obj) and self.fields.matches(obj)

    def push(self, item: WatchItem) -> None:
        if self.closed is not None:
            return
        if len(self.queue) >= self.queue_limit:
            self.close("too slow")
            return
        self.queue.append(item)
        self.wake.set()

    def offer(self, ev: Event) -> None:
        if ev.namespace and self.namespace is not None and ev.namespace != self.namespace:
            return
        now = self.matches(ev.obj)
        if ev.type == "DELETED":
            if now:
                self.push(WatchItem("DELETED", ev.obj, ev.raw, ev.rv))
            return
        before = ev.prev is not None and self.matches(ev.prev)
        if now and (ev.type == "ADDED" or before):
            self.push(WatchItem(ev.type, ev.obj, ev.raw, ev.rv))
        elif now:
            self.push(WatchItem("ADDED", ev.obj, ev.raw, ev.rv))
        elif before and ev.prev is not None:
            prev = ev.prev
            gone = {**prev, "metadata": {**prev["metadata"], "resourceVersion": str(ev.rv)}}
            self.push(WatchItem("DELETED", gone, None, ev.rv))

    def close(self, reason: str) -> None:
        if self.closed is None:
            self.closed = reason
        self.wake.set()


class WatchHub:
    """Open watchers by resource; the store's listener."""

    def __init__(self) -> None:
        self._watchers: dict[tuple[str, str], set[Watcher]] = {}

    def add(self, watcher: Watcher) -> None:
        self._watchers.setdefault(watcher.key, set()).add(watcher)

    def remove(self, watcher: Watcher) -> None:
        bucket = self._watchers.get(watcher.key)
        if bucket is not None:
            bucket.discard(watcher)

    def publish(self, ev: Event) -> None:
        bucket = self._watchers.get(ev.key)
        if bucket:
            for watcher in list(bucket):
                watcher.offer(ev)

    def count(self) -> int:
        return sum(len(b) for b in self._watchers.values())

    def close_all(self, reason: str) -> None:
        for bucket in self._watchers.values():
            for watcher in list(bucket):
                watcher.close(reason)

    def close_resource(self, key: tuple[str, str], reason: str) -> None:
        for watcher in list(self._watchers.get(key, ())):
            watcher.close(reason)
