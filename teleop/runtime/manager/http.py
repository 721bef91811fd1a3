"""The manager's HTTP servers (health probes, metrics) as runnables.

Bind addresses use controller-runtime's spelling: ``":8081"`` (all interfaces), ``"host:port"``,
``"[::1]:8080"``; port 0 picks a free port (``address`` tells which, once started). ``"0"`` or
``""`` disables the server. ``run`` serves until cancelled, then closes the listener and waits up
to ``shutdown_timeout`` for open requests.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import web

__all__ = ["HttpServer", "parse_bind_address"]


def parse_bind_address(address: str) -> tuple[str | None, int] | None:
    """``(host or None for all, port)``, or None when the server is disabled."""
    address = address.strip()
    if address in ("", "0"):
        return None
    host, sep, port = address.rpartition(":")
    if not sep:
        raise ValueError(f"bind address {address!r} has no port")
    host = host.strip("[]")
    return (host or None, int(port))


class HttpServer:
    """Serves ``app`` on ``bind_address`` while ``run`` runs. Never needs leader election."""

    need_leader_election = False

    def __init__(
        self,
        name: str,
        app: web.Application,
        bind_address: str,
        *,
        shutdown_timeout: float = 60.0,
        logger: logging.Logger | None = None,
    ) -> None:
        parsed = parse_bind_address(bind_address)
        if parsed is None:
            raise ValueError(f"{name} server is disabled ({bind_address!r})")
        self.name = name
        self._app = app
        self._host, self._port = parsed
        self._shutdown_timeout = shutdown_timeout
        self._log = logger if logger is not None else logging.getLogger(__name__)
        self._started = asyncio.Event()
        self.address: tuple[str, int] | None = None

    def __repr__(self) -> str:
        return f"HttpServer({self.name})"

    async def wait_started(self) -> None:
        await self._started.wait()

    @property
    def url(self) -> str:
        if self.address is None:
            raise RuntimeError(f"{self.name} server not started")
        host, port = self.address
        host = "127.0.0.1" if host in ("0.0.0.0", "::") else host
        return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"

    async def run(self) -> None:
        runner = web.AppRunner(self._app, access_log=None, shutdown_timeout=self._shutdown_timeout)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self._host, self._port, reuse_address=True)
            await site.start()
            addr = runner.addresses[0]
            self.address = (str(addr[0]), int(addr[1]))
            self._log.info("%s server listening on %s", self.name, self.url)
            self._started.set()
            await asyncio.Event().wait()
        finally:
            await runner.cleanup()
