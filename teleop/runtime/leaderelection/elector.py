"""The leader elector: client-go's ``tools/leaderelection`` algorithm on the injected clock.

One elector competes for one ``LeaseLock``:

* **Acquire**: try at once, then every ``retry_period`` x (1 + U[0, 1.2)). A lock whose holder is
  someone else is taken only when it has not *changed* for its ``leaseDurationSeconds``, measured
  on our own monotonic clock from when we first saw that version (``observed_time``); the remote
  renewTime is never trusted, so clock skew between nodes does not matter. A released lock (empty
  holder) is taken at once. The update carries the resourceVersion we read, so of two standbys
  racing for an expired lease exactly one wins and the other gets 409.
* **Watch** (when the lock is a ``WatchableLeaseLock``): while a standby we also watch the lock,
  so each renewal moves ``observed_time`` when it happens rather than at our next poll, a release
  wakes us for an attempt at once, and the next attempt is due at ``observed_time`` + lease +
  ``EXPIRY_MARGIN`` if that comes before the next poll. The watch only informs; every take-over
  still goes through Get + Update, and polling goes on if the watch breaks.
* **Renew**: every ``retry_period``. Fast path: update from the Lease object cached by the lock,
  without a Get, while our lease is still valid; if that fails, slow path Get + Update (counted in
  ``leader_election_slowpath_total``).
* **Lose**: we stop leading when ``renew_deadline`` has passed since the *start* of the last
  successful renewal, or at once when a read shows another holder. This is slightly stricter than
  client-go (whose window starts one retry period after the last success): a standby starts its
  ``lease_duration`` wait no earlier than that renewal reached the server, and
  ``renew_deadline < lease_duration``, so our workers are cancelled before anyone may take over.
  Every request is bounded by the remaining deadline as well as by the per-request timeout.
* **Release** on a graceful stop (``stop()`` or cancellation) with ``release_on_cancel``: after the
  leading task has finished, write holder "" and ``leaseDurationSeconds`` 1, so a standby takes
  over at once (watching) or on its next poll.

``run()`` returns after a graceful stop and raises ``LeaderElectionLostError`` when leadership
was lost. While leading, ``on_started_leading`` runs as a task owned by the elector and is
cancelled the moment leadership ends.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import replace

from teleop.runtime.clock import Clock
from teleop.runtime.leaderelection.callbacks import (
    LeaderCallbacks,
    LeaderElectionLostError,
    jittered,
)
from teleop.runtime.leaderelection.config import LeaderElectionConfig
from teleop.runtime.leaderelection.lock import LeaseLock, LeaseNotFoundError, WatchableLeaseLock
from teleop.runtime.leaderelection.record import LeaderElectionRecord
from teleop.runtime.leaderelection.timeout import clock_timeout
from teleop.runtime.leaderelection.watcher import watch_lock
from teleop.runtime.metrics import RuntimeMetrics

__all__ = [
    "EXPIRY_MARGIN",
    "LeaderCallbacks",
    "LeaderElectionLostError",
    "LeaderElector",
    "jittered",
]

EXPIRY_MARGIN = 0.05
"""Seconds after the observed lease expiry at which a standby makes its take-over attempt."""


class LeaderElector:
    """Competes for ``lock``; see the module docstring for the algorithm."""

    def __init__(
        self,
        lock: LeaseLock,
        config: LeaderElectionConfig | None = None,
        *,
        clock: Clock,
        metrics: RuntimeMetrics | None = None,
        callbacks: LeaderCallbacks | None = None,
        rng: random.Random | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._lock = lock
        self._config = config if config is not None else LeaderElectionConfig()
        self._clock = clock
        self._metrics = metrics
        self._callbacks = callbacks if callbacks is not None else LeaderCallbacks()
        self._rng = rng if rng is not None else random.Random()
        self._log = logger if logger is not None else logging.getLogger(__name__)
        self._observed: LeaderElectionRecord | None = None
        self._observed_time = 0.0
        self._reported_leader = ""
        self._stop = asyncio.Event()
        self._changed = asyncio.Event()
        self._leading = asyncio.Event()
        self._leading_task: asyncio.Task[None] | None = None
        self._tg: asyncio.TaskGroup | None = None
        self._started = False
        self._last_attempt_start = 0.0

    # -- public state --------------------------------------------------------------------------

    @property
    def config(self) -> LeaderElectionConfig:
        return self._config

    @property
    def identity(self) -> str:
        return self._lock.identity

    @property
    def is_leader(self) -> bool:
        """Whether the last record we saw or wrote names us as holder."""
        return self._observed is not None and self._observed.holder_identity == self.identity

    @property
    def leading(self) -> bool:
        """Whether we are between started-leading and stopped-leading right now."""
        return self._leading.is_set()

    @property
    def leader(self) -> str:
        """The holder of the last record we saw ("" when unknown or released)."""
        return self._observed.holder_identity if self._observed is not None else ""

    async def wait_leading(self) -> None:
        """Return once this elector leads."""
        await self._leading.wait()

    def stop(self) -> None:
        """Ask ``run`` to stop gracefully: stop leading, release the lease if configured."""
        self._stop.set()

    # -- main loop -----------------------------------------------------------------------------

    async def run(self) -> None:
        """Acquire, lead while renewing, stop; raises ``LeaderElectionLostError`` on loss."""
        if self._started:
            raise RuntimeError("a LeaderElector runs once")
        self._started = True
        self._set_metric(False)
        lost = False
        async with asyncio.TaskGroup() as tg:
            self._tg = tg
            try:
                if await self._acquire():
                    self._start_leading(tg)
                    lost = await self._renew()
            finally:
                await self._stop_leading(lost=lost)
                self._tg = None
        if lost:
            raise LeaderElectionLostError(f"{self.identity} lost the lease {self._lock.describe()}")

    async def _acquire(self) -> bool:
        desc = self._lock.describe()
        self._log.info("attempting to acquire leader lease %s", desc)
        watcher: asyncio.Task[None] | None = None
        if isinstance(self._lock, WatchableLeaseLock) and self._tg is not None:
            watcher = self._tg.create_task(
                watch_lock(
                    self._lock,
                    self._on_watched,
                    clock=self._clock,
                    retry_period=self._config.retry_period,
                    logger=self._log,
                )
            )
        try:
            while not self._stop.is_set():
                ok = await self._attempt(None)
                self._maybe_report_transition()
                if ok:
                    self._log.info("successfully acquired lease %s", desc)
                    return True
                if await self._wait_next_attempt():
                    break
            return False
        finally:
            if watcher is not None:
                watcher.cancel()
                await asyncio.gather(watcher, return_exceptions=True)

    def _on_watched(self, record: LeaderElectionRecord) -> None:
        """A record from the watch: note when we saw it; wake the acquire loop."""
        if self._stop.is_set() or self.is_leader or record == self._observed:
            return
        self._set_observed(record)
        self._maybe_report_transition()
        self._changed.set()

    async def _wait_next_attempt(self) -> bool:
        """Wait for the next poll, the observed lease's expiry or a release; True if stopping."""
        cfg = self._config
        poll_at = self._clock.monotonic() + jittered(cfg.retry_period, cfg.jitter_factor, self._rng)
        while True:
            if self._changed.is_set():
                self._changed.clear()
                if self._observed is not None and not self._observed.holder_identity:
                    return False  # released: try at once
            due = poll_at
            if self._observed is not None and self._observed.holder_identity:
                expiry = self._observed_time + self._observed.lease_duration_seconds
                if expiry > self._clock.monotonic():  # else a failed attempt: wait for the poll
                    due = min(due, expiry + EXPIRY_MARGIN)
            remaining = due - self._clock.monotonic()
            if remaining <= 0:
                return self._stop.is_set()
            if await self._pause(remaining, wake=self._changed):
                return True
            if not self._changed.is_set():
                return False

    async def _renew(self) -> bool:
        """Renew until stopped (False) or lost (True)."""
        cfg = self._config
        last_ok = self._last_attempt_start
        while True:
            if await self._pause(cfg.retry_period):
                return False
            deadline = last_ok + cfg.renew_deadline
            while True:
                start = self._clock.monotonic()
                if start >= deadline:
                    self._log.error("failed to renew lease %s: deadline", self._lock.describe())
                    return True
                ok = await self._attempt(deadline - start)
                self._maybe_report_transition()
                if ok:
                    last_ok = start
                    break
                if not self.is_leader:
                    self._log.error(
                        "lease %s is now held by %r", self._lock.describe(), self.leader
                    )
                    return True
                if self._stop.is_set():
                    return False
                remaining = deadline - self._clock.monotonic()
                if await self._pause(min(cfg.retry_period, max(0.0, remaining))):
                    return False

    async def _attempt(self, budget: float | None) -> bool:
        """One ``tryAcquireOrRenew``, bounded by ``budget`` seconds; never raises."""
        self._last_attempt_start = self._clock.monotonic()
        try:
            return await clock_timeout(self._clock, budget, self._try_acquire_or_renew())
        except TimeoutError:
            self._log.warning("lease %s: attempt timed out", self._lock.describe())
            return False

    async def _call(self, aw: Awaitable[object]) -> None:
        await clock_timeout(self._clock, self._config.effective_request_timeout, aw)

    async def _try_acquire_or_renew(self) -> bool:
        now_wall = self._clock.now()
        desired = LeaderElectionRecord(
            holder_identity=self.identity,
            lease_duration_seconds=self._config.lease_duration_seconds,
            acquire_time=now_wall,
            renew_time=now_wall,
        )
        # 1. Fast path: the leader updates from its cached object, no Get.
        if self.is_leader and self._lease_valid() and self._observed is not None:
            record = replace(
                desired,
                acquire_time=self._observed.acquire_time,
                leader_transitions=self._observed.leader_transitions,
            )
            try:
                await self._call(self._lock.update(record))
            except Exception as exc:
                self._log.info("fast-path renewal failed (%s), falling back to slow path", exc)
            else:
                self._set_observed(record)
                return True
        # 2. Read the current record, or create the lock.
        try:
            current = await self._lock_get()
        except LeaseNotFoundError:
            try:
                await self._call(self._lock.create(desired))
            except Exception as exc:
                self._log.warning("creating lease %s failed: %s", self._lock.describe(), exc)
                return False
            self._set_observed(desired)
            return True
        except Exception as exc:
            self._log.warning("reading lease %s failed: %s", self._lock.describe(), exc)
            return False
        # 3. Remember when *we* saw this version; never trust the remote timestamps.
        if current != self._observed:
            self._set_observed(current)
        if current.holder_identity and self._lease_valid() and not self.is_leader:
            self._log.debug("lease %s held by %s", self._lock.describe(), current.holder_identity)
            return False
        # 4. Take or renew it, with optimistic concurrency from the read.
        if self.is_leader:
            record = replace(
                desired,
                acquire_time=current.acquire_time,
                leader_transitions=current.leader_transitions,
            )
            if self._metrics is not None:
                self._metrics.leader_election_slowpath.labels(name=self._config.name).inc()
        else:
            record = replace(desired, leader_transitions=current.leader_transitions + 1)
        try:
            await self._call(self._lock.update(record))
        except Exception as exc:
            self._log.info("updating lease %s failed: %s", self._lock.describe(), exc)
            return False
        self._set_observed(record)
        return True

    async def _lock_get(self) -> LeaderElectionRecord:
        result: list[LeaderElectionRecord] = []

        async def get() -> None:
            result.append(await self._lock.get())

        await self._call(get())
        return result[0]

    # -- leading -------------------------------------------------------------------------------

    def _start_leading(self, tg: asyncio.TaskGroup) -> None:
        self._set_metric(True)
        self._leading.set()
        self._lock.record_event("became leader")
        if self._callbacks.on_started_leading is not None:
            self._leading_task = tg.create_task(_call(self._callbacks.on_started_leading))

    async def _stop_leading(self, *, lost: bool) -> None:
        was_leading = self._leading.is_set()
        task, self._leading_task = self._leading_task, None
        if task is not None:
            task.cancel()
        self._leading.clear()
        self._set_metric(False)
        if not was_leading:
            return
        if lost:
            self._invoke(self._callbacks.on_stopped_leading)
        if task is not None:
            await asyncio.wait({task})
        self._lock.record_event("stopped leading")
        if not lost and self._config.release_on_cancel:
            await self._release()
        if not lost:
            self._invoke(self._callbacks.on_stopped_leading)

    async def _release(self) -> None:
        if not self.is_leader or self._observed is None:
            return
        now_wall = self._clock.now()
        record = LeaderElectionRecord(
            holder_identity="",
            lease_duration_seconds=1,
            acquire_time=now_wall,
            renew_time=now_wall,
            leader_transitions=self._observed.leader_transitions,
        )
        try:
            await clock_timeout(self._clock, self._config.renew_deadline, self._lock.update(record))
        except Exception as exc:
            self._log.warning("releasing lease %s failed: %s", self._lock.describe(), exc)
            return
        self._set_observed(record)
        self._log.info("released lease %s", self._lock.describe())

    # -- helpers -------------------------------------------------------------------------------

    def _set_observed(self, record: LeaderElectionRecord) -> None:
        self._observed = record
        self._observed_time = self._clock.monotonic()

    def _lease_valid(self) -> bool:
        if self._observed is None:
            return False
        expiry = self._observed_time + self._observed.lease_duration_seconds
        return expiry > self._clock.monotonic()

    def _maybe_report_transition(self) -> None:
        holder = self.leader
        if self._observed is None or holder == self._reported_leader:
            return
        self._reported_leader = holder
        if holder:
            self._log.info("new leader of %s: %s", self._lock.describe(), holder)
        if self._callbacks.on_new_leader is not None:
            self._invoke(self._callbacks.on_new_leader, holder)

    def _invoke(self, fn: Callable[..., object] | None, *args: object) -> None:
        if fn is None:
            return
        try:
            result = fn(*args)
        except Exception:
            self._log.exception("leader election callback failed")
            return
        if inspect.isawaitable(result) and self._tg is not None:
            self._tg.create_task(_await(result))

    async def _pause(self, seconds: float, *, wake: asyncio.Event | None = None) -> bool:
        """Sleep ``seconds`` on the clock (or until ``wake``); True (early) if stopping."""
        if self._stop.is_set():
            return True
        waiters = {
            asyncio.ensure_future(self._stop.wait()),
            asyncio.ensure_future(self._clock.sleep(seconds)),
        }
        if wake is not None:
            waiters.add(asyncio.ensure_future(wake.wait()))
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()
            await asyncio.gather(*waiters, return_exceptions=True)
        return self._stop.is_set()

    def _set_metric(self, leading: bool) -> None:
        if self._metrics is not None:
            self._metrics.leader_election_master_status.labels(name=self._config.name).set(
                1 if leading else 0
            )


async def _await(aw: Awaitable[object]) -> None:
    await aw


async def _call(fn: Callable[[], Awaitable[None]]) -> None:
    """Create the coroutine inside the task, so a task cancelled before it runs leaks none."""
    await fn()
