"""The manifests through the real kubectl: apply -k for CRDs and samples, ``kubectl get teleport``."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest

from teleop.operator.apis import KINDS
from teleop.testing.fakekube import FakeKube
from tests.unit.operator.samples import CRDS_DIR, SAMPLES_DIR, load_sample

_KUBECTL = Path(sys.executable).parent / "kubectl"
KUBECTL = str(_KUBECTL) if _KUBECTL.exists() else shutil.which("kubectl")

pytestmark = [
    pytest.mark.kubectl,
    pytest.mark.skipif(KUBECTL is None, reason="kubectl binary not installed"),
]


async def kubectl(kubeconfig: Path, *args: str) -> str:
    assert KUBECTL is not None
    proc = await asyncio.create_subprocess_exec(
        KUBECTL, "--kubeconfig", str(kubeconfig), *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await proc.communicate()
    assert proc.returncode == 0, err.decode()
    return out.decode()


async def test_apply_kustomizations_and_get_teleport(fakekube: FakeKube, tmp_path: Path) -> None:
    fakekube.write_kubeconfig(tmp_path / "kubeconfig")
    kc = tmp_path / "kubeconfig"
    out = await kubectl(kc, "apply", "-k", str(CRDS_DIR))
    assert out.count("created") == len(KINDS)
    out = await kubectl(kc, "apply", "-n", "default", "-k", str(SAMPLES_DIR))
    assert out.count("created") == len(KINDS), out
    listing = await kubectl(kc, "get", "teleport", "-n", "default", "-o", "name")
    names = sorted(listing.split())
    expected = sorted(
        f"{kind.singular}.{kind.group}/{load_sample(kind)['metadata']['name']}" for kind in KINDS
    )
    assert names == expected
    table = await kubectl(kc, "get", "provisiontokens", "-n", "default")
    assert table.split("\n")[0].split() == [
        "NAME", "READY", "REASON", "JOIN", "METHOD", "SYSTEM", "ROLES", "AGE",
    ]  # fmt: skip
    assert "github-ci-bot" in table
