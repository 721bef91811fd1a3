"""Steps the end-to-end scenarios share: wait for a leader, converge N CRs, wait for re-verification.

Criteria, read from the operator's ``/metrics`` (the kopf baseline serves the same names):

- *leading*: ``leader_election_master_status`` is 1, then a short pause for the informers' first
  list (an empty namespace syncs at once);
- *re-verified* after a restart: ``controller_runtime_reconcile_total`` summed over controllers
  is at least N, and ``workqueue_depth`` plus ``controller_runtime_active_workers`` are 0 on two
  scrapes in a row (nothing queued, nothing in progress). Every CR is reconciled once at start-up
  (the initial list), so this is the moment each one has been compared with Teleport again;
- *converged*: every CR is Ready for its current generation (``ReadyTracker``) and the operator is
  idle by the same metrics (its last status writes may trail the Ready it reports).
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import aiohttp

from bench.load import Cr, ReadyTracker, create_all
from bench.world import NAMESPACE, Operator, World

__all__ = ["Converged", "converge", "wait_idle", "wait_leading", "wait_reverified"]

POLL = 0.1


async def _metrics(world: World, op: Operator) -> dict[str, float] | None:
    try:
        return await world.metrics(op)
    except (aiohttp.ClientError, OSError):
        return None


async def wait_leading(world: World, op: Operator, limit: float = 60.0) -> float:
    """Until ``op`` holds the Lease; returns ``perf_counter`` at that moment."""
    try:
        return await _wait_leading(world, op, limit)
    except TimeoutError:
        m = await _metrics(world, op)
        raise RuntimeError(
            f"{op.name} did not lead within {limit:.0f} s (metrics: {m and {k: v for k, v in m.items() if k.startswith('leader')}}); "
            f"its log ends:\n{op.log_tail()}"
        ) from None


async def _wait_leading(world: World, op: Operator, limit: float) -> float:
    async with asyncio.timeout(limit):
        while True:
            if not op.alive():
                raise RuntimeError(f"{op.name} exited:\n{op.log_tail()}")
            m = await _metrics(world, op)
            if m is not None and m.get("leader_election_master_status", 0) >= 1:
                t = time.perf_counter()
                await asyncio.sleep(0.5)
                return t
            await asyncio.sleep(POLL)


def _idle(m: dict[str, float]) -> bool:
    return m.get("workqueue_depth", 0) == 0 and m.get("controller_runtime_active_workers", 0) == 0


async def wait_idle(world: World, op: Operator, min_reconciles: float, limit: float) -> float:
    """Until ``op`` has reconciled ``min_reconciles`` times and is idle on two scrapes running;
    returns ``perf_counter`` at the first of the two."""
    first: float | None = None
    async with asyncio.timeout(limit):
        while True:
            if not op.alive():
                raise RuntimeError(f"{op.name} exited:\n{op.log_tail()}")
            now = time.perf_counter()
            m = await _metrics(world, op)
            ok = m is not None and m.get("controller_runtime_reconcile_total", 0) >= min_reconciles
            if ok and m is not None and _idle(m):
                if first is not None:
                    return first
                first = now
            else:
                first = None
            await asyncio.sleep(POLL)


async def wait_reverified(world: World, op: Operator, n: int, limit: float) -> float:
    return await wait_idle(world, op, n, limit)


@dataclass(frozen=True, slots=True)
class Converged:
    seconds: float
    """First create to the last CR Ready."""
    create_seconds: float
    """How long the load generator took to create them."""
    settle_seconds: float
    """First create until the operator was idle too."""


async def converge(world: World, op: Operator, crs: list[Cr], limit: float) -> Converged:
    """Create ``crs`` while ``op`` leads and wait until every one is Ready and ``op`` is idle."""
    async with ReadyTracker(world.kube, NAMESPACE, {c.kind.kind for c in crs}) as tracker:
        t0 = time.perf_counter()
        create_s = await create_all(world.kube, crs)
        try:
            t_ready = await tracker.wait(len(crs), limit)
        except TimeoutError:
            raise RuntimeError(
                f"only {len(tracker.ready)} of {len(crs)} CRs Ready after {limit:.0f} s; "
                f"{op.name}'s log ends:\n{op.log_tail()}"
            ) from None
    t_idle = await wait_idle(world, op, len(crs), limit)
    return Converged(t_ready - t0, create_s, max(t_idle, t_ready) - t0)
