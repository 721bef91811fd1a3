"""``Manager``: owns the shared pieces of an operator and runs its runnables in order.

It owns the clock, the ``RuntimeMetrics`` registry, the ``KubeClient``, the informer cache
(``InformerFactory``), the event broadcaster, the health checks, the HTTP servers and the leader
elector, and hands them to controllers. ``run`` follows controller-runtime's start order:

1. HTTP servers (health probes, metrics), so liveness answers while the rest starts;
2. caches: informers start and the manager waits for their first list (``/readyz`` fails until
   then; standbys keep their caches warm, so a failover does not wait for a relist);
3. the event sender and the runnables that do not need leader election;
4. leader election; leader-only runnables (controllers) run only while this replica leads. When
   the lease cannot be renewed the elector cancels them at once, before any standby may take over.

Shutdown (``stop()``, e.g. from the first SIGTERM, or a runnable's failure) goes the other way:
leader-only runnables (in-flight reconciles may finish within ``graceful_shutdown_timeout``), the
others, pending events, caches, servers, and finally the lease is released so a standby takes
over on its next poll. After a lost lease nothing waits and the process exits with status 1
(``exit_on_lost_leadership``), since a replica that lost its lease may not touch the world.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import socket
from collections.abc import Awaitable
from pathlib import Path
from typing import Any, TypeVar

from teleop.runtime.cache import InformerFactory
from teleop.runtime.client import KubeClient
from teleop.runtime.clock import Clock, SystemClock
from teleop.runtime.event import EventBroadcaster, EventRecorder, KubeEventSink
from teleop.runtime.healthz import Checker, HealthChecks, build_probe_app
from teleop.runtime.leaderelection import (
    LeaderCallbacks,
    LeaderElectionConfig,
    LeaderElectionLostError,
    LeaderElector,
    LeaseResourceLock,
    clock_timeout,
    default_identity,
)
from teleop.runtime.manager.http import HttpServer, parse_bind_address
from teleop.runtime.manager.options import SERVICE_ACCOUNT_NAMESPACE_FILE, ManagerOptions
from teleop.runtime.manager.runnables import Runnable, RunnableGroup, needs_leader_election
from teleop.runtime.metrics import RuntimeMetrics, add_process_collectors, build_metrics_app

__all__ = ["Manager"]

T = TypeVar("T")
_EVENT_FLUSH_LIMIT = 5.0


class Manager:
    """Runs controllers and their shared dependencies; see the module docstring."""

    def __init__(
        self,
        options: ManagerOptions | None = None,
        *,
        client: KubeClient,
        clock: Clock | None = None,
        metrics: RuntimeMetrics | None = None,
        owns_client: bool = False,
        rng: random.Random | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self.options = opts = options if options is not None else ManagerOptions()
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.metrics = metrics if metrics is not None else RuntimeMetrics()
        if opts.metrics_process_collectors:
            with contextlib.suppress(ValueError):  # the caller's registry has them already
                add_process_collectors(self.metrics.registry)
        self.client = client
        self._owns_client = owns_client
        self._rng = rng if rng is not None else random.Random()
        self._log = logger if logger is not None else logging.getLogger(__name__)
        resync = opts.sync_period * (0.9 + self._rng.random() / 5)
        self.cache = InformerFactory(
            client, clock=self.clock, resync_period=resync, rng=random.Random(self._rng.random())
        )
        self._broadcaster = EventBroadcaster(KubeEventSink(client), clock=self.clock)
        self._host = socket.gethostname()
        self.healthz = HealthChecks("healthz")
        self.readyz = HealthChecks("readyz")
        self._caches_synced = False
        self.readyz.add("informers", self._check_caches)

        def group(name: str) -> RunnableGroup:
            return RunnableGroup(name, clock=self.clock, on_error=self._fail, logger=self._log)

        self._servers, self._caches, self._events = (
            group("servers"),
            group("caches"),
            group("events"),
        )
        self._others, self._leader = group("others"), group("leader")
        self._caches.add(self.cache)
        self._events.add(self._broadcaster)
        self.health_server = self._server(
            "health", opts.health_probe_bind_address, build_probe_app(self.healthz, self.readyz)
        )
        self.metrics_server = self._server(
            "metrics", opts.metrics_bind_address, build_metrics_app(self.metrics)
        )
        self.elector = self._make_elector() if opts.leader_election else None
        self._errors: list[BaseException] = []
        self._stop = asyncio.Event()
        self._running = asyncio.Event()
        self._elected = asyncio.Event()
        self._shutting_down = False
        self._lost = False
        self._started = False

    # -- constructors that create (and then own) the client --------------------------------------

    @classmethod
    def from_url(
        cls, url: str, options: ManagerOptions | None = None, *, token: str | None = None, **kw: Any
    ) -> Manager:
        clock, metrics = (
            kw.pop("clock", None) or SystemClock(),
            kw.pop("metrics", None) or RuntimeMetrics(),
        )
        _leader_election_settings(options or ManagerOptions())
        client = KubeClient.from_url(url, token=token, clock=clock, metrics=metrics)
        return cls(options, client=client, clock=clock, metrics=metrics, owns_client=True, **kw)

    @classmethod
    async def from_kubeconfig(
        cls,
        options: ManagerOptions | None = None,
        *,
        path: str | None = None,
        context: str | None = None,
        **kw: Any,
    ) -> Manager:
        clock, metrics = (
            kw.pop("clock", None) or SystemClock(),
            kw.pop("metrics", None) or RuntimeMetrics(),
        )
        _leader_election_settings(options or ManagerOptions())
        client = await KubeClient.from_kubeconfig(
            path, context=context, clock=clock, metrics=metrics
        )
        return cls(options, client=client, clock=clock, metrics=metrics, owns_client=True, **kw)

    @classmethod
    def in_cluster(cls, options: ManagerOptions | None = None, **kw: Any) -> Manager:
        clock, metrics = (
            kw.pop("clock", None) or SystemClock(),
            kw.pop("metrics", None) or RuntimeMetrics(),
        )
        _leader_election_settings(options or ManagerOptions())
        client = KubeClient.from_incluster(clock=clock, metrics=metrics)
        return cls(options, client=client, clock=clock, metrics=metrics, owns_client=True, **kw)

    # -- what controllers use --------------------------------------------------------------------

    def add(self, runnable: Runnable) -> None:
        """Run ``runnable`` with the manager: leader-only unless ``need_leader_election`` is False."""
        (self._leader if needs_leader_election(runnable) else self._others).add(runnable)

    def add_healthz_check(self, name: str, check: Checker) -> None:
        self.healthz.add(name, check)

    def add_readyz_check(self, name: str, check: Checker) -> None:
        self.readyz.add(name, check)

    def get_event_recorder_for(self, name: str) -> EventRecorder:
        """An event recorder whose events carry ``name`` as source component."""
        return self._broadcaster.new_recorder(
            name, host=self._host, namespace=self.options.event_namespace
        )

    @property
    def is_leader(self) -> bool:
        """Whether leader-only runnables may run here (always True without leader election)."""
        return self._elected.is_set() and (self.elector is None or self.elector.leading)

    async def wait_elected(self) -> None:
        """Return once this replica leads (at once without leader election)."""
        await self._elected.wait()

    async def wait_started(self) -> None:
        """Return once every group has been started (caches synced)."""
        await self._running.wait()

    def stop(self) -> None:
        """Begin a graceful shutdown; ``run`` returns when it is complete."""
        self._stop.set()

    # -- running ---------------------------------------------------------------------------------

    async def run(self) -> None:
        """Start everything in order, run until ``stop()``, then shut down in reverse order.

        Raises a runnable's error, ``SystemExit(1)`` after a lost lease (or
        ``LeaderElectionLostError`` when ``exit_on_lost_leadership`` is off).
        """
        if self._started:
            raise RuntimeError("a Manager runs once")
        self._started = True
        try:
            async with asyncio.TaskGroup() as tg:
                elector_task = await self._start(tg)
                await self._stop.wait()
                await self._shutdown(elector_task)
        finally:
            if self._owns_client:
                await self.client.close()
        if self._lost:
            if self.options.exit_on_lost_leadership:
                self._log.error("leader election lost, exiting")
                raise SystemExit(1)
            raise LeaderElectionLostError("leader election lost")
        if len(self._errors) == 1:
            raise self._errors[0]
        if self._errors:
            raise ExceptionGroup(
                "manager runnables failed", [e for e in self._errors if isinstance(e, Exception)]
            )

    async def _start(self, tg: asyncio.TaskGroup) -> asyncio.Task[None] | None:
        servers = [s for s in (self.health_server, self.metrics_server) if s is not None]
        tg.create_task(self._servers.run())
        # ``is None`` (stopped meanwhile), not falsiness: with both servers disabled the
        # gather yields [], which must not abort the start.
        if await self._until(asyncio.gather(*(s.wait_started() for s in servers))) is None:
            return None
        tg.create_task(self._caches.run())
        synced = await self._until(self.cache.wait_for_sync(self.options.cache_sync_timeout))
        if synced is None:
            return None
        if not synced:
            self._fail(TimeoutError("timed out waiting for cache sync"))
            return None
        self._caches_synced = True
        tg.create_task(self._events.run())
        tg.create_task(self._others.run())
        elector_task = None
        if self.elector is not None:
            elector_task = tg.create_task(self._run_elector(self.elector))
        else:
            tg.create_task(self._leader.run())
            self._elected.set()
        self._running.set()
        return elector_task

    async def _shutdown(self, elector_task: asyncio.Task[None] | None) -> None:
        self._shutting_down = True
        grace = 0.0 if self._lost else self.options.graceful_shutdown_timeout
        if grace is not None and grace < 0:
            grace = None
        deadline = None if grace is None else self.clock.monotonic() + grace

        def remaining() -> float | None:
            return None if deadline is None else max(0.0, deadline - self.clock.monotonic())

        self._log.info("stopping leader-only runnables")
        await self._leader.stop(remaining())
        self._log.info("stopping other runnables")
        await self._others.stop(remaining())
        left = remaining()
        flush = _EVENT_FLUSH_LIMIT if left is None else min(left, _EVENT_FLUSH_LIMIT)
        if self._events.running and flush > 0:
            try:
                await clock_timeout(self.clock, flush, self._broadcaster.flush())
            except TimeoutError:
                self._log.warning(
                    "%d events not written before shutdown", self._broadcaster.pending
                )
        await self._events.stop(0)
        self._log.info("stopping caches")
        await self._caches.stop(remaining())
        await self._servers.stop(remaining())
        if self.elector is not None and elector_task is not None:
            self.elector.stop()  # releases the lease (if configured and still ours)
            await asyncio.wait({elector_task})

    async def _run_elector(self, elector: LeaderElector) -> None:
        try:
            await elector.run()
        except LeaderElectionLostError as exc:
            self._log.error("%s", exc)
            self._on_stopped_leading()

    async def _lead(self) -> None:
        self._elected.set()
        await self._leader.run()

    def _on_stopped_leading(self) -> None:
        # No grace, even mid-shutdown: a standby may take over soon. (After a graceful release
        # the leader group has already stopped and this does nothing.)
        self._elected.clear()
        self._leader.abort()
        if not self._shutting_down:
            self._lost = True
            self._stop.set()

    def _fail(self, exc: BaseException) -> None:
        self._errors.append(exc)
        self._stop.set()

    async def _until(self, aw: Awaitable[T]) -> T | None:
        """``aw``'s result, or None (``aw`` cancelled) if a stop comes first."""
        work = asyncio.ensure_future(aw)
        stopper = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({work, stopper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopper.cancel()
            if not work.done():
                work.cancel()
            await asyncio.gather(work, stopper, return_exceptions=True)
        # a cancelled gather() ends with a CancelledError exception rather than cancelled()
        if work.cancelled() or isinstance(work.exception(), asyncio.CancelledError):
            return None
        return work.result()

    # -- construction helpers --------------------------------------------------------------------

    def _server(self, name: str, address: str, app: Any) -> HttpServer | None:
        if parse_bind_address(address) is None:
            return None
        server = HttpServer(name, app, address, logger=self._log)
        self._servers.add(server)
        return server

    def _check_caches(self) -> None:
        if not self._caches_synced or not self.cache.has_synced():
            raise RuntimeError("informers not synced")

    def _make_elector(self) -> LeaderElector:
        opts = self.options
        config, namespace = _leader_election_settings(opts)
        identity = opts.leader_election_identity or default_identity()
        lock = LeaseResourceLock(
            self.client,
            namespace=namespace,
            name=opts.leader_election_id,
            identity=identity,
            recorder=self.get_event_recorder_for(identity),
        )
        callbacks = LeaderCallbacks(
            on_started_leading=self._lead, on_stopped_leading=self._on_stopped_leading
        )
        return LeaderElector(
            lock,
            config,
            clock=self.clock,
            metrics=self.metrics,
            callbacks=callbacks,
            rng=random.Random(self._rng.random()),
        )


def _leader_election_settings(opts: ManagerOptions) -> tuple[LeaderElectionConfig, str]:
    """The elector's config and the Lease namespace; ValueError when the options are wrong."""
    if not opts.leader_election:
        return LeaderElectionConfig(), ""
    if not opts.leader_election_id:
        raise ValueError("leader election needs leader_election_id (the Lease name)")
    namespace = opts.leader_election_namespace or _service_account_namespace()
    config = LeaderElectionConfig(
        name=opts.leader_election_id,
        lease_duration=opts.lease_duration,
        renew_deadline=opts.renew_deadline,
        retry_period=opts.retry_period,
        release_on_cancel=opts.release_on_cancel,
    )
    return config, namespace


def _service_account_namespace() -> str:
    try:
        return Path(SERVICE_ACCOUNT_NAMESPACE_FILE).read_text().strip()
    except OSError:
        raise ValueError(
            "leader election needs leader_election_namespace when not running in a cluster"
        ) from None
