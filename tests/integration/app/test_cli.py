"""``teleop run`` as a process against fakekube and faketeleport processes, over real sockets.

It is configured the way a Deployment would configure it (flags and ``TELEOP_*`` variables), must
become ready (``/readyz``), serve ``/metrics`` with the runtime's and the Teleport client's
families, exit 0 on SIGTERM, and 1 with one clear line when Teleport cannot be reached. The demo
(``teleop run --demo --demo-exit-when-ready``) must converge every sample and exit 0.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
import pytest

from teleop.operator.demo_samples import install, load_samples
from teleop.runtime import KubeClient, ResourceType
from tests.unit.operator.samples import SAMPLES_DIR

NAMESPACE = "teleop-cli"
LEASES = ResourceType("coordination.k8s.io", "v1", "leases", "Lease")
LEASE = "431e83f4.teleport.dev"
Proc = asyncio.subprocess.Process


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@asynccontextmanager
async def process(*args: str, env: dict[str, str] | None = None) -> AsyncIterator[Proc]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    try:
        yield proc
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


@dataclass
class Servers:
    kube_url: str
    kubeconfig: Path
    teleport: str
    identity: str


@pytest.fixture
async def servers(tmp_path: Path) -> AsyncIterator[Servers]:
    kubeconfig = tmp_path / "kubeconfig"
    async with (
        process(
            "-m",
            "teleop.testing.fakekube",
            "--port",
            "0",
            "--kubeconfig",
            str(kubeconfig),
            "--namespace",
            NAMESPACE,
        ) as kube,
        process(
            "-m", "teleop.testing.faketeleport", "--port", "0", "--tls-dir", str(tmp_path / "tls")
        ) as teleport,
    ):
        assert kube.stdout is not None
        assert teleport.stdout is not None
        async with asyncio.timeout(15):
            url = (await kube.stdout.readline()).decode().strip()
            ready = json.loads(await teleport.stdout.readline())
        async with KubeClient.from_url(url) as client:
            await install(client, NAMESPACE, load_samples(SAMPLES_DIR))
        yield Servers(url, kubeconfig, ready["address"], ready["identity"])
        for proc in (kube, teleport):
            proc.terminate()


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def wait_ready(url: str, proc: Proc) -> None:
    async with asyncio.timeout(20):
        while True:
            assert proc.returncode is None, "teleop run exited before it was ready"
            try:
                if (await get(url))[0] == 200:
                    return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.1)


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TELEOP_")}
    env.pop("KUBECONFIG", None)
    env.pop("POD_NAMESPACE", None)
    env.update(extra)
    return env


async def test_run_becomes_ready_serves_metrics_and_exits_0_on_sigterm(servers: Servers) -> None:
    metrics, probes = free_port(), free_port()
    env = base_env(
        TELEOP_IDENTITY_FILE=servers.identity,  # from the environment, like a Deployment
        POD_NAMESPACE=NAMESPACE,
        KUBECONFIG=str(servers.kubeconfig),
        TELEOP_LOG_FORMAT="text",
    )
    async with process(
        "-m",
        "teleop",
        "run",
        "--auth-server",
        servers.teleport,
        "--metrics-bind-address",
        f"127.0.0.1:{metrics}",
        "--health-probe-bind-address",
        f"127.0.0.1:{probes}",
        env=env,
    ) as proc:
        await wait_ready(f"http://127.0.0.1:{probes}/readyz", proc)
        assert await get(f"http://127.0.0.1:{probes}/healthz") == (200, "ok")
        status, body = await get(f"http://127.0.0.1:{metrics}/metrics")
        assert status == 200
        families = {line.split()[2] for line in body.splitlines() if line.startswith("# TYPE")}
        assert any(f.startswith("controller_runtime_") for f in families)
        assert "teleop_teleport_requests_total" in families
        assert "workqueue_depth" in families
        assert 'code="OK",method="/proto.AuthService/Ping"' in body
        proc.send_signal(signal.SIGTERM)
        async with asyncio.timeout(20):
            _, err = await proc.communicate()
        assert proc.returncode == 0, err.decode()[-2000:]
        assert b"received SIGTERM, shutting down gracefully" in err


async def test_a_lost_lease_exits_1(servers: Servers) -> None:
    probes = free_port()
    env = base_env(KUBECONFIG=str(servers.kubeconfig), TELEOP_LOG_FORMAT="text")
    async with process(
        "-m",
        "teleop",
        "run",
        "--namespace",
        NAMESPACE,
        "--identity-file",
        servers.identity,
        "--auth-server",
        servers.teleport,
        "--metrics-bind-address",
        "0",
        "--health-probe-bind-address",
        f"127.0.0.1:{probes}",
        "--leader-election-lease-duration",
        "2s",
        "--leader-election-renew-deadline",
        "1s",
        "--leader-election-retry-period",
        "200ms",
        env=env,
    ) as proc:
        await wait_ready(f"http://127.0.0.1:{probes}/readyz", proc)
        async with KubeClient.from_url(servers.kube_url) as client:
            async with asyncio.timeout(10):
                while True:
                    lease = await client.get(LEASES, LEASE, namespace=NAMESPACE)
                    if lease["spec"].get("holderIdentity"):
                        break
                    await asyncio.sleep(0.1)
            now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
            steal = {"spec": {"holderIdentity": "thief", "renewTime": now,
                              "leaseDurationSeconds": 3600}}  # fmt: skip
            await client.patch(LEASES, LEASE, steal, namespace=NAMESPACE)
        async with asyncio.timeout(15):
            _, err = await proc.communicate()
    assert proc.returncode == 1, err.decode()[-2000:]
    assert b"lost the leader election Lease 431e83f4.teleport.dev" in err


async def test_unreachable_teleport_exits_1_with_one_line(servers: Servers) -> None:
    env = base_env(KUBECONFIG=str(servers.kubeconfig))
    async with process(
        "-m",
        "teleop",
        "run",
        "--namespace",
        NAMESPACE,
        "--identity-file",
        servers.identity,
        "--auth-server",
        f"127.0.0.1:{free_port()}",
        "--preflight-timeout",
        "500ms",
        "--log-level",
        "ERROR",
        "--metrics-bind-address",
        "0",
        "--health-probe-bind-address",
        "0",
        env=env,
    ) as proc:
        async with asyncio.timeout(30):
            _, err = await proc.communicate()
    assert proc.returncode == 1
    ours = [line for line in err.decode().splitlines() if line.startswith("teleop: ")]
    assert len(ours) == 1
    assert ours[0].startswith("teleop: cannot reach Teleport at 127.0.0.1:")


async def test_demo_converges_and_exits_0() -> None:
    async with process(
        "-m",
        "teleop",
        "run",
        "--demo",
        "--demo-exit-when-ready",
        "--demo-timeout",
        "20s",
        env=base_env(),
    ) as proc:
        async with asyncio.timeout(40):
            out, err = await proc.communicate()
    text = out.decode()
    assert proc.returncode == 0, text[-2000:] + err.decode()[-2000:]
    count = len(load_samples(SAMPLES_DIR))
    assert f"All {count} sample resources are Ready in Teleport." in text
    assert "kubectl --kubeconfig" in text
    assert f"Ready {count}/{count}" in text
