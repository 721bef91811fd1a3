"""``make e2e`` and hack/e2e.sh stop at once, with what to install, on a machine without Docker
or kind. PATH is emptied (make and bash are called by absolute path), so the test behaves the
same on a developer machine that has both."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.manifests.render import KUBECTL, ROOT, container, of_kind, pod_spec
from tests.manifests.validate import problems, served_by_fakekube

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


@pytest.mark.skipif(BASH is None or KUBECTL is None, reason="bash or kubectl not installed")
def test_e2e_overlays_render_with_the_e2e_image_and_settings(tmp_path: Path) -> None:
    """The overlays hack/e2e.sh writes (E2E_RENDER_ONLY: no Docker needed) render and hold
    together: the e2e image everywhere, and for E2E_TELEPORT=real the bot token, the Auth
    Service address, the CA pin and the cluster name as the join token's audience."""
    assert BASH is not None
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "E2E_RENDER_ONLY": str(tmp_path)}
    proc = subprocess.run(
        [BASH, str(ROOT / "hack" / "e2e.sh")], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    for mode in ("fake", "real"):
        objs = [d for d in yaml.safe_load_all((tmp_path / f"{mode}.yaml").read_text()) if d]
        unserved = {(o["apiVersion"], o["kind"]) for o in objs} - served_by_fakekube()
        unserved.discard(("apiextensions.k8s.io/v1", "CustomResourceDefinition"))
        assert problems(objs, only=frozenset(unserved)) == [], mode
        for d in of_kind(objs, "Deployment"):
            spec = d["spec"]["template"]["spec"]
            images = {c["image"] for c in spec["containers"]}
            images |= {c["image"] for c in spec.get("initContainers", []) if c["name"] != "tbot"}
            assert images == {"teleop:e2e"}, (mode, d["metadata"]["name"])
    real = [d for d in yaml.safe_load_all((tmp_path / "real.yaml").read_text()) if d]
    config = next(c for c in of_kind(real, "ConfigMap") if "join-token" in c["data"])
    assert config["data"]["join-token"] == "teleop-bot"
    assert config["data"]["auth-server"] == "teleport-auth.teleport.svc.cluster.local:3025"
    tbot_cm = next(c for c in of_kind(real, "ConfigMap") if "tbot.yaml" in c["data"])
    tbot = yaml.safe_load(tbot_cm["data"]["tbot.yaml"])
    assert tbot["onboarding"]["ca_pins"] == ["sha256:" + "0" * 64]
    assert tbot["onboarding"]["join_method"] == "kubernetes"
    spec = pod_spec(real)
    volumes = {v["name"]: v for v in spec["volumes"]}
    token = volumes["join-sa-token"]["projected"]["sources"][0]["serviceAccountToken"]
    assert token["audience"] == "teleport.e2e.test"
    sidecar = container(spec, "tbot", init=True)
    assert sidecar["image"] == "public.ecr.aws/gravitational/tbot-distroless:16.4.7"
