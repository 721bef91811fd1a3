"""Idle: the operator's CPU and RSS over N converged CRs when nothing changes.

N CRs of the ``bench.load`` mix converge (default 10,000), the operator settles (idle queues),
then the bench watches it for 60 s (``--n`` below 10,000 shortens the window in proportion, to no
less than 3 s): CPU as a share of one core (``/proc/PID/stat``), RSS sampled every second (mean
and max of ``VmRSS``), and the writes it made meanwhile (CR writes and Teleport writes should be
0; Lease renewals are the only expected ones). Target: RSS at most 250 MB with 10,000 CRs.
"""

from __future__ import annotations

import asyncio
import time

from bench import Metric, Options
from bench.cold import measure_cold
from bench.load import MIX, make_crs
from bench.world import NAMESPACE, World

__all__ = ["DEFAULT_N", "run", "window_for"]

DEFAULT_N = 10_000
WINDOW = 60.0


def window_for(n: int) -> float:
    return max(3.0, WINDOW * min(1.0, n / DEFAULT_N))


async def _run(n: int) -> list[Metric]:
    window = window_for(n)
    async with World(n) as world:
        op, _ = await measure_cold(world, make_crs(n, NAMESPACE, MIX))
        await asyncio.sleep(1.0)
        await world.clear_writes()
        samples: list[float] = []
        cpu0, t0 = op.cpu_s(), time.perf_counter()
        while (elapsed := time.perf_counter() - t0) < window:
            samples.append(op.rss_mb())
            await asyncio.sleep(min(1.0, window - elapsed))
        cpu, span = op.cpu_s() - cpu0, time.perf_counter() - t0
        samples.append(op.rss_mb())
        kube = await world.kube_writes()
        teleport = await world.teleport_writes()
    return [
        Metric("crs", n, "CRs"),
        Metric("window", span, "s"),
        Metric("cpu", cpu / span * 100, "%", "of one core"),
        Metric("rss_mean", sum(samples) / len(samples), "MiB", "VmRSS, sampled each second"),
        Metric("rss_max", max(samples), "MiB"),
        Metric("kube_writes", kube.cr + kube.events, "writes", f"CRs+Events; {kube.leases} Lease"),
        Metric("teleport_writes", len(teleport), "writes"),
    ]


def run(options: Options) -> list[Metric]:
    return asyncio.run(_run(options.n or DEFAULT_N))
