"""``Client``: an async mTLS client for Teleport's Auth API, built from an identity file or PEMs.

Construction reads nothing and starts nothing; ``start`` (or ``async with``) loads the
credentials, opens the channel and starts the one task the client owns, the credential watcher,
which ``close`` cancels and awaits. Typical use::

    async with Client.from_identity_file("teleport.example.com:3025", Path("/tbot/identity"),
                                         registry=manager_registry) as client:
        features = (await client.ping()).ServerFeatures
        role = await client.upsert_role(role)

Defaults, all keyword-overridable: TLS server name ``teleport.cluster.local`` (what Teleport's
Auth server certificate is issued for; pass ``server_name=None`` to verify the dialled host name,
e.g. behind a proxy), per-attempt deadline 30 s (``timeout``; every resource method also takes
``timeout=`` to override it for one call), retries per ``RetryPolicy()`` (4
attempts / 10 s, UNAVAILABLE on idempotent methods only), identity polled every 1 s
(``poll_interval``), retired channels closed at most 60 s after a rotation (``drain_grace``).
Metrics go on the ``CollectorRegistry`` passed in (``registry``) or a private one; clients that
share a registry must share one ``TeleportMetrics`` (``metrics=``), since a registry refuses a
family registered twice. The resource
methods themselves are in ``resources.ResourceCalls``, ``resources153.Resource153Calls`` and
``infra.InfraCalls``.

Credential rotation and watches: unary calls never notice a rotation (each attempt leases the
current channel). A ``watch_events`` stream is different: it stays on the channel it started on,
which is retired by the rotation and closed once ``drain_grace`` runs out. The stream then ends
with ``ChannelRetired`` (a ``ConnectionProblem``) rather than a plain cancellation, so a watch
loop (drift detection) should catch it, re-list if it needs to, and call ``watch_events`` again::

    while True:
        try:
            async for event in client.watch_events(["role"]):
                handle(event)
        except ChannelRetired:
            continue  # the new watch runs on the new channel
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from prometheus_client import CollectorRegistry

from teleop.teleport.channel import ChannelOptions, ChannelPool
from teleop.teleport.clock import Clock, SystemClock
from teleop.teleport.credentials import CredentialSource, FilesSource, IdentityFileSource
from teleop.teleport.errors import TeleportError
from teleop.teleport.infra import InfraCalls
from teleop.teleport.listing import ListCalls
from teleop.teleport.metrics import TeleportMetrics
from teleop.teleport.resources import ResourceCalls
from teleop.teleport.resources153 import Resource153Calls
from teleop.teleport.retry import RetryPolicy
from teleop.teleport.transport import DEFAULT_TIMEOUT, Transport

__all__ = ["DEFAULT_SERVER_NAME", "Client", "ClientOptions"]

DEFAULT_SERVER_NAME = "teleport.cluster.local"


@dataclass(frozen=True)
class ClientOptions:
    """Tunables; each default is documented in the module docstring."""

    server_name: str | None = DEFAULT_SERVER_NAME
    timeout: float = DEFAULT_TIMEOUT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    poll_interval: float = 1.0
    drain_grace: float = 60.0
    channel_options: ChannelOptions = ()


class Client(ResourceCalls, Resource153Calls, ListCalls, InfraCalls):
    """Teleport Auth API client; see the module docstring."""

    def __init__(
        self,
        addr: str,
        source: CredentialSource,
        *,
        options: ClientOptions | None = None,
        registry: CollectorRegistry | None = None,
        metrics: TeleportMetrics | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.addr = addr
        self.source = source
        self.options = options or ClientOptions()
        self.metrics = metrics or TeleportMetrics(registry)
        self._clock = clock or SystemClock()
        self._transport: Transport | None = None
        self._watcher: asyncio.Task[None] | None = None

    @classmethod
    def from_identity_file(
        cls,
        addr: str,
        path: Path | str,
        *,
        server_name: str | None = DEFAULT_SERVER_NAME,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        poll_interval: float = 1.0,
        drain_grace: float = 60.0,
        registry: CollectorRegistry | None = None,
        metrics: TeleportMetrics | None = None,
        clock: Clock | None = None,
    ) -> Client:
        """A client authenticating with a Teleport identity file (refused unless 0600-like)."""
        options = ClientOptions(
            server_name=server_name,
            timeout=timeout,
            retry=retry or RetryPolicy(),
            poll_interval=poll_interval,
            drain_grace=drain_grace,
        )
        source = IdentityFileSource(Path(path))
        return cls(addr, source, options=options, registry=registry, metrics=metrics, clock=clock)

    @classmethod
    def from_files(
        cls,
        addr: str,
        cert: Path | str,
        key: Path | str,
        ca: Path | str,
        *,
        server_name: str | None = DEFAULT_SERVER_NAME,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        poll_interval: float = 1.0,
        drain_grace: float = 60.0,
        registry: CollectorRegistry | None = None,
        metrics: TeleportMetrics | None = None,
        clock: Clock | None = None,
    ) -> Client:
        """A client authenticating with separate PEM certificate, key and CA files."""
        options = ClientOptions(
            server_name=server_name,
            timeout=timeout,
            retry=retry or RetryPolicy(),
            poll_interval=poll_interval,
            drain_grace=drain_grace,
        )
        source = FilesSource(Path(cert), Path(key), Path(ca))
        return cls(addr, source, options=options, registry=registry, metrics=metrics, clock=clock)

    # --- lifecycle ------------------------------------------------------------------------------
    async def start(self) -> None:
        """Load credentials, open the channel and start watching the credential files."""
        if self._transport is not None:
            return
        o = self.options
        pool = ChannelPool(
            self.addr,
            self.source,
            server_name=o.server_name,
            clock=self._clock,
            metrics=self.metrics,
            poll_interval=o.poll_interval,
            drain_grace=o.drain_grace,
            options=o.channel_options,
        )
        self._transport = Transport(
            pool, clock=self._clock, metrics=self.metrics, retry=o.retry, timeout=o.timeout
        )
        self._watcher = asyncio.create_task(pool.run(), name=f"teleport-credentials:{self.addr}")

    async def close(self) -> None:
        """Stop the watcher and close every channel; calls in flight are cancelled."""
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
            self._watcher = None
        if self._transport is not None:
            await self._transport.pool.close()
            self._transport = None

    async def __aenter__(self) -> Client:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    # --- introspection ------------------------------------------------------------------------
    @property
    def identity(self) -> str:
        """The CN of the certificate new calls present (Teleport user or bot name)."""
        return self._transport_or_raise().pool.material.common_name

    @property
    def generation(self) -> int:
        """How many channels the client has opened; grows by one per credential rotation."""
        return self._transport_or_raise().pool.generation

    @property
    def draining_channels(self) -> int:
        """Channels retired by a rotation that still wait for their calls to finish."""
        return self._transport_or_raise().pool.draining

    def reload_credentials(self) -> bool:
        """Check the credential files now instead of waiting for the next poll."""
        return self._transport_or_raise().pool.reload_if_changed()

    def _transport_or_raise(self) -> Transport:
        if self._transport is None:
            raise TeleportError("teleport client is not started (use start() or async with)")
        return self._transport
