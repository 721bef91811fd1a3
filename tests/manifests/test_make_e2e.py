"""``make e2e`` and hack/e2e.sh stop at once, with what to install, on a machine without Docker
or kind. PATH is emptied (make and bash are called by absolute path), so the test behaves the
same on a developer machine that has both."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.manifests.render import ROOT

MAKE = shutil.which("make")
BASH = shutil.which("bash")


def run(argv: list[str], path: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": str(path), "HOME": str(path)}
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=30)


@pytest.mark.skipif(MAKE is None, reason="make not installed")
def test_make_e2e_without_docker_says_what_to_install(tmp_path: Path) -> None:
    assert MAKE is not None
    proc = run([MAKE, "-s", "e2e"], tmp_path)
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert "Docker" in out, out
    assert "install" in out, out


@pytest.mark.skipif(BASH is None, reason="bash not installed")
def test_e2e_script_without_docker_or_kind_says_what_to_install(tmp_path: Path) -> None:
    assert BASH is not None
    proc = run([BASH, str(ROOT / "hack" / "e2e.sh")], tmp_path)
    assert proc.returncode == 2
    assert "needs docker" in proc.stderr
    assert "https://docs.docker.com/engine/install/" in proc.stderr
    # With a docker that works but no kind, the message names kind.
    fake = tmp_path / "bin"
    fake.mkdir()
    docker = fake / "docker"
    docker.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    docker.chmod(0o755)
    proc = run([BASH, str(ROOT / "hack" / "e2e.sh")], fake)
    assert proc.returncode == 2
    assert "needs kind" in proc.stderr
    assert "kind.sigs.k8s.io" in proc.stderr
