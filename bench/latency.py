"""Change latency: from a CR spec change to Teleport's write, at a steady 50 changes per second.

N CRs of the ``bench.load`` mix converge first (default 1,000); then the load generator patches
the spec of its roles round-robin (``allow.logins`` gets a new value: a new generation each time),
one merge patch every 20 ms on a fixed schedule (a late patch does not delay the next), for
min(N, 1,000) changes (20 s at the default). The latency of a change is faketeleport's write time
for that role (its write log, wall clock) minus the wall-clock time just before the patch was
sent, so it includes the API request, the watch event, the queue, the reconcile and the gRPC
write. Changes to one role are 8 s apart, so none is coalesced with another; a change with no
matching Teleport write is counted as missing. Target: p99 at most 250 ms.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections import defaultdict
from datetime import datetime

from bench import Metric, Options
from bench.cold import measure_cold
from bench.load import MIX, make_crs, rt_of
from bench.steps import wait_idle
from bench.world import NAMESPACE, World

__all__ = ["DEFAULT_N", "RATE", "run"]

DEFAULT_N = 1_000
RATE = 50.0
MAX_CHANGES = 1_000


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


async def _run(n: int) -> list[Metric]:
    crs = make_crs(n, NAMESPACE, MIX)
    roles = [c for c in crs if c.kind.kind.startswith("TeleportRole")]
    changes = min(n, MAX_CHANGES)
    async with World(n) as world:
        op, _ = await measure_cold(world, crs)
        await world.clear_writes()
        sent: dict[str, list[float]] = defaultdict(list)
        late = 0
        cpu0 = op.cpu_s()

        async def change(k: int) -> None:
            cr = roles[k % len(roles)]
            patch = {"spec": {"allow": {"logins": [f"login{k}-changed"]}}}
            sent[cr.name].append(time.time())
            await world.kube.patch(rt_of(cr.kind), cr.name, patch, namespace=NAMESPACE)

        t0 = time.perf_counter()
        async with asyncio.TaskGroup() as tg:
            for k in range(changes):
                delay = t0 + k / RATE - time.perf_counter()
                if delay > 0:
                    await asyncio.sleep(delay)
                elif delay < -0.02:
                    late += 1
                tg.create_task(change(k))
        span = time.perf_counter() - t0
        cpu = op.cpu_s() - cpu0
        await wait_idle(world, op, 0, 60)
        await asyncio.sleep(0.5)
        written: dict[str, list[float]] = defaultdict(list)
        for rec in await world.teleport_writes():
            written[rec["name"]].append(datetime.fromisoformat(rec["time"]).timestamp())
    latencies: list[float] = []
    missing = 0
    for name, times in sent.items():
        writes = sorted(written.get(name, []))
        missing += max(0, len(times) - len(writes))
        latencies += [(w - s) * 1000 for s, w in zip(sorted(times), writes, strict=False)]
    if not latencies:
        raise RuntimeError("no change reached Teleport")
    return [
        Metric("changes", changes, "changes", f"{len(roles)} roles of {n} CRs"),
        Metric("rate", changes / span, "changes/s", f"target {RATE:.0f}; {late} sent >20 ms late"),
        Metric("p50", statistics.median(latencies), "ms", "patch sent -> Teleport write"),
        Metric("p99", _quantile(latencies, 0.99), "ms"),
        Metric("max", max(latencies), "ms"),
        Metric("missing", missing, "changes", "no matching Teleport write"),
        Metric("operator_cpu", cpu / span * 100, "%", "of one core, while changing"),
    ]


def run(options: Options) -> list[Metric]:
    return asyncio.run(_run(options.n or DEFAULT_N))
