"""Operator faults: SIGKILL at random points in reconciles, and replicas racing for the Lease.

``teleop run`` processes (as a Deployment runs them, with short leader-election timings) are
killed with SIGKILL at seeded random moments while CRs are created, changed and deleted, and
restarted like a kubelet would; in-process replicas start together and race for the Lease while
the leader is stopped mid-run. Afterwards every CR converges, Teleport holds exactly one owned
object per CR (a CR deleted while its finalizer was pending is still cleaned up), nothing unowned
is written, and with racing replicas never more than one leads at a time and each change is
written once.
"""

from __future__ import annotations

import asyncio
import os
import random
import signal
import sys
from pathlib import Path

import pytest

from teleop.testing.faketeleport.state import ROLE as STORE_ROLE
from tests.contract.harness import Env, OperatorRun, eventually
from tests.faults.checks import assert_converged, assert_only_owned_writes
from tests.faults.churn import ROLE, create, delete, in_batches, update

pytestmark = pytest.mark.faults

LEASE_FLAGS = (
    "--leader-election-lease-duration", "1s",
    "--leader-election-renew-deadline", "800ms",
    "--leader-election-retry-period", "200ms",
)  # fmt: skip


async def start_teleop(env: Env) -> asyncio.subprocess.Process:
    assert env.teleport.tls is not None
    kubeconfig = env.kube.write_kubeconfig(env.workdir / "kubeconfig", namespace=env.namespace)
    variables = {k: v for k, v in os.environ.items() if not k.startswith("TELEOP_")}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "teleop", "run",
        "--namespace", env.namespace,
        "--kubeconfig", str(kubeconfig),
        "--auth-server", env.teleport.address,
        "--identity-file", str(env.teleport.tls.identity),
        "--metrics-bind-address", "0",
        "--health-probe-bind-address", "0",
        "--log-level", "ERROR",
        "--teleport-timeout", "5s",
        *LEASE_FLAGS,
        env=variables,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip


async def test_sigkill_at_random_points_then_restart_converges(world: Env, tmp_path: Path) -> None:
    env = world
    rng = random.Random(6)  # seeded: a failure replays the same kill points
    names = [f"r{i:03d}" for i in range(40)]
    alive = set(names)
    await in_batches([lambda name=name: create(env, name) for name in names])
    kills = 0
    proc = await start_teleop(env)
    try:
        for round_ in range(4):
            # Let it get going (start-up takes about a second), then kill it mid-work.
            await asyncio.sleep(1.0 + rng.uniform(0.0, 1.0))
            batch = rng.sample(sorted(alive), 8)
            changes = [lambda name=name, v=round_ + 1: update(env, name, v) for name in batch[:5]]
            changes += [lambda name=name: delete(env, name) for name in batch[5:]]
            alive -= set(batch[5:])
            work = asyncio.ensure_future(in_batches(changes))
            await asyncio.sleep(rng.uniform(0.0, 0.3))
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
            kills += 1
            await work
            proc = await start_teleop(env)
        await assert_converged(env, ROLE, STORE_ROLE, alive, timeout=30)
        assert proc.returncode is None, "the last replica exited"
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGKILL)
            await proc.wait()
    assert kills == 4
    assert_only_owned_writes(env, names)
    assert env.teleport.store.find(STORE_ROLE, "never") is None


async def test_replicas_racing_for_the_lease_lead_one_at_a_time(world: Env) -> None:
    env = world
    replicas = [env.operator() for _ in range(3)]
    leaders_seen: list[int] = []
    stop_sampling = asyncio.Event()

    def leads(r: OperatorRun) -> bool:
        try:
            return r.task is not None and bool(r.operator.manager.is_leader)
        except (AttributeError, RuntimeError):  # not built yet
            return False

    def leading(rs: list[OperatorRun]) -> list[OperatorRun]:
        return [r for r in rs if leads(r)]

    async def sample() -> None:
        while not stop_sampling.is_set():
            leaders_seen.append(len(leading(replicas)))
            await asyncio.sleep(0.005)

    sampler = asyncio.create_task(sample())
    try:
        async with asyncio.TaskGroup() as tg:
            for r in replicas:
                tg.create_task(r.start())
        names = [f"r{i:03d}" for i in range(30)]
        await in_batches([lambda name=name: create(env, name) for name in names[:15]])
        first = await eventually(lambda: leading(replicas), what="a leader")
        await first[0].stop()  # mid-run: the others race for the released Lease
        await in_batches([lambda name=name: create(env, name) for name in names[15:]])
        await in_batches([lambda name=name: update(env, name, 1) for name in names[:10]])
        await assert_converged(env, ROLE, STORE_ROLE, names)
        await eventually(lambda: len(leading(replicas)) == 1, what="one leader")
    finally:
        stop_sampling.set()
        await sampler
        for r in replicas:
            await r.stop()
    assert max(leaders_seen) == 1, "two replicas led at the same time"
    assert leaders_seen.count(1) > 0
    # Each spec version is written at most once (an update that lands before the create is
    # reconciled is written with it, so fewer is fine), whichever replica led.
    per_name = {name: len(env.teleport_writes(kind="role", name=name)) for name in names}
    versions = {name: 2 if i < 10 else 1 for i, name in enumerate(names)}
    over = {n: (w, versions[n]) for n, w in per_name.items() if not 1 <= w <= versions[n]}
    assert over == {}, f"name: (writes, spec versions) {over}"
    assert_only_owned_writes(env, names)
