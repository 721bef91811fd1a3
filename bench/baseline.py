"""Baseline: teleop against the same algorithm written on kopf, for roles and users, same N.

For each N (default 1,000 and 10,000, as ``cold``; ``--n`` runs that one) and each operator, in
a fresh world (fakekube + faketeleport processes): N CRs, half TeleportRole and half TeleportUser
(``bench.load.ROLES_AND_USERS``), cold until all Ready, then a restart until every CR is
re-verified (``bench.restart``). teleop runs as ``teleop run`` (leader election on); kopf runs
``bench/baselines/kopf_operator.py`` with ``kopf run --standalone`` and kopf's defaults. Ratios
are teleop / kopf: throughput (above 1 is teleop faster; the target is at least 3), restart time,
writes per CR and peak RSS (below 1 is teleop cheaper). Skipped, with a message, when kopf is
not installed.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path

from bench import Metric, Options
from bench.cold import DEFAULT_NS, cold_metrics
from bench.load import ROLES_AND_USERS, make_crs
from bench.procs import free_port
from bench.restart import measure_restart, restart_metrics
from bench.world import NAMESPACE, Operator, World

__all__ = ["KOPF_OPERATOR", "kopf_operator", "run"]

KOPF_OPERATOR = Path(__file__).resolve().parent / "baselines" / "kopf_operator.py"
MISSING = "kopf is not installed: pip install kopf (into .venv) to run the baseline"


async def kopf_operator(world: World, name: str) -> Operator:
    """Start the kopf port named ``name`` in ``world``."""
    port = free_port()
    env = world.env()
    env.update(
        BENCH_AUTH_SERVER=world.teleport["address"],
        BENCH_IDENTITY_FILE=world.teleport["identity"],
        BENCH_METRICS_PORT=str(port),
    )
    op = Operator(
        name,
        [sys.executable, "-m", "kopf", "run", "--standalone", "--namespace", NAMESPACE,
         str(KOPF_OPERATOR)],
        world.dir, env,
    )  # fmt: skip
    op.metrics_url = f"http://127.0.0.1:{port}/metrics"
    await world.start_operator(op)
    return op


async def _teleop(world: World, name: str) -> Operator:
    return await world.operator(name)


async def _one(n: int) -> list[Metric]:
    crs = make_crs(n, NAMESPACE, ROLES_AND_USERS)
    async with World(n) as world:
        t_cold, t_restart = await measure_restart(world, crs, _teleop)
    async with World(n) as world:
        k_cold, k_restart = await measure_restart(world, crs, kopf_operator)
    p = f"{n}."
    out = cold_metrics(t_cold, "teleop.") + restart_metrics(t_restart, "teleop.")
    out += cold_metrics(k_cold, "kopf.") + restart_metrics(k_restart, "kopf.")

    def ratio(a: float, b: float) -> float:
        return a / b if b else 0.0

    kube_ratio = ratio(t_cold["kube_writes_per_cr"], k_cold["kube_writes_per_cr"])
    out += [
        Metric(p + "ratio.throughput", ratio(t_cold["crs_per_s"], k_cold["crs_per_s"]), "x",
               "teleop CR/s / kopf CR/s (target >= 3)"),
        Metric(p + "ratio.restart_s", ratio(t_restart["seconds"], k_restart["seconds"]), "x",
               "teleop / kopf re-verify seconds"),
        Metric(p + "ratio.kube_writes_per_cr", kube_ratio, "x", "CR writes, teleop / kopf"),
        Metric(p + "ratio.peak_rss", ratio(t_cold["peak_rss_mb"], k_cold["peak_rss_mb"]), "x",
               "teleop / kopf"),
        Metric(p + "ratio.cpu", ratio(t_cold["cpu_s"], k_cold["cpu_s"]), "x",
               "operator CPU seconds for the cold run, teleop / kopf"),
    ]  # fmt: skip
    return out


def run(options: Options) -> list[Metric]:
    if importlib.util.find_spec("kopf") is None:
        print(f"baseline skipped: {MISSING}", file=sys.stderr)
        return [Metric("skipped", 1, "", MISSING)]
    out: list[Metric] = []
    for n in (options.n,) if options.n else DEFAULT_NS:
        out += asyncio.run(_one(n))
    return out
