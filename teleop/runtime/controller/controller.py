"""The controller: a rate-limited work queue, event sources feeding it, and workers reconciling.

controller-runtime's ``pkg/internal/controller`` on asyncio. ``watch`` binds an event handler
(default ``EnqueueRequestForObject``) with its predicates to the queue. As in controller-runtime,
the handler is registered on its source (an informer) only when ``run`` starts, and removed when
it ends: a standby replica keeps its informers warm but its controllers queue nothing, and on
taking over the informer replays its cache as adds. ``run`` then waits until every watched source
has synced (polling every 100 ms on the injected clock, failing after ``cache_sync_timeout``), then
runs
``max_concurrent_reconciles`` workers in a ``TaskGroup``. Each worker loops get → reconcile →
done, so one key is never reconciled twice at once.

What a reconcile's outcome does (controller-runtime's ``reconcileHandler``):

=========================== ==================================== ===========================
outcome                     queue                                reconcile_total{result} etc.
=========================== ==================================== ===========================
exception                   ``add_rate_limited``                 error; reconcile_errors_total
``TerminalError`` [#]_      nothing (backoff not forgotten)      error; reconcile_errors_total,
                                                                 terminal_reconcile_errors_total
crash (panic)               as an exception                      + reconcile_panics_total
timeout                     as an exception                      + reconcile_timeouts_total
``Result(requeue_after=d)`` ``forget`` then ``add_after(d)``     requeue_after
``Result(requeue=True)``    ``add_rate_limited``                 requeue
``Result()``                ``forget``                           success
=========================== ==================================== ===========================

.. [#] also when raised ``from`` a ``TerminalError`` or in an exception group with one.

A "panic" is a ``BaseException`` that is not an ``Exception`` (other than cancellation,
``KeyboardInterrupt`` and ``SystemExit``, which always propagate), or a stray ``CancelledError``
from a reconciler whose worker was not being cancelled. Returning something that is not a
``Result`` is an error. The worker survives every outcome unless ``recover_panic`` is off.

Each reconcile runs inside ``log_fields(controller, namespace, name, reconcileID)`` so its log
lines, and those of the reconciler, carry them.

Stopping: the first cancellation of ``run`` (or ``shutdown``) stops handing out work, lets the
reconciles in flight finish, and then ``run`` ends (re-raising the cancellation). A second
cancellation, or ``shutdown(grace)`` running out of ``grace``, cancels the reconciles in flight.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Sequence
from typing import Protocol

from teleop.runtime.cache.events import ResourceEventHandler
from teleop.runtime.clock import Clock
from teleop.runtime.controller.options import Options
from teleop.runtime.handler import EnqueueRequestForObject, EventHandler, HandlerFactory
from teleop.runtime.log import log_fields
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.predicate import Predicate
from teleop.runtime.reconcile import Reconciler, Request, Result, TerminalError
from teleop.runtime.workqueue import RateLimitingQueue, default_controller_rate_limiter

__all__ = ["CacheSyncTimeoutError", "Controller", "ReconcileTimeoutError", "Source"]

SYNC_POLL_INTERVAL = 0.1
"""client-go's WaitForCacheSync polls every 100 ms."""


class Source(Protocol):
    """Something that emits object events: an informer (``teleop.runtime.cache``)."""

    def add_event_handler(self, handler: ResourceEventHandler) -> object: ...

    def has_synced(self) -> bool: ...


class CacheSyncTimeoutError(TimeoutError):
    """The watched sources did not sync within ``cache_sync_timeout``."""


class ReconcileTimeoutError(TimeoutError):
    """A reconcile ran longer than ``reconcile_timeout`` and was cancelled."""


