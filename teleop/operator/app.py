"""``Operator``: one ``teleop run``, from clients to a running manager, in the Go operator's order.

``run`` builds the Kubernetes client (kubeconfig or in-cluster), the Teleport client from the
identity file, then does the Go operator's *preflight*: ``Ping`` Teleport, retrying for
``preflight_timeout`` so an operator started together with its Auth server does not crash-loop,
and failing with one clear line (``FatalError``, exit 1) if Teleport stays unreachable or refuses
the identity. Ping's ``ServerFeatures`` decide which kinds get a controller. Then the ``Manager``
(leader election with the Lease ``leader_election_id`` in the operator's own namespace
``--namespace``, informers on the watched namespaces) gets the controllers from
``setup_controllers`` and runs until ``stop()``.

The clock (``clock=``, e.g. ``FakeClock`` in tests) is handed to the manager, the Kubernetes client
and the Teleport client alike (retry backoff, identity polling, the preflight's waits). One
Prometheus registry is shared by the runtime's and the Teleport client's metric families, so
``/metrics`` serves ``controller_runtime_*``, ``workqueue_*`` and ``teleop_teleport_*`` together.

``run_operator`` is what ``teleop run`` calls: it adds the SIGTERM/SIGINT handler (first signal:
graceful stop; second: exit 1 at once) and maps the outcome to an exit status: 0 after a graceful
stop, 1 after a lost lease or any fatal error. ``Operator`` itself installs no signal handler and
never exits the process, so tests and the demo can run it in-process.

The controllers come from ``teleop.operator.resources.setup_controllers``; a test may pass its own
(``setup=``) to run the operator with chosen controllers. After them, ``setup_drift`` adds the
drift correction (``teleop.operator.drift``): the periodic verification every ``sync_period``
(which replaces the informers' resync: their resync events are filtered out by the controllers'
predicate anyway, so the manager gets none) and, with ``live_drift``, the Teleport event watch.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from prometheus_client import CollectorRegistry

from teleop.operator.config import OperatorConfig
from teleop.operator.drift import DriftSetup, setup_drift
from teleop.operator.resources import ReconcilerOptions, SetupResult, setup_controllers
from teleop.runtime import (
    Clock,
    KubeClient,
    LeaderElectionLostError,
    Manager,
    ManagerOptions,
    RuntimeMetrics,
    SignalHandler,
    SystemClock,
    ping,
)
from teleop.teleport import Client, TeleportError, TeleportMetrics, types

__all__ = ["FatalError", "Operator", "SetupControllers", "run_operator"]

T = TypeVar("T")
_log = logging.getLogger(__name__)


class SetupControllers(Protocol):
    """``teleop.operator.resources.setup_controllers``'s signature (injectable for tests)."""

    def __call__(
        self,
        manager: Manager,
        teleport: Client,
        *,
        namespace: str,
        features: types.Features,
        options: ReconcilerOptions | None = None,
        namespaces: Sequence[str | None] | None = None,
    ) -> SetupResult: ...


class FatalError(Exception):
    """The operator cannot run; the message is one line for the user (exit status 1)."""


