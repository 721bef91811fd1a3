"""The watch endpoint: a chunked stream of JSON lines ``{"type": ..., "object": ...}``.

The watcher is registered in the same synchronous step as its starting point is computed (the
current objects for resourceVersion ""/"0" or sendInitialEvents, else the history after the given
resourceVersion), so nothing is missed or repeated. A resourceVersion older than the history
window gets status 200, one ERROR event carrying a 410 Expired Status, and the end of the stream,
as kube-apiserver does. Bookmarks (``allowWatchBookmarks``) are sent every ``bookmark_interval``
and about 2 s before ``timeoutSeconds`` ends; each handler owns its loop and ends on timeout,
on a dropped watch, on a slow-consumer close or when the client goes away.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from teleop.runtime.clock import Clock
from teleop.testing.fakekube.errors import internal, status_body
from teleop.testing.fakekube.lists import ListRequest, parse_rv, versioned
from teleop.testing.fakekube.resources import ResourceType
from teleop.testing.fakekube.store import Store, Stored, encode
from teleop.testing.fakekube.tables import PARTIAL, TABLE, partial, render
from teleop.testing.fakekube.watch import Watcher, WatchHub, WatchItem

__all__ = ["WatchSettings", "parse_bool", "serve_watch"]

_DEFAULT_TIMEOUT = 1800.0
_CLIENT_CHECK = 5.0


@dataclass(frozen=True, slots=True)
class WatchSettings:
    bookmark_interval: float
    queue_limit: int
    clock: Clock


def parse_bool(value: str) -> bool:
    """Go's ``strconv.ParseBool`` truth values, as query parameters are parsed upstream."""
    return value in ("1", "t", "T", "true", "TRUE", "True")


def _line(kind: str, obj: bytes) -> bytes:
    return b'{"type":"' + kind.encode() + b'","object":' + obj + b"}\n"


class _Encoder:
    def __init__(
        self, rt: ResourceType, version: str, form: str, include: str, clock: Clock
    ) -> None:
        self.clock = clock
        self.rt = rt
        self.version = version
        self.form = form
        self.include = include
        self._columns_sent = False

    def item(self, item: WatchItem) -> bytes:
        if self.form == PARTIAL:
            return _line(item.type, encode(partial(item.obj)))
        if self.form == TABLE:
            obj = self.rt.present(item.obj, self.version)
            meta = {"resourceVersion": obj["metadata"].get("resourceVersion", "")}
            table = render(
                self.rt,
                self.version,
                [obj],
                meta,
                self.include,
                now=self.clock.now(),
                columns=not self._columns_sent,
            )
            self._columns_sent = True
            return _line(item.type, encode(table))
        if item.raw is not None:
            return _line(
                item.type, versioned(Stored(item.obj, item.raw, item.rv), self.rt, self.version)
            )
        return _line(item.type, encode(self.rt.present(item.obj, self.version)))

    def bookmark(self, rv: int, initial_end: bool = False) -> bytes:
        meta: dict[str, Any] = {"resourceVersion": str(rv)}
        if initial_end:
            meta["annotations"] = {"k8s.io/initial-events-end": "true"}
        obj = {
            "kind": self.rt.kind,
            "apiVersion": self.rt.api_version(self.version),
            "metadata": meta,
        }
        return _line("BOOKMARK", encode(obj))


async def serve_watch(
    request: web.Request,
    store: Store,
    hub: WatchHub,
    rt: ResourceType,
    version: str,
    namespace: str | None,
    query: Mapping[str, str],
    settings: WatchSettings,
    *,
    form: str,
) -> web.StreamResponse:
    raw_rv = query.get("resourceVersion", "")
    try:
        rv = parse_rv(raw_rv)
    except ValueError:
        raise internal(f'strconv.ParseUint: parsing "{raw_rv}": invalid syntax') from None
    filters = ListRequest(rt, namespace, {k: v for k, v in query.items() if k.endswith("Selector")})
    timeout = float(query.get("timeoutSeconds", "0") or 0) or _DEFAULT_TIMEOUT
    bookmarks = parse_bool(query.get("allowWatchBookmarks", ""))
    send_initial = parse_bool(query.get("sendInitialEvents", ""))
    enc = _Encoder(rt, version, form, query.get("includeObject", "Metadata"), settings.clock)

    resp = web.StreamResponse(status=200, headers={"Content-Type": "application/json"})
    resp.enable_chunked_encoding()
    await resp.prepare(request)
    if rv is not None and rv != 0 and rv < store.compacted_rv and not send_initial:
        status = status_body(
            410, "Expired", f"too old resource version: {rv} ({store.compacted_rv})"
        )
        await resp.write(_line("ERROR", encode(status)))
        await resp.write_eof()
        return resp

    watcher = Watcher(rt.store_key, namespace, filters.labels, filters.fields, settings.queue_limit)
    if rv is None or rv == 0 or send_initial:
        bucket = store.bucket(rt.store_key)
        for key in sorted(bucket):
            stored = bucket[key]
            if watcher.matches(stored.obj):
                watcher.queue.append(WatchItem("ADDED", stored.obj, stored.raw, stored.rv))
    else:
        for ev in store.events_since(rt.store_key, rv):
            watcher.offer(ev)
    hub.add(watcher)
    initial_end_rv = store.rv if send_initial and bookmarks else None
    try:
        await _pump(
            request, resp, store, watcher, enc, settings, timeout, bookmarks, initial_end_rv
        )
    except (ConnectionError, asyncio.CancelledError) as e:
        hub.remove(watcher)
        if isinstance(e, asyncio.CancelledError):
            raise
        return resp
    hub.remove(watcher)
    with contextlib.suppress(ConnectionError):
        await resp.write_eof()
    return resp


async def _pump(
    request: web.Request,
    resp: web.StreamResponse,
    store: Store,
    watcher: Watcher,
    enc: _Encoder,
    settings: WatchSettings,
    lifetime: float,
    bookmarks: bool,
    initial_end_rv: int | None,
) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + lifetime
    next_bookmark = loop.time() + settings.bookmark_interval
    final_sent = lifetime <= 2.0
    if initial_end_rv is not None:
        initial = [enc.item(i) for i in watcher.queue]
        watcher.queue.clear()
        await resp.write(b"".join(initial) + enc.bookmark(initial_end_rv, initial_end=True))
    while True:
        watcher.wake.clear()
        if watcher.queue:
            batch = [enc.item(watcher.queue.popleft()) for _ in range(min(len(watcher.queue), 256))]
            await resp.write(b"".join(batch))
            continue
        if watcher.closed is not None:
            return
        now = loop.time()
        if now >= deadline:
            return
        transport = request.transport
        if transport is None or transport.is_closing():
            return
        due = deadline
        if bookmarks:
            bm_due = next_bookmark if final_sent else min(next_bookmark, deadline - 2.0)
            if now >= bm_due:
                if not final_sent and now >= deadline - 2.0:
                    final_sent = True
                next_bookmark = now + settings.bookmark_interval
                await resp.write(enc.bookmark(store.rv))
                continue
            due = min(due, bm_due)
        try:
            async with asyncio.timeout(min(due - now, _CLIENT_CHECK)):
                await watcher.wake.wait()
        except TimeoutError:
            pass
