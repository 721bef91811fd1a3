"""The ``/fakekube/`` admin API: fault injection, compaction and the write log over HTTP.

For processes that did not start the fake (the CLI form): every ``FakeKube`` operation a test can
call in Python has an HTTP twin here. Admin paths are never subject to injected faults.

| method | path | body | effect |
| --- | --- | --- | --- |
| GET | /fakekube/faults | | current faults |
| POST | /fakekube/faults/fail-next | {"n", "status", "retryAfter"} | ``faults.fail_next`` |
| POST | /fakekube/faults/latency | {"seconds"} | ``faults.latency = seconds`` |
| POST | /fakekube/faults/pause, /resume, /clear, /drop-watches | | same-named methods |
| POST | /fakekube/compact | | ``FakeKube.compact()`` |
| GET, DELETE | /fakekube/writes | | read / clear the write log |
| GET, DELETE | /fakekube/requests | | read / clear the request log |
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable
from typing import Any

from aiohttp import web

from teleop.testing.fakekube.errors import ApiError, bad_request
from teleop.testing.fakekube.faults import Faults
from teleop.testing.fakekube.records import RequestRecord, WriteRecord
from teleop.testing.fakekube.store import encode

__all__ = ["AdminApi"]


class AdminApi:
    def __init__(
        self,
        faults: Faults,
        writes: list[WriteRecord],
        compact: Callable[[], None],
        requests: deque[RequestRecord] | None = None,
    ) -> None:
        self._faults = faults
        self._writes = writes
        self._compact = compact
        self._requests: deque[RequestRecord] = requests if requests is not None else deque()

    async def handle(self, request: web.Request) -> web.Response:
        path = request.path.rstrip("/")
        method = request.method
        body: dict[str, Any] = {}
        if method == "POST":
            data = await request.read()
            if data.strip():
                try:
                    loaded = json.loads(data)
                except ValueError:
                    raise bad_request("admin body must be JSON") from None
                if isinstance(loaded, dict):
                    body = loaded
        f = self._faults
        if path == "/fakekube/faults" and method == "GET":
            return self._ok(f.snapshot())
        if path == "/fakekube/writes" and method == "GET":
            return self._ok([w.to_json() for w in self._writes])
        if path == "/fakekube/writes" and method == "DELETE":
            self._writes.clear()
            return self._ok({})
        if path == "/fakekube/requests" and method == "GET":
            return self._ok([r.to_json() for r in self._requests])
        if path == "/fakekube/requests" and method == "DELETE":
            self._requests.clear()
            return self._ok({})
        if method != "POST":
            raise ApiError(405, "MethodNotAllowed", f"{method} {path} is not supported")
        if path == "/fakekube/faults/fail-next":
            f.fail_next(
                int(body.get("n", 1)), int(body.get("status", 500)), int(body.get("retryAfter", 1))
            )
        elif path == "/fakekube/faults/latency":
            f.latency = float(body.get("seconds", 0.0))
        elif path == "/fakekube/faults/pause":
            f.pause()
        elif path == "/fakekube/faults/resume":
            f.resume()
        elif path == "/fakekube/faults/clear":
            f.clear()
        elif path == "/fakekube/faults/drop-watches":
            f.drop_watches()
        elif path == "/fakekube/compact":
            self._compact()
        else:
            raise ApiError(404, "NotFound", f"no admin endpoint {path}", {})
        return self._ok(f.snapshot())

    def _ok(self, doc: Any) -> web.Response:
        return web.Response(body=encode(doc), content_type="application/json")
