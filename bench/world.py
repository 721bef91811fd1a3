"""The world of an end-to-end scenario: fakekube, faketeleport and operators, each a process.

``World`` starts ``python -m teleop.testing.fakekube`` (with a kubeconfig) and ``python -m
teleop.testing.faketeleport`` (mTLS, an identity file, the HTTP control port), installs the CRDs
(``teleop crds`` in a child process) and the namespace, and hands out a ``KubeClient`` for the
load generator.
``operator()`` starts ``teleop run`` as in production (leader election and metrics on, default
log level and format; its log goes to a file). Writes are counted where they land: fakekube's
``/fakekube/writes`` (split into CR writes by the operator, Events, Leases) and faketeleport's
write log.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import aiohttp
import yaml

from bench.procs import Child, free_port
from teleop.operator.crdgen import KUSTOMIZATION
from teleop.runtime import KubeClient, ResourceType

__all__ = ["NAMESPACE", "KubeWrites", "Operator", "World", "scrape"]

NAMESPACE = "bench"
GROUP = "resources.teleport.dev"
LEASE_NAME = "431e83f4.teleport.dev"  # teleop's default --leader-election-id
_CRDS = ResourceType(
    "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", False
)
_NAMESPACES = ResourceType("", "v1", "namespaces", "Namespace", False)


@dataclass(frozen=True, slots=True)
class KubeWrites:
    """fakekube's write log, counted: CR writes other than creates (the operator's), Events,
    Leases (leader election) and everything else."""

    cr: int
    events: int
    """Events other than the Lease's LeaderElection Event."""
    election_events: int
    """Events about the Lease ("... became leader")."""
    leases: int
    other: int
    by_verb: dict[str, int]


async def scrape(session: aiohttp.ClientSession, url: str) -> dict[str, float]:
    """A Prometheus text page as ``{family: sum over its samples}`` (``_total`` names kept)."""
    async with session.get(url) as response:
        text = await response.text()
    sums: dict[str, float] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name_part, _, value = line.rpartition(" ")
        family = name_part.split("{", 1)[0]
        try:
            sums[family] = sums.get(family, 0.0) + float(value)
        except ValueError:
            continue
    return sums


class Operator(Child):
    """``teleop run`` (or the kopf baseline) as a child; knows its metrics URL."""

    metrics_url: str = ""


