"""The shared informer: one reflector, one cache and one ordered event stream per resource type.

The reflector appends what it learns (a full list, or one watch event) to a FIFO of deltas; one
dispatcher task pops them in order, applies each to the ``Store`` and then calls every handler,
so every handler sees every change once, in the order the server made them (client-go's
``RealFIFO``/in-order informers). Because the store changes only in the dispatcher, "what is
cached" and "what handlers have been told" never disagree, which gives two properties:

- A handler added late receives synthetic ``on_add(obj, is_initial_list=True)`` calls for what
  is cached, queued at the *front* of the FIFO, ahead of deltas not yet applied.
- A relist becomes ``on_add``/``on_update(old, new)`` for listed objects plus
  ``on_delete(DeletedFinalStateUnknown)`` for cached keys the list no longer has.

``has_synced`` turns true once the first list has been delivered to the handlers. A resync
(``resync_period``) replays the cache as ``on_update(obj, obj)`` with no API traffic. Objects
pass through ``transform`` (default: strip managedFields) before they are cached. Handlers run
on the dispatcher task and must not block; an exception from one is logged and does not stop
the others. The dispatcher yields to the loop every few hundred deltas so a large list does not
starve other tasks.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections import deque
from dataclasses import dataclass

from teleop.runtime.cache.backoff import BackoffPolicy
from teleop.runtime.cache.events import DeletedFinalStateUnknown, ResourceEventHandler
from teleop.runtime.cache.lister import Lister
from teleop.runtime.cache.reflector import Reflector, ReflectorStats
from teleop.runtime.cache.store import Store
from teleop.runtime.cache.transform import Transform, strip_managed_fields
from teleop.runtime.client.objects import KubeObject, ResourceType, object_key
from teleop.runtime.client.rest import KubeClient
from teleop.runtime.client.watch import ADDED, DELETED, MODIFIED
from teleop.runtime.clock import Clock, SystemClock

__all__ = ["SharedInformer"]

_log = logging.getLogger(__name__)

_YIELD_EVERY = 256


@dataclass(slots=True)
class _Replace:
    items: list[KubeObject]
    initial: bool


@dataclass(slots=True)
class _Upsert:
    obj: KubeObject
    initial: bool


@dataclass(slots=True)
class _Delete:
    obj: KubeObject | DeletedFinalStateUnknown


@dataclass(slots=True)
class _InitialAdd:
    handler: ResourceEventHandler
    obj: KubeObject


class _Resync:
    __slots__ = ()


class _Synced:
    __slots__ = ()


_Delta = _Replace | _Upsert | _Delete | _InitialAdd | _Resync | _Synced


class SharedInformer:
    """Watches one resource type (optionally one namespace / label selector) for many handlers."""

    def __init__(
        self,
        client: KubeClient,
        resource_type: ResourceType,
        *,
        namespace: str | None = None,
        label_selector: str | None = None,
        field_selector: str | None = None,
        resync_period: float | None = None,
        clock: Clock | None = None,
        transform: Transform | None = strip_managed_fields,
        page_size: int = 500,
        initial_list_resource_version: str = "0",
        backoff: BackoffPolicy | None = None,
        watch_timeout_range: tuple[int, int] = (300, 600),
        rng: random.Random | None = None,
    ) -> None:
        self.resource_type = resource_type
        self.namespace = namespace
        self.resync_period = resync_period
        self._clock: Clock = clock if clock is not None else SystemClock()
        self.store = Store()
        self.lister = Lister(self.store, resource_type)
        self._handlers: tuple[ResourceEventHandler, ...] = ()
        self._fifo: deque[_Delta] = deque()
        self._wakeup = asyncio.Event()
        self._synced = asyncio.Event()
        self._listed_once = False
        self._running = False
        self._stop = asyncio.Event()
        self.reflector = Reflector(
            client,
            resource_type,
            self,
            clock=self._clock,
            namespace=namespace,
            label_selector=label_selector,
            field_selector=field_selector,
            page_size=page_size,
            initial_list_resource_version=initial_list_resource_version,
            backoff=backoff,
            watch_timeout_range=watch_timeout_range,
            transform=transform,
            rng=rng,
        )

    def __repr__(self) -> str:
        where = f" in {self.namespace}" if self.namespace else ""
        return f"SharedInformer({self.resource_type}{where})"

    @property
    def stats(self) -> ReflectorStats:
        return self.reflector.stats

    # -- public API --------------------------------------------------------------------------

    def add_event_handler(self, handler: ResourceEventHandler) -> None:
        """Register ``handler``; it first receives an ``on_add`` for each cached object."""
        self._handlers = (*self._handlers, handler)
        if len(self.store):
            self._fifo.extendleft(reversed([_InitialAdd(handler, o) for o in self.store.list()]))
            self._wakeup.set()

    def remove_event_handler(self, handler: ResourceEventHandler) -> None:
        self._handlers = tuple(h for h in self._handlers if h is not handler)

    def has_synced(self) -> bool:
        """True once the first list is in the cache and has been delivered to the handlers."""
        return self._synced.is_set()

    async def wait_for_sync(self, timeout: float | None = None) -> bool:  # noqa: ASYNC109
        """Wait until synced; False if ``timeout`` seconds (on the clock) pass first."""
        if self._synced.is_set():
            return True
        if timeout is None:
            await self._synced.wait()
            return True
        waiter = asyncio.ensure_future(self._synced.wait())
        sleeper = asyncio.ensure_future(self._clock.sleep(timeout))
        try:
            await asyncio.wait((waiter, sleeper), return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
            sleeper.cancel()
        return self._synced.is_set()

    def stop(self) -> None:
        """Make ``run`` return."""
        self._stop.set()

    async def run(self) -> None:
        """Run the reflector, the dispatcher and the resync timer until ``stop()`` or cancel."""
        if self._running:
            raise RuntimeError(f"{self!r} is already running")
        self._running = True
        self._stop.clear()
        try:
            async with asyncio.TaskGroup() as tg:
                tasks = [
                    tg.create_task(self.reflector.run(), name=f"{self!r} reflector"),
                    tg.create_task(self._dispatch(), name=f"{self!r} dispatcher"),
                ]
                if self.resync_period:
                    tasks.append(tg.create_task(self._resync_loop(self.resync_period)))
                await self._stop.wait()
                for t in tasks:
                    t.cancel()
        finally:
            self._running = False

    # -- ReflectorSink -----------------------------------------------------------------------

    def replace(self, items: list[KubeObject], resource_version: str) -> None:
        self._fifo.append(_Replace(items, initial=not self._listed_once))
        self._listed_once = True
        self._wakeup.set()

    def apply(self, event_type: str, obj: KubeObject) -> None:
        if event_type in (ADDED, MODIFIED):
            self._fifo.append(_Upsert(obj, initial=False))
        elif event_type == DELETED:
            self._fifo.append(_Delete(obj))
        else:
            _log.warning("%r: ignoring watch event of type %s", self, event_type)
            return
        self._wakeup.set()

    # -- the dispatcher ----------------------------------------------------------------------

    async def _dispatch(self) -> None:
        fifo = self._fifo
        n = 0
        while True:
            while not fifo:
                self._wakeup.clear()
                await self._wakeup.wait()
            self._process(fifo.popleft())
            n += 1
            if n % _YIELD_EVERY == 0:
                await asyncio.sleep(0)

    def _process(self, delta: _Delta) -> None:
        if isinstance(delta, _Upsert):
            old = self.store.put(delta.obj)
            for h in self._handlers:
                self._call(h, old, delta.obj, delta.initial)
        elif isinstance(delta, _Delete):
            obj = delta.obj
            key = obj.key if isinstance(obj, DeletedFinalStateUnknown) else object_key(obj)
            self.store.delete(key)
            for h in self._handlers:
                try:
                    h.on_delete(obj)
                except Exception:
                    _log.exception("%r: handler %r failed in on_delete", self, h)
        elif isinstance(delta, _Replace):
            self._expand_replace(delta)
        elif isinstance(delta, _InitialAdd):
            if delta.handler in self._handlers:
                self._call(delta.handler, None, delta.obj, True)
        elif isinstance(delta, _Resync):
            for obj in self.store.list():
                for h in self._handlers:
                    self._call(h, obj, obj, False)
        else:
            self._synced.set()

    def _expand_replace(self, delta: _Replace) -> None:
        """Turn a full list into per-object deltas at the front of the FIFO."""
        listed: set[str] = set()
        expanded: list[_Delta] = []
        for obj in delta.items:
            listed.add(object_key(obj))
            expanded.append(_Upsert(obj, initial=delta.initial))
        for key in self.store:
            if key not in listed:
                old = self.store.get(key)
                assert old is not None
                expanded.append(_Delete(DeletedFinalStateUnknown(key=key, obj=old)))
        if delta.initial:
            expanded.append(_Synced())
        self._fifo.extendleft(reversed(expanded))

    def _call(
        self,
        handler: ResourceEventHandler,
        old: KubeObject | None,
        new: KubeObject,
        initial: bool,
    ) -> None:
        try:
            if old is None:
                handler.on_add(new, is_initial_list=initial)
            else:
                handler.on_update(old, new)
        except Exception:
            _log.exception("%r: handler %r failed", self, handler)

    async def _resync_loop(self, period: float) -> None:
        while True:
            await self._clock.sleep(period)
            if self.has_synced():
                self._fifo.append(_Resync())
                self._wakeup.set()
