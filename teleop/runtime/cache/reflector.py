"""The reflector: keeps a sink in step with the API server by listing, then watching.

It follows client-go's ``Reflector.ListAndWatch`` behaviour (re-implemented from its documented
semantics):

- LIST in pages of 500 (``limit``/``continue``; continue pages carry no resourceVersion). The
  first list asks for resourceVersion "0" (the server may answer from its watch cache); a list
  after an expiry asks for "" (a consistent read). The whole result goes to ``sink.replace``,
  which turns vanished keys into synthetic deletes.
- WATCH from the list's resourceVersion with ``allowWatchBookmarks=true`` and a
  ``timeoutSeconds`` drawn from [300, 600] so that many watchers do not reconnect in step.
  BOOKMARK events only advance the remembered resourceVersion.
- When a watch ends, drops or fails, wait a jittered exponential backoff (0.8 s doubling to 30 s,
  reset after 2 min without trouble) and watch again from the last resourceVersion seen, without
  relisting. A watch that ends within 1 s having delivered nothing counts as an error (it is
  logged as such and keeps the backoff growing). 429 waits at least the server's Retry-After.
- 410 Gone/Expired, as an HTTP status or as an ERROR event inside the stream, means the
  resourceVersion was compacted away: relist with resourceVersion "" and carry on.

The reflector never gives up; it runs until cancelled.
"""

from __future__ import annotations

import contextlib
import logging
import random
from dataclasses import dataclass
from typing import Protocol

from teleop.runtime.cache.backoff import Backoff, BackoffPolicy
from teleop.runtime.cache.transform import Transform
from teleop.runtime.client.errors import ApiError, Gone, TooManyRequests
from teleop.runtime.client.objects import KubeObject, ResourceType
from teleop.runtime.client.rest import KubeClient
from teleop.runtime.client.watch import BOOKMARK
from teleop.runtime.clock import Clock

__all__ = ["Reflector", "ReflectorSink", "ReflectorStats"]

_log = logging.getLogger(__name__)

SHORT_WATCH_SECONDS = 1.0


class ReflectorSink(Protocol):
    """Where the reflector delivers what it learns (the informer's delta queue)."""

    def replace(self, items: list[KubeObject], resource_version: str) -> None:
        """The complete current set of objects, as of ``resource_version``."""
        ...

    def apply(self, event_type: str, obj: KubeObject) -> None:
        """One watch event: ADDED, MODIFIED or DELETED."""
        ...


@dataclass(slots=True)
class ReflectorStats:
    """Counters for tests, benchmarks and debugging."""

    lists: int = 0
    list_pages: int = 0
    relists_after_expiry: int = 0
    watches: int = 0
    watch_errors: int = 0
    short_watches: int = 0
    events: int = 0
    bookmarks: int = 0


class _ShortWatchError(Exception):
    pass


class Reflector:
    """Lists and watches one resource type (optionally one namespace / selector) into a sink."""

    def __init__(
        self,
        client: KubeClient,
        resource_type: ResourceType,
        sink: ReflectorSink,
        *,
        clock: Clock,
        namespace: str | None = None,
        label_selector: str | None = None,
        field_selector: str | None = None,
        page_size: int = 500,
        initial_list_resource_version: str = "0",
        backoff: BackoffPolicy | None = None,
        watch_timeout_range: tuple[int, int] = (300, 600),
        transform: Transform | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self._client = client
        self.resource_type = resource_type
        self._sink = sink
        self._clock = clock
        self.namespace = namespace
        self.label_selector = label_selector
        self.field_selector = field_selector
        self.page_size = page_size
        self.initial_list_resource_version = initial_list_resource_version
        self._rng = rng if rng is not None else random.Random()
        self._backoff = Backoff(backoff or BackoffPolicy(), clock=clock, rng=self._rng)
        self.watch_timeout_range = watch_timeout_range
        self.transform = transform
        self.last_resource_version = ""
        self.stats = ReflectorStats()

    def __repr__(self) -> str:
        where = f" in {self.namespace}" if self.namespace else ""
        return f"Reflector({self.resource_type}{where})"

    async def run(self) -> None:
        """List, then watch forever; returns only by cancellation."""
        list_rv: str | None = self.initial_list_resource_version
        while True:
            if list_rv is not None:
                try:
                    await self._list(list_rv)
                except Gone:
                    _log.info("%r: list expired, listing again from the latest state", self)
                    list_rv = ""
                    await self._backoff.wait()
                    continue
                except ApiError as e:
                    _log.warning("%r: list failed: %s", self, e)
                    await self._backoff.wait(_retry_after(e))
                    continue
                list_rv = None
            try:
                await self._watch()
            except Gone:
                _log.info("%r: watch expired at %s, relisting", self, self.last_resource_version)
                self.stats.relists_after_expiry += 1
                list_rv = ""
                continue
            except _ShortWatchError:
                self.stats.short_watches += 1
                self.stats.watch_errors += 1
                _log.warning("%r: watch closed at once with no events", self)
            except ApiError as e:
                self.stats.watch_errors += 1
                _log.info("%r: watch failed, watching again: %s", self, e)
                await self._backoff.wait(_retry_after(e))
                continue
            await self._backoff.wait()

    async def _list(self, resource_version: str) -> None:
        self.stats.lists += 1
        items: list[KubeObject] = []
        continue_token: str | None = None
        list_rv = ""
        while True:
            page = await self._client.list(
                self.resource_type,
                namespace=self.namespace,
                label_selector=self.label_selector,
                field_selector=self.field_selector,
                limit=self.page_size,
                continue_=continue_token,
                resource_version=resource_version if continue_token is None else None,
            )
            self.stats.list_pages += 1
            transform = self.transform
            page_items: list[KubeObject] = page["items"]
            items.extend(page_items if transform is None else map(transform, page_items))
            page_meta = page.get("metadata") or {}
            list_rv = str(page_meta.get("resourceVersion") or list_rv)
            continue_token = page_meta.get("continue") or None
            if continue_token is None:
                break
        self.last_resource_version = list_rv
        self._sink.replace(items, list_rv)

    async def _watch(self) -> None:
        lo, hi = self.watch_timeout_range
        timeout = self._rng.randint(lo, hi)
        started = self._clock.monotonic()
        seen = 0
        self.stats.watches += 1
        stream = self._client.watch(
            self.resource_type,
            namespace=self.namespace,
            resource_version=self.last_resource_version,
            allow_watch_bookmarks=True,
            timeout_seconds=timeout,
            label_selector=self.label_selector,
            field_selector=self.field_selector,
        )
        transform = self.transform
        sink = self._sink
        async with contextlib.aclosing(stream):
            async for event in stream:
                seen += 1
                rv = event.resource_version
                if event.type == BOOKMARK:
                    self.stats.bookmarks += 1
                else:
                    self.stats.events += 1
                    sink.apply(
                        event.type, event.object if transform is None else transform(event.object)
                    )
                if rv:
                    self.last_resource_version = rv
        if seen == 0 and self._clock.monotonic() - started < SHORT_WATCH_SECONDS:
            raise _ShortWatchError


def _retry_after(e: ApiError) -> float:
    if isinstance(e, TooManyRequests) and e.retry_after is not None:
        return e.retry_after
    return 0.0
