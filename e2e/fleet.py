"""Several ``teleop run`` replicas as local processes, each with its own Teleport identity.

The high-availability scenarios need what only local mode gives: killing a chosen replica with
SIGKILL, restarting replicas one by one, rewriting one replica's identity file. Each replica gets an
identity minted for its own common name (``teleop-0``, ``teleop-1``...) from the faketeleport CA, so
faketeleport's write log says which replica made each write; its metrics and probe servers bind
ephemeral loopback ports and the URLs are read back from its log ("... listening on URL"), so
parallel test workers never race for a port. Leader election runs with short timings (documented
in ``LEASE_FLAGS``) so a takeover after SIGKILL costs seconds, not the 15 s default.
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from e2e.harness import Kubectl, Process, http_get, wait_for
from e2e.prometheus import metric_sum
from teleop.testing.faketeleport.tlsgen import TLSDir

__all__ = ["LEASE_DURATION", "LEASE_NAME", "Fleet", "Replica", "Teleport", "start_teleport"]

LEASE_NAME = "431e83f4.teleport.dev"  # teleop run's --leader-election-id default
LEASE_DURATION = 3.0
LEASE_FLAGS = (
    "--leader-election-lease-duration", f"{LEASE_DURATION:g}s",
    "--leader-election-renew-deadline", "2s",
    "--leader-election-retry-period", "250ms",
)  # fmt: skip
_URL = r"(http://\S+)"


@dataclass(frozen=True)
class Teleport:
    """A faketeleport process: gRPC address, control URL and the TLS directory with its CA."""

    process: Process
    address: str
    control: str
    tls: TLSDir

    def mint(self, path: Path, user: str) -> Path:
        """Write a fresh identity for ``user`` to ``path`` atomically (0600, rename), like tbot."""
        self.tls.ca().write_identity(path, user)
        return path


@contextmanager
def start_teleport(art: Path) -> Iterator[Teleport]:
    tls = art / "faketeleport-tls"
    process = Process(
        "faketeleport",
        [
            sys.executable, "-m", "teleop.testing.faketeleport", "--port", "0",
            "--tls-dir", str(tls), "--control-port", "0",
        ],
        art / "faketeleport.log",
    ).start()  # fmt: skip
    try:
        ready = json.loads(process.first_line())
        yield Teleport(process, ready["address"], ready["control"], TLSDir(tls))
    finally:
        process.stop()


@dataclass
class Replica:
    """One replica: a stable name (its identity CN) across restarts, one process at a time."""

    index: int
    identity: Path
    processes: list[Process] = field(default_factory=list)
    metrics: str = ""
    probes: str = ""

    @property
    def name(self) -> str:
        return f"teleop-{self.index}"

    @property
    def process(self) -> Process:
        return self.processes[-1]

    def alive(self) -> bool:
        return bool(self.processes) and self.process.alive()

    def metrics_text(self) -> str:
        status, body = http_get(f"{self.metrics}/metrics")
        if status != 200:
            raise AssertionError(f"{self.name} /metrics: {status}")
        return body

    def holder_identities(self) -> set[str]:
        """The Lease holder identities this replica's processes acquired the Lease as.

        The elector logs ``new leader of NS/NAME: ID`` for its own identity right before
        ``successfully acquired lease``; a process has one identity for its lifetime.
        """
        found = set()
        for proc in self.processes:
            text = proc.log.read_text(encoding="utf-8", errors="replace")
            found.update(
                re.findall(r"new leader of \S+: (\S+)\n[^\n]*successfully acquired lease", text)
            )
        return found


@dataclass
class Fleet:
    """``size`` replicas of ``teleop run`` for one namespace, against one faketeleport."""

    kubectl: Kubectl
    teleport: Teleport
    art: Path
    size: int
    extra: tuple[str, ...] = ()
    replicas: list[Replica] = field(default_factory=list)

    def __post_init__(self) -> None:
        for i in range(self.size):
            replica = Replica(i, self.art / f"teleop-{i}.identity")
            self.teleport.mint(replica.identity, replica.name)
            self.replicas.append(replica)

    def start(self, replica: Replica, timeout: float = 60.0) -> Replica:
        """Start a (new) process for ``replica`` and wait until its /readyz answers 200."""
        self._launch(replica)
        return self._wait_ready(replica, timeout)

    def _launch(self, replica: Replica) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("TELEOP_")}
        env.pop("POD_NAMESPACE", None)
        env["KUBECONFIG"] = str(self.kubectl.kubeconfig)
        n = len(replica.processes)
        proc = Process(
            f"{replica.name}#{n}",
            [
                sys.executable, "-m", "teleop", "run",
                "--namespace", self.kubectl.namespace,
                "--auth-server", self.teleport.address,
                "--identity-file", str(replica.identity),
                "--identity-reload-interval", "200ms",
                "--metrics-bind-address", "127.0.0.1:0",
                "--health-probe-bind-address", "127.0.0.1:0",
                "--log-format", "text",
                *LEASE_FLAGS,
                *self.extra,
            ],
            self.art / f"{replica.name}.{n}.log",
            env=env,
        ).start()  # fmt: skip
        replica.processes.append(proc)

    def _wait_ready(self, replica: Replica, timeout: float) -> Replica:
        proc = replica.process
        replica.metrics = proc.log_match(r"metrics server listening on " + _URL, timeout)[1]
        replica.probes = proc.log_match(r"health server listening on " + _URL, timeout)[1]

        def ready() -> bool | None:
            if not proc.alive():
                raise AssertionError(f"{proc.name} exited: {proc.log_tail()}")
            try:
                status, _ = http_get(f"{replica.probes}/readyz")
            except OSError:
                return None
            return True if status == 200 else None

        wait_for(f"{proc.name} to be ready", ready, timeout, every=0.1)
        return replica

    def start_all(self, timeout: float = 60.0) -> None:
        """Start every replica at once (as a Deployment would), then wait for each to be ready."""
        for replica in self.replicas:
            self._launch(replica)
        for replica in self.replicas:
            self._wait_ready(replica, timeout)

    def restart(self, replica: Replica, timeout: float = 60.0) -> Replica:
        """SIGTERM the replica's process (a leader releases the Lease), then start a new one."""
        code = replica.process.stop(grace=timeout)
        assert code == 0, f"{replica.process.name} exited {code}: {replica.process.log_tail()}"
        return self.start(replica, timeout)

    def stop_all(self) -> None:
        """SIGTERM every live replica at once, then wait for each (SIGKILL after 10 s)."""
        procs = [p for r in self.replicas for p in r.processes]
        for proc in procs:
            if proc.alive() and proc.proc is not None:
                proc.proc.terminate()
        for proc in procs:
            proc.stop(grace=10)

    def leader(self, timeout: float = 30.0) -> Replica:
        """The replica whose /metrics says it leads (leader_election_master_status 1)."""

        def probe() -> Replica | None:
            leading = [r for r in self.replicas if r.alive() and _leads(r.metrics_text())]
            if len(leading) > 1:
                raise AssertionError(f"two replicas lead at once: {[r.name for r in leading]}")
            return leading[0] if leading else None

        return wait_for("a replica to lead", probe, timeout, every=0.1)

    def wait_idle(self, controller: str, reconciled: int, timeout: float = 60.0) -> Replica:
        """The leader, once it has reconciled ``reconciled`` times for ``controller`` since it
        started and its work queues are empty with no reconcile in flight."""

        def probe() -> Replica | None:
            leader = self.leader(timeout)
            text = leader.metrics_text()
            done = metric_sum(text, "controller_runtime_reconcile_total", controller=controller)
            busy = metric_sum(text, "workqueue_depth") + metric_sum(
                text, "controller_runtime_active_workers"
            )
            return leader if done >= reconciled and busy == 0 else None

        return wait_for(f"the leader to finish {reconciled} reconciles", probe, timeout, 0.2)

    def holders(self) -> dict[str, str]:
        """Lease holder identity -> replica name, from every process's log."""
        return {ident: r.name for r in self.replicas for ident in r.holder_identities()}

    def log_tails(self) -> str:
        parts = [self.teleport.process.log_tail(10)]
        for r in self.replicas:
            parts += [f"--- {p.name}\n{p.log_tail(15)}" for p in r.processes]
        return "\n".join(parts)


def _leads(metrics: str) -> bool:
    return re.search(r"^leader_election_master_status\{[^}]*\} 1(\.0)?$", metrics, re.M) is not None
