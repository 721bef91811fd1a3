"""Restart: ``teleop run`` stopped (SIGTERM) and started again over N converged CRs.

After the cold convergence of N CRs (default 10,000, the mix of ``bench.load``) the operator is
stopped gracefully (it releases its Lease), both write logs are cleared and a new operator is
started. Figures: seconds from spawning the new process until every CR is *re-verified* (see
``bench.steps``: ``controller_runtime_reconcile_total`` >= N and the queues idle), the part of
it spent before the Lease was held (interpreter start, preflight, election), and the writes it
made meanwhile: CR writes, Events and Teleport writes must all be 0. Target: 30 s for 10,000.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable

from bench import Metric, Options
from bench.cold import measure_cold, timeout_for
from bench.load import MIX, Cr, make_crs
from bench.steps import wait_leading, wait_reverified
from bench.world import NAMESPACE, Operator, World

__all__ = ["DEFAULT_N", "measure_restart", "restart_metrics", "run"]

DEFAULT_N = 10_000

StartOperator = Callable[[World, str], Awaitable[Operator]]


async def _teleop(world: World, name: str) -> Operator:
    return await world.operator(name)


async def measure_restart(
    world: World, crs: list[Cr], start: StartOperator = _teleop
) -> tuple[dict[str, float], dict[str, float]]:
    """Cold convergence, then a restart; returns (cold figures, restart figures)."""
    first, cold = await measure_cold(world, crs, lambda w: start(w, "first"))
    await first.stop()
    await world.clear_writes()
    n = len(crs)
    t0 = time.perf_counter()
    second = await start(world, "second")
    t_lead = await wait_leading(world, second)
    t_done = await wait_reverified(world, second, n, timeout_for(n))
    kube = await world.kube_writes()
    teleport = await world.teleport_writes()
    restart = {
        "n": n,
        "seconds": t_done - t0,
        "to_leader_s": t_lead - t0,
        "kube_writes": kube.cr,
        "events": kube.events,
        "teleport_writes": len(teleport),
        "rss_mb": second.rss_mb(),
    }
    await second.stop()
    return cold, restart


def restart_metrics(r: dict[str, float], prefix: str = "") -> list[Metric]:
    p = f"{prefix}{int(r['n'])}."
    return [
        Metric(p + "reverified_s", r["seconds"], "s", "spawn -> every CR reconciled, queue idle"),
        Metric(p + "to_leader_s", r["to_leader_s"], "s", "spawn -> Lease held (part of the above)"),
        Metric(p + "kube_writes", r["kube_writes"], "writes", "CR writes (must be 0)"),
        Metric(p + "events", r["events"], "writes", "Events (must be 0)"),
        Metric(p + "teleport_writes", r["teleport_writes"], "writes", "must be 0"),
    ]


async def _run(n: int) -> list[Metric]:
    async with World(n) as world:
        _, restart = await measure_restart(world, make_crs(n, NAMESPACE, MIX))
    return restart_metrics(restart)


def run(options: Options) -> list[Metric]:
    return asyncio.run(_run(options.n or DEFAULT_N))
