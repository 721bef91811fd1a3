"""``PeriodicVerifier``: every CR is reconciled again once per ``--sync-period``, spread out.

The Go operator's informer resync is filtered out by its own predicate, so nothing there ever
re-reads Teleport: a resource changed or deleted directly in Teleport stays wrong until its CR
changes. teleop re-enqueues every CR of every reconciled kind once per period, like a
controller-runtime source feeding the controllers' queues, and the generic reconciler does the
rest: one Get per CR, no write when Teleport still matches (``compare.needs_write``), a restore
(``DriftCorrected``) when it does not.

The round is spread over the period instead of enqueued at once: with N CRs, one CR every
``period / N`` seconds (batched so that the verifier wakes at most every ``min_tick``), so 10,000
CRs over 10 minutes are about 17 Gets a second, not a burst of 10,000. Each round's length is the
period jittered by ±``jitter`` (10 %) so replicas and restarts do not fall into step. The CRs of a
round are the ones cached when it starts; a CR deleted meanwhile is skipped, a new one waits for
the next round (its creation reconciled it anyway). The first round starts one period after the
verifier does, since the informers' initial list has just reconciled everything.

Time comes from the injected clock and randomness from the injected ``random.Random``, so tests
drive rounds with ``FakeClock``. It runs only on the leader (controllers only reconcile there).
"""

from __future__ import annotations

import logging
import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from teleop.runtime import Clock, KubeObject, Request

__all__ = ["ControllerTarget", "PeriodicVerifier", "VerifyTarget"]

_log = logging.getLogger(__name__)


class _Lister(Protocol):
    def get(self, namespace: str | None, name: str) -> KubeObject | None: ...

    def list(self, namespace: str | None = None) -> list[KubeObject]: ...


class _Enqueuer(Protocol):
    def enqueue(self, request: Request) -> None: ...


class VerifyTarget(Protocol):
    """One kind: the CRs to verify and the queue to put them in."""

    @property
    def name(self) -> str: ...

    def requests(self) -> list[Request]:
        """Every CR cached now."""
        ...

    def still_there(self, request: Request) -> bool: ...

    def enqueue(self, request: Request) -> None: ...


@dataclass(frozen=True, slots=True)
class ControllerTarget:
    """A controller and the cache of its kind's CRs."""

    name: str
    controller: _Enqueuer
    lister: _Lister

    def requests(self) -> list[Request]:
        out: list[Request] = []
        for obj in self.lister.list():
            md = obj.get("metadata") or {}
            out.append(Request(md.get("namespace") or "", md.get("name") or ""))
        return out

    def still_there(self, request: Request) -> bool:
        return self.lister.get(request.namespace, request.name) is not None

    def enqueue(self, request: Request) -> None:
        self.controller.enqueue(request)


class PeriodicVerifier:
    """Re-enqueues every CR of ``targets`` once per jittered ``period`` (module docstring)."""

    need_leader_election = True

    def __init__(
        self,
        targets: Sequence[VerifyTarget],
        *,
        period: float,
        clock: Clock,
        rng: random.Random | None = None,
        jitter: float = 0.1,
        min_tick: float = 0.05,
        logger: logging.Logger | None = None,
    ) -> None:
        if period <= 0:
            raise ValueError("the verification period must be positive")
        if not 0 <= jitter < 1:
            raise ValueError("jitter must be in [0, 1)")
        self._targets = tuple(targets)
        self.period = period
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._jitter = jitter
        self._min_tick = min_tick
        self._log = logger if logger is not None else _log
        self.rounds = 0
        """Completed rounds (for tests and debugging)."""

    def next_period(self) -> float:
        """The length of the next round: ``period`` ± ``jitter``."""
        return self.period * (1 - self._jitter + 2 * self._jitter * self._rng.random())

    async def run(self) -> None:
        """Verify round after round until cancelled."""
        while True:
            await self.run_round(self.next_period())

    async def run_round(self, length: float) -> int:
        """One round: the CRs cached now, enqueued evenly over ``length`` seconds; returns how
        many were enqueued."""
        snapshot = [(t, r) for t in self._targets for r in t.requests()]
        if not snapshot:
            await self._clock.sleep(length)
            self.rounds += 1
            return 0
        interval = length / len(snapshot)
        batch = max(1, math.ceil(self._min_tick / interval)) if interval > 0 else len(snapshot)
        enqueued = 0
        for start in range(0, len(snapshot), batch):
            await self._clock.sleep(interval * batch)
            for target, request in snapshot[start : start + batch]:
                if target.still_there(request):
                    target.enqueue(request)
                    enqueued += 1
        self.rounds += 1
        self._log.debug(
            "verification round done", extra={"enqueued": enqueued, "seconds": round(length, 1)}
        )
        return enqueued