class World:
    """fakekube + faketeleport processes, CRDs and namespace installed; an async context."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.dir = Path(tempfile.mkdtemp(prefix="teleop-bench-"))
        self.kubeconfig = self.dir / "kubeconfig"
        self.children: list[Child] = []
        profile_dir = os.environ.get("BENCH_PYSPY")
        self._profile_dir = Path(profile_dir) if profile_dir else None
        if self._profile_dir is not None:
            self._profile_dir.mkdir(parents=True, exist_ok=True)
        self.kube_url = ""
        self.teleport: dict[str, Any] = {}
        self._kube: KubeClient | None = None
        self._http: aiohttp.ClientSession | None = None

    @property
    def kube(self) -> KubeClient:
        assert self._kube is not None
        return self._kube

    @property
    def http(self) -> aiohttp.ClientSession:
        assert self._http is not None
        return self._http

    async def __aenter__(self) -> World:
        try:
            await self._start()
        except BaseException:
            await self.close()
            raise
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()

    async def _start(self) -> None:
        py = sys.executable
        kube = await self._child(
            "fakekube",
            [py, "-m", "teleop.testing.fakekube", "--port", "0",
             "--kubeconfig", str(self.kubeconfig), "--namespace", NAMESPACE,
             "--history-window", str(max(10_000, 8 * self.n))],
        )  # fmt: skip
        self.kube_url = await kube.first_line()
        teleport = await self._child(
            "faketeleport",
            [py, "-m", "teleop.testing.faketeleport", "--port", "0",
             "--tls-dir", str(self.dir / "tls"), "--control-port", str(free_port())],
        )  # fmt: skip
        self.teleport = json.loads(await teleport.first_line())
        self._http = aiohttp.ClientSession()
        self._kube = KubeClient.from_url(self.kube_url, user_agent="bench")
        await self._install_crds()
        await self.kube.create(
            _NAMESPACES, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NAMESPACE}}
        )

    async def _install_crds(self) -> None:
        """The CRDs of the code a ``teleop run`` started now would run: rendered by ``teleop
        crds`` in a child process, not by this process's (possibly older) imports, so kinds
        added to the tree during a long run are installed too (else their informers never
        sync and the operator never starts)."""
        out = self.dir / "crds"
        crds = await Child(
            "crds", [sys.executable, "-m", "teleop", "crds", "--output", str(out)], self.dir
        ).start()
        assert crds.proc is not None
        if await crds.proc.wait() != 0:
            raise RuntimeError(f"teleop crds failed:\n{crds.log_tail()}")
        await crds.stop()
        for path in sorted(out.glob("*.yaml")):
            if path.name != KUSTOMIZATION:
                await self.kube.create(_CRDS, yaml.safe_load(path.read_text(encoding="utf-8")))

    async def _child(self, name: str, args: list[str], env: dict[str, str] | None = None) -> Child:
        child = await Child(name, args, self.dir, env).start()
        self.children.append(child)
        return child

    def child(self, name: str) -> Child:
        return next(c for c in self.children if c.name == name)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TELEOP_")}
        env.pop("POD_NAMESPACE", None)
        env["KUBECONFIG"] = str(self.kubeconfig)
        return env

    async def operator(self, name: str, *extra: str) -> Operator:
        """Start ``teleop run`` named ``name`` (its files are ``<name>.log`` and ``.out``)."""
        metrics, probes = free_port(), free_port()
        op = Operator(
            name,
            [sys.executable, "-m", "teleop", "run",
             "--kubeconfig", str(self.kubeconfig), "--namespace", NAMESPACE,
             "--auth-server", self.teleport["address"],
             "--identity-file", self.teleport["identity"],
             "--metrics-bind-address", f"127.0.0.1:{metrics}",
             "--health-probe-bind-address", f"127.0.0.1:{probes}", *extra],
            self.dir, self.env(),
        )  # fmt: skip
        op.metrics_url = f"http://127.0.0.1:{metrics}/metrics"
        await self.start_operator(op)
        return op

    async def start_operator(self, op: Operator) -> None:
        """Start ``op``; with ``BENCH_PYSPY=DIR`` also attach ``py-spy record`` to it, writing
        ``DIR/<name>-<pid>.txt`` (collapsed stacks, for flamegraph.pl or speedscope) when it exits."""
        await op.start()
        self.children.append(op)
        if self._profile_dir is not None:
            out = self._profile_dir / f"{op.name}-{op.pid}.txt"
            spy = Child(
                f"py-spy-{op.name}",
                [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(op.pid),
                 "--rate", "100", "--format", "raw", "--output", str(out), "--nonblocking"],
                self.dir,
            )  # fmt: skip
            await spy.start()
            self.children.insert(0, spy)  # stopped after the operators

    async def metrics(self, op: Operator) -> dict[str, float]:
        return await scrape(self.http, op.metrics_url)

    async def kube_writes(self) -> KubeWrites:
        async with self.http.get(f"{self.kube_url}/fakekube/writes") as r:
            records: list[dict[str, Any]] = await r.json()
        cr = events = election = leases = other = 0
        verbs: Counter[str] = Counter()
        for rec in records:
            if rec["group"] == GROUP:
                if rec["verb"] == "create":
                    continue  # the load generator's
                cr += 1
                verbs[f"{rec['verb']}{'/' + rec['subresource'] if rec['subresource'] else ''}"] += 1
            elif rec["resource"] == "events" and rec["name"].startswith(LEASE_NAME):
                election += 1
            elif rec["resource"] == "events":
                events += 1
            elif rec["resource"] == "leases":
                leases += 1
            else:
                other += 1
        return KubeWrites(cr, events, election, leases, other, dict(verbs))

    async def teleport_writes(self) -> list[dict[str, Any]]:
        async with self.http.get(f"{self.teleport['control']}/writes") as r:
            records: list[dict[str, Any]] = await r.json()
        return records

    async def clear_writes(self) -> None:
        async with self.http.delete(f"{self.kube_url}/fakekube/writes") as r:
            r.raise_for_status()
        async with self.http.delete(f"{self.teleport['control']}/writes") as r:
            r.raise_for_status()

    async def close(self) -> None:
        for child in reversed(self.children):
            await child.stop(grace=10)
        self.children.clear()
        if self._kube is not None:
            await self._kube.close()
            self._kube = None
        if self._http is not None:
            await self._http.close()
            self._http = None
        if os.environ.get("BENCH_KEEP"):
            print(f"bench: kept {self.dir}", file=sys.stderr)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
