"""Cold start: N new CRs of a mix of kinds until all are Ready, with ``teleop run`` already leading.

Per N (default 1,000 and 10,000; ``--n`` runs that one N): seconds from the first create to the
last CR Ready (the load generator creates them 32 at a time while the operator works, so creation
is inside the figure; its own duration is reported too), CRs per second, the operator's
Kubernetes writes per CR (CR patches and status patches; Events counted apart), Teleport writes
per CR, the operator's peak RSS (``VmHWM``) and its CPU seconds. Targets on 2 cores: 1,000 in
10 s, 10,000 in 90 s. fakekube, faketeleport, the operator and this process share the 2 cores.
"""

from __future__ import annotations

import asyncio
import resource
from collections.abc import Awaitable, Callable

from bench import Metric, Options
from bench.load import MIX, Cr, make_crs
from bench.steps import converge, wait_leading
from bench.world import NAMESPACE, Operator, World

__all__ = ["DEFAULT_NS", "cold_metrics", "measure_cold", "run"]

DEFAULT_NS = (1_000, 10_000)

StartOperator = Callable[[World], Awaitable[Operator]]


async def _teleop(world: World) -> Operator:
    return await world.operator("teleop")


def timeout_for(n: int) -> float:
    return 120.0 + 0.5 * n


async def measure_cold(
    world: World, crs: list[Cr], start: StartOperator = _teleop
) -> tuple[Operator, dict[str, float]]:
    """Start an operator, wait until it leads, converge ``crs``; the operator stays running."""
    op = await start(world)
    await wait_leading(world, op)
    await world.clear_writes()
    others = [world.child("fakekube"), world.child("faketeleport")]
    cpu0, others0, self0 = op.cpu_s(), [c.cpu_s() for c in others], _self_cpu()
    done = await converge(world, op, crs, timeout_for(len(crs)))
    others_cpu = [c.cpu_s() - c0 for c, c0 in zip(others, others0, strict=True)]
    self_cpu = _self_cpu() - self0
    kube = await world.kube_writes()
    teleport = await world.teleport_writes()
    n = len(crs)
    return op, {
        "n": n,
        "seconds": done.seconds,
        "create_seconds": done.create_seconds,
        "settle_seconds": done.settle_seconds,
        "crs_per_s": n / done.seconds,
        "kube_writes_per_cr": kube.cr / n,
        "events_per_cr": kube.events / n,
        "teleport_writes_per_cr": len(teleport) / n,
        "peak_rss_mb": op.peak_rss_mb(),
        "cpu_s": op.cpu_s() - cpu0,
        "fakekube_cpu_s": others_cpu[0],
        "faketeleport_cpu_s": others_cpu[1],
        "bench_cpu_s": self_cpu,
    }


def _self_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def cold_metrics(r: dict[str, float], prefix: str = "") -> list[Metric]:
    n = int(r["n"])
    p = f"{prefix}{n}."
    return [
        Metric(p + "ready_s", r["seconds"], "s", "first create -> last CR Ready"),
        Metric(p + "crs_per_s", r["crs_per_s"], "CR/s"),
        Metric(p + "create_s", r["create_seconds"], "s", "load generator, 32 in flight"),
        Metric(p + "kube_writes_per_cr", r["kube_writes_per_cr"], "writes", "CR + status patches"),
        Metric(p + "events_per_cr", r["events_per_cr"], "writes", "Event creates/patches"),
        Metric(p + "teleport_writes_per_cr", r["teleport_writes_per_cr"], "writes"),
        Metric(p + "peak_rss", r["peak_rss_mb"], "MiB", "operator VmHWM"),
        Metric(p + "cpu", r["cpu_s"], "s", "operator CPU during the run"),
        Metric(p + "cpu_fakekube", r["fakekube_cpu_s"], "s", "same run, fakekube process"),
        Metric(p + "cpu_faketeleport", r["faketeleport_cpu_s"], "s", "same run"),
        Metric(p + "cpu_bench", r["bench_cpu_s"], "s", "load generator + Ready watch"),
    ]


async def _one(n: int) -> list[Metric]:
    async with World(n) as world:
        _, r = await measure_cold(world, make_crs(n, NAMESPACE, MIX))
    return cold_metrics(r)


def run(options: Options) -> list[Metric]:
    out: list[Metric] = []
    for n in (options.n,) if options.n else DEFAULT_NS:
        out += asyncio.run(_one(n))
    return out
