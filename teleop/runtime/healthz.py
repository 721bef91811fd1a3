"""Health and readiness checks served as Kubernetes does: ``/healthz``, ``/readyz``, subpaths.

A ``HealthChecks`` holds named checks for one endpoint. A check is a function (or coroutine
function) that returns when healthy and raises when not. The HTTP shape follows
controller-runtime's ``pkg/healthz`` (itself Kubernetes' apiserver healthz):

* ``GET /healthz``: runs every check; ``200 ok`` when all pass. ``?verbose`` lists each check as
  ``[+]name ok`` and ends with ``healthz check passed``. On failure the answer is always verbose,
  with ``[-]name failed: reason withheld`` and status 500 (the reason goes to the log only).
  ``?exclude=name`` skips a check (``[+]name excluded: ok``).
* ``GET /healthz/<name>``: only that check; 404 for an unknown name.
* No registered checks means a single implicit ``ping``.

The app is plain aiohttp; the manager serves it on the health-probe bind address (":8081").
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Callable

from aiohttp import web

__all__ = ["Checker", "HealthChecks", "build_probe_app", "ping"]

Checker = Callable[[], object]
"""Returns (or its awaitable completes) when healthy; raises when not."""

_TEXT = "text/plain"


def ping() -> None:
    """Always healthy: the process answers HTTP."""


class HealthChecks:
    """The named checks of one endpoint (``healthz`` or ``readyz``)."""

    def __init__(self, name: str, *, logger: logging.Logger | None = None) -> None:
        self.name = name
        self._checks: dict[str, Checker] = {}
        self._log = logger if logger is not None else logging.getLogger(__name__)

    def add(self, name: str, check: Checker) -> None:
        """Register ``check`` under ``name`` (unique, no slashes)."""
        if not name or "/" in name:
            raise ValueError(f"invalid check name {name!r}")
        if name in self._checks:
            raise ValueError(f"check {name!r} already registered for {self.name}")
        self._checks[name] = check

    def names(self) -> list[str]:
        return sorted(self._checks) or ["ping"]

    async def check(self, name: str) -> str | None:
        """Run one check; None when healthy, else the error text."""
        fn = self._checks.get(name, ping if name == "ping" and not self._checks else None)
        if fn is None:
            raise KeyError(name)
        try:
            result = fn()
            if inspect.isawaitable(result):
                await result
        except Exception as exc:
            self._log.info("%s check %s failed: %s", self.name, name, exc)
            return str(exc) or type(exc).__name__
        return None

    async def run_all(self, exclude: set[str] | None = None) -> dict[str, str | None]:
        """Every check's result, by name, minus ``exclude``."""
        exclude = exclude or set()
        return {n: await self.check(n) for n in self.names() if n not in exclude}

    async def handle(self, request: web.Request) -> web.Response:
        """The aggregated endpoint (``/healthz``)."""
        excluded = set(request.query.getall("exclude", []))
        results = await self.run_all(excluded)
        failed = any(err is not None for err in results.values())
        verbose = "verbose" in request.query
        if not failed and not verbose:
            return _text("ok")
        lines: list[str] = []
        for n in self.names():
            if n in excluded:
                lines.append(f"[+]{n} excluded: ok")
            elif results[n] is None:
                lines.append(f"[+]{n} ok")
            else:
                lines.append(f"[-]{n} failed: reason withheld")
        unknown = sorted(excluded - set(self.names()))
        if unknown:
            quoted = ", ".join(f'"{u}"' for u in unknown)
            lines.append(f"warn: some health checks cannot be excluded: no matches for {quoted}")
        if failed:
            lines.append(f"{self.name} check failed")
            return _text("\n".join(lines) + "\n", status=500)
        lines.append(f"{self.name} check passed")
        return _text("\n".join(lines) + "\n")

    async def handle_one(self, request: web.Request) -> web.Response:
        """``/healthz/<name>``."""
        name = request.match_info["check"]
        try:
            err = await self.check(name)
        except KeyError:
            return _text("404 page not found\n", status=404)
        if err is None:
            return _text("ok")
        return _text(f"internal server error: {err}\n", status=500)


def _text(body: str, *, status: int = 200) -> web.Response:
    resp = web.Response(text=body, status=status, content_type=_TEXT, charset="utf-8")
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


def build_probe_app(*endpoints: HealthChecks) -> web.Application:
    """An aiohttp app serving each ``HealthChecks`` at ``/<name>`` and ``/<name>/<check>``."""
    app = web.Application()
    for checks in endpoints:
        app.router.add_get(f"/{checks.name}", checks.handle)
        app.router.add_get(f"/{checks.name}/", checks.handle)
        app.router.add_get(f"/{checks.name}/{{check}}", checks.handle_one)
    return app
