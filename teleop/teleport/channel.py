"""The client's gRPC channel, swapped for a new one when the credentials on disk change.

tbot rewrites the identity file well before the certificate expires. gRPC channels bind their TLS
credentials at creation, so picking up a new certificate means a new channel. ``ChannelPool``
keeps one *current* channel for new calls and any number of *retired* ones: a call leases the
current channel for its whole duration, and a retired channel is closed as soon as its last lease
ends, or after ``drain_grace`` seconds at the latest (then its stragglers fail with CANCELLED and
the caller's reconcile retries). No call ever starts on a retired channel and no unary call in
flight is cut short by a rotation, so rotation is invisible to unary callers. A server stream
(WatchEvents) holds its lease until it ends, so it is the one thing the grace period does cut
short: ``Transport.stream`` then raises ``ChannelRetired`` (see ``is_retired``).

``run`` is the watcher: it polls the source's stamp (inode, size, mtime) every ``poll_interval``
on the injected clock and reloads when it changes. A reload that fails (a half-written file, unsafe
permissions) is logged and retried on the next tick while the old channel keeps serving. The pool
owns no tasks itself; whoever calls ``run`` (the ``Client``) owns the watcher task.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

import grpc
import grpc.aio

from teleop.teleport.clock import Clock
from teleop.teleport.credentials import CredentialSource, TLSMaterial
from teleop.teleport.errors import TeleportError
from teleop.teleport.metrics import TeleportMetrics

__all__ = ["ChannelPool"]

log = logging.getLogger(__name__)

ChannelOptions = Sequence[tuple[str, str | int]]


@dataclass(eq=False)
class _Generation:
    """One channel and the calls currently using it."""

    channel: grpc.aio.Channel
    material: TLSMaterial
    number: int
    leases: int = 0
    retired_at: float | None = None
    closed: bool = field(default=False)


class ChannelPool:
    """A current mTLS channel to ``target`` plus retired ones draining their calls."""

    def __init__(
        self,
        target: str,
        source: CredentialSource,
        *,
        server_name: str | None,
        clock: Clock,
        metrics: TeleportMetrics,
        poll_interval: float = 1.0,
        drain_grace: float = 60.0,
        options: ChannelOptions = (),
    ) -> None:
        self._target = target
        self._source = source
        self._server_name = server_name
        self._clock = clock
        self._metrics = metrics
        self._poll_interval = poll_interval
        self._drain_grace = drain_grace
        self._options = list(options)
        self._stamp = source.stamp()
        self._current = self._open(source.load(), 1)
        self._retired: list[_Generation] = []
        self._closed = False

    @property
    def generation(self) -> int:
        """How many channels this pool has opened (1 until the first rotation)."""
        return self._current.number

    @property
    def material(self) -> TLSMaterial:
        """The credentials new calls use."""
        return self._current.material

    @property
    def draining(self) -> int:
        """Retired channels not yet closed."""
        return len(self._retired)

    def _open(self, material: TLSMaterial, number: int) -> _Generation:
        creds = grpc.ssl_channel_credentials(
            root_certificates=material.root_certificates,
            private_key=material.private_key,
            certificate_chain=material.certificate_chain,
        )
        options = list(self._options)
        if self._server_name:
            options += [
                ("grpc.ssl_target_name_override", self._server_name),
                ("grpc.default_authority", self._server_name),
            ]
        channel = grpc.aio.secure_channel(self._target, creds, options=options)
        return _Generation(channel=channel, material=material, number=number)

    @contextlib.asynccontextmanager
    async def lease(self) -> AsyncIterator[grpc.aio.Channel]:
        """The current channel, kept open until the block exits."""
        if self._closed:
            raise TeleportError("teleport client is closed")
        gen = self._current
        gen.leases += 1
        try:
            yield gen.channel
        finally:
            gen.leases -= 1
            if gen.retired_at is not None and gen.leases == 0:
                await self._close_generation(gen)

    def is_retired(self, channel: grpc.aio.Channel) -> bool:
        """True when ``channel`` was current once and a rotation replaced it (open pool only)."""
        return not self._closed and channel is not self._current.channel

    def reload_if_changed(self) -> bool:
        """Switch to new credentials if the source's stamp changed; True when it switched."""
        try:
            stamp = self._source.stamp()
        except OSError as e:
            log.warning("cannot stat Teleport credentials, keeping current ones: %s", e)
            return False
        if stamp == self._stamp:
            return False
        try:
            material = self._source.load()
        except (TeleportError, OSError, ValueError) as e:
            log.warning("cannot load new Teleport credentials, will retry: %s", e)
            return False
        self._stamp = stamp
        old = self._current
        self._current = self._open(material, old.number + 1)
        old.retired_at = self._clock.monotonic()
        self._retired.append(old)
        self._metrics.credential_reloads.inc()
        log.info("Teleport credentials changed; new calls use channel %d", self._current.number)
        return True

    async def _close_generation(self, gen: _Generation) -> None:
        if gen.closed:
            return
        gen.closed = True
        if gen in self._retired:
            self._retired.remove(gen)
        await gen.channel.close(grace=None)

    async def collect(self) -> None:
        """Close retired channels that drained or whose grace period ran out."""
        now = self._clock.monotonic()
        for gen in list(self._retired):
            expired = gen.retired_at is not None and now - gen.retired_at >= self._drain_grace
            if gen.leases == 0 or expired:
                if gen.leases:
                    log.warning("closing old Teleport channel with %d calls in flight", gen.leases)
                await self._close_generation(gen)

    async def run(self) -> None:
        """Watch the credentials until cancelled."""
        while True:
            await self._clock.sleep(self._poll_interval)
            try:
                self.reload_if_changed()
                await self.collect()
            except Exception:  # the watcher must outlive any one bad tick
                log.exception("Teleport credential watcher tick failed; retrying")

    async def close(self) -> None:
        """Close every channel now."""
        self._closed = True
        for gen in [*self._retired, self._current]:
            await self._close_generation(gen)
