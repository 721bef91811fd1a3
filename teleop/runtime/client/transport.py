"""The HTTP exchange policy shared by every ``KubeClient`` call.

kubernetes_asyncio's generated APIs build model objects for every response, which is slow and
cannot represent arbitrary custom resources; its ``Watch`` cannot relist and copies stale tokens.
teleop keeps only its transport: one ``ApiClient`` (hence one aiohttp session and connection
pool) per client, called with ``_preload_content=False``; bodies are decoded to plain dicts here
and failures become the typed errors of ``errors.py``.

Per request the transport: waits on the optional QPS/burst bucket (off by default, as in
controller-runtime >= 0.21, which relies on API Priority and Fairness), asks the ``TokenSource``
for the Authorization header (re-reading a rotated token; after a 401 it invalidates and retries
once), and counts the answer in ``rest_client_requests_total{code, method, host}`` (``<error>``
when there was no HTTP answer, as client-go does). Idempotent reads answered 429 (or 503 with
Retry-After) are retried up to ``max_read_retries`` times (default 3), waiting the server's
Retry-After (default 1 s, capped at ``max_retry_after``, default 60 s) on the injected clock;
writes and watches are never retried here.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlsplit

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from kubernetes_asyncio.client import ApiClient
from yarl import URL

from teleop.runtime.client.errors import (
    ApiError,
    ServiceUnavailable,
    TooManyRequests,
    TransportError,
    Unauthorized,
    error_from_status,
)
from teleop.runtime.client.kubeconfig import Connection
from teleop.runtime.client.objects import KubeObject
from teleop.runtime.client.ratelimit import TokenBucket
from teleop.runtime.clock import Clock
from teleop.runtime.metrics import RuntimeMetrics

__all__ = ["Params", "Transport"]

Params = list[tuple[str, str]]
"""Query parameters, in order."""


def _retry_after(resp: aiohttp.ClientResponse) -> float | None:
    value = resp.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class Transport:
    """Sends requests to one API server and turns answers into dicts or typed errors."""

    def __init__(
        self,
        connection: Connection,
        *,
        clock: Clock,
        metrics: RuntimeMetrics | None = None,
        qps: float | None = None,
        burst: int | None = None,
        max_read_retries: int = 3,
        max_retry_after: float = 60.0,
        request_timeout: float = 60.0,
        user_agent: str = "teleop",
    ) -> None:
        self._clock = clock
        self.metrics = metrics
        self.auth = connection.auth
        self.base = connection.host
        self._host = urlsplit(self.base).netloc
        self._api: Any = ApiClient(connection.configuration)
        self._rest: Any = self._api.rest_client
        _read_proxy_env_once(self._rest, self.base)
        self.limiter = (
            TokenBucket(qps, burst or max(1, int(qps)), clock=clock)
            if qps is not None and qps > 0
            else None
        )
        self.max_read_retries = max_read_retries
        self.max_retry_after = max_retry_after
        self.request_timeout = request_timeout
        self.user_agent = user_agent

    async def close(self) -> None:
        await self._api.close()

    def _count(self, code: str, method: str) -> None:
        if self.metrics is not None:
            self.metrics.rest_client_requests.labels(
                code=code, method=method, host=self._host
            ).inc()

    async def send(
        self,
        method: str,
        path: str,
        params: Params,
        *,
        body: Any = None,
        content_type: str = "application/json",
        client_timeout: aiohttp.ClientTimeout | None = None,
    ) -> aiohttp.ClientResponse:
        """One HTTP exchange; the returned response is 2xx and its body not yet read."""
        for attempt in range(2):
            if self.limiter is not None:
                await self.limiter.acquire()
            headers = {
                "Accept": "application/json",
                "Content-Type": content_type,
                "User-Agent": self.user_agent,
            }
            authorization = await self.auth.authorization()
            if authorization:
                headers["Authorization"] = authorization
            try:
                resp: aiohttp.ClientResponse = await self._rest.request(
                    method,
                    self.base + path,
                    query_params=params,
                    headers=headers,
                    body=body,
                    _preload_content=False,
                    _request_timeout=client_timeout
                    or aiohttp.ClientTimeout(total=self.request_timeout),
                )
            except (aiohttp.ClientError, TimeoutError, OSError) as e:
                self._count("<error>", method)
                raise TransportError(f"{method} {path}: {e!r}") from e
            self._count(str(resp.status), method)
            if resp.status < 400:
                return resp
            try:
                raw = await resp.read()
            except (aiohttp.ClientError, TimeoutError, OSError):
                raw = b""
            finally:
                resp.release()
            try:
                decoded = json.loads(raw) if raw else None
            except ValueError:
                decoded = None
            error = error_from_status(resp.status, decoded, retry_after=_retry_after(resp))
            if isinstance(error, Unauthorized) and attempt == 0:
                self.auth.invalidate()  # a rotated token: re-read once and try again
                continue
            raise error
        raise AssertionError("unreachable")

    async def request_json(
        self,
        method: str,
        path: str,
        params: Params,
        *,
        body: Any = None,
        content_type: str = "application/json",
        retry_reads: bool = False,
    ) -> KubeObject:
        attempt = 0
        while True:
            try:
                resp = await self.send(method, path, params, body=body, content_type=content_type)
                try:
                    raw = await resp.read()
                except (aiohttp.ClientError, TimeoutError, OSError) as e:
                    raise TransportError(f"{method} {path}: {e!r}") from e
                finally:
                    resp.release()
            except (TooManyRequests, ServiceUnavailable) as e:
                retryable = isinstance(e, TooManyRequests) or e.retry_after is not None
                if not retry_reads or not retryable or attempt >= self.max_read_retries:
                    raise
                attempt += 1
                delay = e.retry_after if e.retry_after is not None else 1.0
                await self._clock.sleep(min(delay, self.max_retry_after))
                continue
            result = json.loads(raw) if raw else {}
            if not isinstance(result, dict):
                raise ApiError(500, "InternalError", f"{method} {path}: not a JSON object")
            return result


def _read_proxy_env_once(rest: Any, base: str) -> None:
    """Resolve ``HTTPS_PROXY``/``NO_PROXY`` once instead of on every request.

    kubernetes_asyncio opens its aiohttp session with ``trust_env=True``, so aiohttp looks the
    proxy up in the environment and reads ``~/.netrc`` in an executor thread for every request:
    about a fifth of the operator's CPU in a 10,000-CR cold start (py-spy), plus the thread
    hand-offs. The environment does not change while we run, and a kubeconfig's proxy (already on
    ``rest``) still wins; netrc is not a Kubernetes credential source.
    """
    if not rest.proxy:
        try:
            proxy, auth = get_env_proxy_for_url(URL(base))
        except LookupError:
            pass
        else:
            rest.proxy = str(proxy)
            if auth is not None:
                rest.proxy_headers = {
                    **(rest.proxy_headers or {}),
                    "Proxy-Authorization": auth.encode(),
                }
    rest.pool_manager._trust_env = False
