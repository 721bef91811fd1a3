"""Failover: seconds from the leader's death (SIGKILL) or graceful stop (SIGTERM) to the new
leader's first reconcile.

N CRs of the ``bench.load`` mix converge under a first operator (default 1,000). Then, 3 times
each, alternating (once each when ``--n`` is below 1,000): a standby is started and given 3 s to
observe the Lease, the leader is killed with SIGKILL (or stopped with SIGTERM: it releases the
Lease), and the bench polls the standby's ``/metrics`` every 50 ms until
``controller_runtime_reconcile_total`` is above 0; the standby is the next trial's leader.
Median, best and worst trial are reported.

The operators run with the production defaults (lease 15 s, renew deadline 10 s, retry 2 s) and
client-go's safety rules: a standby counts the lease duration from when *it* saw the last renewal
(never trusting the leader's clock). teleop's standbys also watch the Lease, so they see each
renewal as it happens and attempt the takeover at observedTime + lease + 50 ms: a crash is taken
over 13 to 15 s after the death (15 s minus the age of the last renewal), and a released Lease at
once. Both figures include the new leader's first reconcile (its informers are already synced).
Targets: 17 s after a crash, 3 s after a
graceful stop.
"""

from __future__ import annotations

import asyncio
import signal
import statistics
import time

import aiohttp

from bench import Metric, Options
from bench.cold import measure_cold
from bench.load import MIX, make_crs
from bench.world import NAMESPACE, Operator, World

__all__ = ["DEFAULT_N", "measure", "run"]

DEFAULT_N = 1_000
TRIALS = 3
POLL = 0.05
OBSERVE = 3.0


async def _scrape(world: World, op: Operator) -> dict[str, float] | None:
    try:
        return await world.metrics(op)
    except (aiohttp.ClientError, OSError):
        return None


async def _standby(
    world: World, name: str, lease_args: tuple[str, ...], observe: float
) -> Operator:
    op = await world.operator(name, *lease_args)
    async with asyncio.timeout(60):
        while (m := await _scrape(world, op)) is None or "leader_election_master_status" not in m:
            if not op.alive():
                raise RuntimeError(f"{name} exited:\n{op.log_tail()}")
            await asyncio.sleep(POLL)
    if m.get("leader_election_master_status", 0) >= 1:
        raise RuntimeError(f"{name} became leader while another one held the Lease")
    await asyncio.sleep(observe)
    return op


async def _first_reconcile(world: World, op: Operator, t0: float) -> tuple[float, float]:
    """Seconds from ``t0`` until ``op`` leads and until its first reconcile."""
    led: float | None = None
    async with asyncio.timeout(120):
        while True:
            now = time.perf_counter()
            m = await _scrape(world, op)
            if m is not None:
                if led is None and m.get("leader_election_master_status", 0) >= 1:
                    led = now - t0
                if m.get("controller_runtime_reconcile_total", 0) > 0:
                    return (led if led is not None else now - t0), now - t0
            await asyncio.sleep(POLL)


async def measure(n: int, trials: int, *lease_args: str, observe: float = OBSERVE) -> list[Metric]:
    """``trials`` crashes and ``trials`` graceful stops, alternating, over ``n`` CRs; extra
    ``teleop run`` flags (``lease_args``) and a shorter ``observe`` only for smoke tests."""
    crash: list[tuple[float, float]] = []
    graceful: list[tuple[float, float]] = []
    async with World(n) as world:
        leader, _ = await measure_cold(
            world, make_crs(n, NAMESPACE, MIX), lambda w: w.operator("op-0", *lease_args)
        )
        for i in range(1, 2 * trials + 1):
            standby = await _standby(world, f"op-{i}", lease_args, observe)
            t0 = time.perf_counter()
            if i % 2:
                leader.signal(signal.SIGKILL)
                crash.append(await _first_reconcile(world, standby, t0))
                await leader.kill()
            else:
                leader.signal(signal.SIGTERM)
                graceful.append(await _first_reconcile(world, standby, t0))
                await leader.stop()
            leader = standby
    out: list[Metric] = []
    for what, runs, how in (("crash", crash, "SIGKILL"), ("graceful", graceful, "SIGTERM")):
        firsts = sorted(r[1] for r in runs)
        leases = sorted(r[0] for r in runs)
        note = f"{how} -> new leader's first reconcile; {len(runs)} trials"
        out += [
            Metric(f"{what}_s", statistics.median(firsts), "s", note + ", median"),
            Metric(f"{what}_max_s", firsts[-1], "s", "worst trial"),
            Metric(f"{what}_min_s", firsts[0], "s", "best trial"),
            Metric(f"{what}_to_lease_s", statistics.median(leases), "s", f"{how} -> Lease held"),
        ]
    return out


def run(options: Options) -> list[Metric]:
    n = options.n or DEFAULT_N
    return asyncio.run(measure(n, TRIALS if n >= DEFAULT_N else 1))