class Controller:
    """Reconciles the keys its sources enqueue. See the module docstring for the semantics."""

    def __init__(
        self,
        name: str,
        reconciler: Reconciler,
        *,
        clock: Clock,
        options: Options | None = None,
        metrics: RuntimeMetrics | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        if not name:
            raise ValueError("a controller needs a name (it labels logs and metrics)")
        self.name = name
        self.options = options if options is not None else Options()
        self._reconciler = reconciler
        self._clock = clock
        self._metrics = metrics if metrics is not None else RuntimeMetrics()
        self._log = logger if logger is not None else logging.getLogger(__name__)
        limiter = self.options.rate_limiter or default_controller_rate_limiter(clock)
        self.queue: RateLimitingQueue[Request] = RateLimitingQueue(
            limiter, clock=clock, name=name, metrics=self._metrics
        )
        self._sources: list[Source] = []
        self._handlers: list[tuple[Source, EventHandler]] = []
        self._workers: list[asyncio.Task[None]] = []
        self._started = False
        self._stop = asyncio.Event()
        self._finished = asyncio.Event()
        self._metrics.init_controller(name, self.options.max_concurrent_reconciles)
        self._active = self._metrics.active_workers.labels(controller=name)
        self._time = self._metrics.reconcile_time.labels(controller=name)

    @property
    def need_leader_election(self) -> bool:
        return self.options.need_leader_election

    def watch(
        self,
        source: Source,
        handler: HandlerFactory | None = None,
        predicates: Sequence[Predicate] = (),
    ) -> EventHandler:
        """Feed ``source``'s events, filtered by ``predicates``, through ``handler`` to the queue.

        ``handler`` defaults to ``EnqueueRequestForObject``. ``run`` waits for the source to sync
        if it was watched before ``run`` started. Returns the registered handler.
        """
        factory: HandlerFactory = handler if handler is not None else EnqueueRequestForObject
        bound = factory(self.queue, tuple(predicates))
        self._sources.append(source)
        self._handlers.append((source, bound))
        if self._started:
            source.add_event_handler(bound)
        return bound

    def _attach_handlers(self) -> None:
        for source, bound in self._handlers:
            source.add_event_handler(bound)

    def _detach_handlers(self) -> None:
        for source, bound in self._handlers:
            remove = getattr(source, "remove_event_handler", None)
            if remove is not None:
                remove(bound)

    def enqueue(self, request: Request) -> None:
        """Ask for ``request`` to be reconciled (for triggers that are not informers)."""
        self.queue.add(request)

    def enqueue_after(self, request: Request, seconds: float) -> None:
        """Ask for ``request`` to be reconciled after ``seconds``."""
        self.queue.add_after(request, seconds)

    async def run(self) -> None:
        """Wait for the sources to sync, then reconcile until stopped (see the module docstring).

        Raises ``CacheSyncTimeoutError`` if the sources do not sync in time.
        """
        if self._started:
            raise RuntimeError(f"controller {self.name} was already started")
        self._started = True
        cancelled: asyncio.CancelledError | None = None
        self._attach_handlers()
        try:
            with log_fields(controller=self.name):
                if not await self._wait_for_cache_sync():
                    return
                workers = self.options.max_concurrent_reconciles
                self._log.info("Starting workers", extra={"worker_count": workers})
                async with asyncio.TaskGroup() as tg:
                    self._workers = [
                        tg.create_task(self._worker(), name=f"{self.name}-worker-{i}")
                        for i in range(workers)
                    ]
                    try:
                        await self._stop.wait()
                    except asyncio.CancelledError as exc:
                        cancelled = exc  # stop gracefully; a second cancel aborts the group
                    self._log.info("Shutdown signal received, waiting for all workers to finish")
                    self._begin_stop()
                self._log.info("All workers finished")
        finally:
            self._detach_handlers()
            self._begin_stop()
            self._finished.set()
        if cancelled is not None:
            raise cancelled

    async def shutdown(self, grace: float | None = None) -> None:
        """Stop taking work and wait for ``run`` to end.

        Reconciles in flight get ``grace`` seconds (on the injected clock; ``None`` = as long as
        they take) to finish, then they are cancelled. Returns at once if ``run`` never started.
        """
        self._begin_stop()
        if not self._started or self._finished.is_set():
            return
        finished = asyncio.create_task(self._finished.wait())
        timer = asyncio.create_task(self._clock.sleep(grace)) if grace is not None else None
        try:
            waits: list[asyncio.Task[object]] = [finished] if timer is None else [finished, timer]
            await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
            if not finished.done():
                self._log.warning(
                    "Grace period over, cancelling reconciles in flight",
                    extra={"controller": self.name},
                )
                for worker in self._workers:
                    worker.cancel()
                await finished
        finally:
            for task in (finished, timer):
                if task is not None and not task.done():
                    task.cancel()
                    await asyncio.wait((task,))

    # -- internals ----------------------------------------------------------------------------

    def _begin_stop(self) -> None:
        self._stop.set()
        self.queue.shut_down()

    async def _wait_for_cache_sync(self) -> bool:
        """True once every source has synced; False if stopped first."""
        sources = list(self._sources)
        timeout = self.options.cache_sync_timeout
        deadline = self._clock.monotonic() + timeout
        while not all(s.has_synced() for s in sources):
            if self._stop.is_set():
                return False
            remaining = deadline - self._clock.monotonic()
            if remaining <= 0:
                raise CacheSyncTimeoutError(
                    f"controller {self.name}: timed out after {timeout:g}s waiting for "
                    f"{len(sources)} source(s) to sync"
                )
            await self._clock.sleep(min(SYNC_POLL_INTERVAL, remaining))
        return not self._stop.is_set()

    async def _worker(self) -> None:
        while not self._stop.is_set():
            request = await self.queue.get()
            if request is None:
                return
            try:
                if self._stop.is_set():
                    return  # stopping: leave queued work for the next leader
                self._active.inc()
                try:
                    await self._reconcile_handler(request)
                finally:
                    self._active.dec()
            finally:
                self.queue.done(request)

    async def _reconcile_handler(self, request: Request) -> None:
        start = self._clock.monotonic()
        with log_fields(
            controller=self.name,
            namespace=request.namespace,
            name=request.name,
            reconcileID=str(uuid.uuid4()),
        ):
            try:
                outcome = await self._reconcile(request)
            finally:
                self._time.observe(max(0.0, self._clock.monotonic() - start))
            if isinstance(outcome, BaseException):
                self._on_error(request, outcome)
            else:
                self._on_result(request, outcome)

    async def _reconcile(self, request: Request) -> Result | BaseException:
        """Run the reconciler; return its result or the exception to treat as an error."""
        try:
            return await self._call_reconciler(request)
        except asyncio.CancelledError as exc:
            task = asyncio.current_task()
            if task is not None and task.cancelling():
                raise  # the worker is being cancelled
            return self._on_panic(exc)
        except (KeyboardInterrupt, SystemExit):
            raise
        except Exception as exc:
            return exc
        except BaseException as exc:
            return self._on_panic(exc)

    def _on_panic(self, exc: BaseException) -> BaseException:
        self._metrics.reconcile_panics.labels(controller=self.name).inc()
        if not self.options.recover_panic:
            self._log.error("Observed a panic in reconciler", exc_info=exc)
            if isinstance(exc, asyncio.CancelledError):
                # A TaskGroup ignores a cancelled child: make the crash visible instead.
                raise RuntimeError("reconciler raised CancelledError") from exc
            raise exc
        return exc

    async def _call_reconciler(self, request: Request) -> Result:
        timeout = self.options.reconcile_timeout
        if timeout is None:
            return await self._reconciler.reconcile(request)
        call = asyncio.create_task(self._reconciler.reconcile(request))
        timer = asyncio.create_task(self._clock.sleep(timeout))
        try:
            done, _ = await asyncio.wait((call, timer), return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (timer, call):
                if not task.done():
                    task.cancel()
                    await asyncio.wait((task,))
        if call in done:
            return call.result()
        self._metrics.reconcile_timeouts.labels(controller=self.name).inc()
        raise ReconcileTimeoutError(f"reconcile did not finish within {timeout:g}s")

    def _on_error(self, request: Request, err: BaseException) -> None:
        if _is_terminal(err):
            self._metrics.terminal_reconcile_errors.labels(controller=self.name).inc()
        else:
            self.queue.add_rate_limited(request)
        self._metrics.reconcile_errors.labels(controller=self.name).inc()
        self._count("error")
        self._log.error("Reconciler error", exc_info=err)

    def _on_result(self, request: Request, result: object) -> None:
        if not isinstance(result, Result):
            self._on_error(request, TypeError(f"reconcile returned {result!r}, not a Result"))
        elif result.requeue_after > 0:
            self.queue.forget(request)
            self.queue.add_after(request, result.requeue_after)
            self._count("requeue_after")
            self._log.debug("Reconcile done, requeueing after %gs", result.requeue_after)
        elif result.requeue:
            self.queue.add_rate_limited(request)
            self._count("requeue")
            self._log.debug("Reconcile done, requeueing")
        else:
            self.queue.forget(request)
            self._count("success")
            self._log.debug("Reconcile successful")

    def _count(self, result: str) -> None:
        self._metrics.reconcile_total.labels(controller=self.name, result=result).inc()


def _is_terminal(err: BaseException) -> bool:
    """Like Go's ``errors.Is(err, TerminalError)``: the error, what it was raised ``from``, or
    any member of an exception group."""
    seen: set[int] = set()
    todo = [err]
    while todo:
        e = todo.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        if isinstance(e, TerminalError):
            return True
        if isinstance(e, BaseExceptionGroup):
            todo.extend(e.exceptions)
        if e.__cause__ is not None:
            todo.append(e.__cause__)
    return False