class Operator:
    """``teleop run`` as an object: ``await run()`` until ``stop()``; see the module docstring."""

    def __init__(
        self,
        config: OperatorConfig,
        *,
        clock: Clock | None = None,
        registry: CollectorRegistry | None = None,
        setup: SetupControllers | None = None,
    ) -> None:
        self.config = config
        self._setup = setup
        self.clock: Clock = clock if clock is not None else SystemClock()
        self.registry = registry if registry is not None else CollectorRegistry()
        self._stop = asyncio.Event()
        self._built = asyncio.Event()
        self._done = asyncio.Event()
        self._manager: Manager | None = None
        self._teleport: Client | None = None
        self._features: types.Features | None = None
        self.setup_result: SetupResult | None = None
        self.drift: DriftSetup | None = None
        self._ran = False

    # -- what tests and the demo look at ---------------------------------------------------------

    @property
    def manager(self) -> Manager:
        if self._manager is None:
            raise RuntimeError("the operator has not built its manager yet")
        return self._manager

    @property
    def teleport(self) -> Client:
        if self._teleport is None:
            raise RuntimeError("the operator has not built its Teleport client yet")
        return self._teleport

    @property
    def features(self) -> types.Features:
        if self._features is None:
            raise RuntimeError("the operator has not pinged Teleport yet")
        return self._features

    @property
    def metrics_url(self) -> str | None:
        server = self.manager.metrics_server
        return None if server is None else server.url + "/metrics"

    @property
    def health_url(self) -> str | None:
        server = self.manager.health_server
        return None if server is None else server.url

    async def wait_ready(self) -> None:
        """Return once the manager has started (caches synced); raise if ``run`` ended first."""
        built = asyncio.ensure_future(self._built.wait())
        done = asyncio.ensure_future(self._done.wait())
        try:
            await asyncio.wait({built, done}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            built.cancel()
            done.cancel()
        if self._manager is None:
            raise RuntimeError("the operator stopped before it was ready")
        if await self._until_done(_started(self._manager)) is None:
            raise RuntimeError("the operator stopped before it was ready")

    def stop(self) -> None:
        """Begin a graceful shutdown (also before or during start-up)."""
        self._stop.set()
        if self._manager is not None:
            self._manager.stop()

    # -- running ---------------------------------------------------------------------------------

    async def run(self) -> None:
        """Run until ``stop()``. Raises ``FatalError`` or ``LeaderElectionLostError``."""
        if self._ran:
            raise RuntimeError("an Operator runs once")
        self._ran = True
        try:
            await self._run()
        finally:
            self._done.set()

    async def _run(self) -> None:
        cfg = self.config
        runtime_metrics = RuntimeMetrics(self.registry)
        teleport_metrics = TeleportMetrics(self.registry)
        kube = await self._kube_client(runtime_metrics)
        try:
            teleport = Client.from_identity_file(
                cfg.auth_server,
                cfg.identity_file or "",
                server_name=cfg.tls_server_name or None,
                timeout=cfg.teleport_timeout,
                poll_interval=cfg.identity_reload_interval,
                registry=self.registry,
                metrics=teleport_metrics,
                clock=self.clock,
            )
            self._teleport = teleport
            try:
                await teleport.start()
            except (TeleportError, OSError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise FatalError(f"--identity-file {cfg.identity_file}: {reason}") from None
            try:
                pong = await self._preflight(teleport)
                if pong is None:
                    return  # stopped during the preflight
                self._features = pong.ServerFeatures
                manager = self._build_manager(kube, runtime_metrics)
                self.setup_result = await self._setup_controllers(manager, teleport)
                self.drift = setup_drift(
                    manager,
                    teleport,
                    self.setup_result,
                    namespaces=cfg.watched_namespaces,
                    sync_period=cfg.sync_period,
                    live=cfg.live_drift,
                )
                self._manager = manager
                self._built.set()
                if self._stop.is_set():
                    manager.stop()
                await manager.run()
            finally:
                await teleport.close()
        finally:
            await kube.close()

    async def _kube_client(self, metrics: RuntimeMetrics) -> KubeClient:
        cfg = self.config
        if cfg.kubeconfig is not None and not _is_file(cfg.kubeconfig):
            raise FatalError(f"--kubeconfig {cfg.kubeconfig}: no such file")
        try:
            if cfg.kubeconfig is not None:
                return await KubeClient.from_kubeconfig(
                    cfg.kubeconfig, clock=self.clock, metrics=metrics
                )
            return KubeClient.from_incluster(clock=self.clock, metrics=metrics)
        except Exception as exc:  # kubeconfig parsing raises many types
            where = f"--kubeconfig {cfg.kubeconfig}" if cfg.kubeconfig else "in-cluster config"
            raise FatalError(f"{where}: {_one_line(exc)}") from None

    async def _preflight(self, teleport: Client) -> types.PingResponse | None:
        """Ping until it answers, ``preflight_timeout`` passes (FatalError) or ``stop()``."""
        cfg = self.config
        deadline = self.clock.monotonic() + cfg.preflight_timeout
        delay = 0.25
        while True:
            try:
                pong = await self._until_stopped(teleport.ping())
            except TeleportError as exc:
                if self.clock.monotonic() + delay > deadline:
                    raise FatalError(
                        f"cannot reach Teleport at {cfg.auth_server} as "
                        f"{_identity_name(teleport)}: {_one_line(exc)}"
                    ) from None
                _log.warning("Teleport not reachable yet, retrying in %.2fs: %s", delay, exc)
                if await self._until_stopped(self._sleep(delay)) is None:
                    return None
                delay = min(delay * 2, 5.0)
                continue
            if pong is None:
                return None
            _log.info(
                "connected to Teleport",
                extra={
                    "cluster": pong.ClusterName,
                    "serverVersion": pong.ServerVersion,
                    "identity": _identity_name(teleport),
                },
            )
            return pong

    def _build_manager(self, kube: KubeClient, metrics: RuntimeMetrics) -> Manager:
        cfg = self.config
        options = ManagerOptions(
            metrics_bind_address=cfg.metrics_bind_address,
            health_probe_bind_address=cfg.health_probe_bind_address,
            leader_election=cfg.leader_elect,
            leader_election_id=cfg.leader_election_id,
            leader_election_namespace=cfg.namespace,
            lease_duration=cfg.leader_election_lease_duration,
            renew_deadline=cfg.leader_election_renew_deadline,
            retry_period=cfg.leader_election_retry_period,
            sync_period=0,  # no informer resync: the drift verifier re-enqueues instead
            exit_on_lost_leadership=False,  # run_operator turns a lost lease into exit 1
        )
        manager = Manager(options, client=kube, clock=self.clock, metrics=metrics)
        manager.add_healthz_check("ping", ping)
        manager.add_readyz_check("ping", ping)
        return manager

    async def _setup_controllers(self, manager: Manager, teleport: Client) -> SetupResult:
        setup = self._setup if self._setup is not None else setup_controllers
        cfg = self.config
        options = ReconcilerOptions(
            max_concurrent_reconciles=cfg.max_concurrent_reconciles,
            record_owner=cfg.several_namespaces,
        )
        # Only a widened watch passes ``namespaces``, so setups written for one namespace still fit.
        extra: dict[str, Any] = {}
        if cfg.watched_namespaces != (cfg.namespace,):
            extra["namespaces"] = cfg.watched_namespaces
        result: SetupResult = setup(
            manager,
            teleport,
            namespace=cfg.namespace,
            features=self.features,
            options=options,
            **extra,
        )
        _log.info(
            "controllers registered",
            extra={
                "enabled": ",".join(result.enabled),
                "skipped": ",".join(result.skipped),
                "namespaces": ",".join(ns or "*" for ns in cfg.watched_namespaces),
            },
        )
        return result

    async def _sleep(self, seconds: float) -> bool:
        await self.clock.sleep(seconds)
        return True

    async def _until_stopped(self, aw: Awaitable[T]) -> T | None:
        """``aw``'s result, or None (``aw`` cancelled) if ``stop()`` comes first."""
        return await _first(aw, self._stop)

    async def _until_done(self, aw: Awaitable[T]) -> T | None:
        return await _first(aw, self._done)


async def _first(aw: Awaitable[T], event: asyncio.Event) -> T | None:
    work = asyncio.ensure_future(aw)
    waiter = asyncio.ensure_future(event.wait())
    try:
        await asyncio.wait({work, waiter}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
        if not work.done():
            work.cancel()
        await asyncio.gather(work, waiter, return_exceptions=True)
    if work.cancelled():
        return None
    return work.result()


async def _started(manager: Manager) -> bool:
    await manager.wait_started()
    return True


def _is_file(path: str) -> bool:
    return Path(path).expanduser().is_file()


def _identity_name(teleport: Client) -> str:
    try:
        return teleport.identity
    except TeleportError:
        return "?"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


async def run_operator(config: OperatorConfig) -> int:
    """``teleop run``: the operator under a signal handler; the process exit status."""
    operator = Operator(config)
    with SignalHandler(operator.stop):
        try:
            await operator.run()
        except FatalError as exc:
            _log.error("%s", exc)
            print(f"teleop: {exc}", file=sys.stderr)
            return 1
        except LeaderElectionLostError:
            _log.error("lost the leader election Lease %s, exiting", config.leader_election_id)
            return 1
        except Exception as exc:
            _log.exception("teleop stopped on an error")
            print(f"teleop: {_one_line(exc)}", file=sys.stderr)
            return 1
    return 0
