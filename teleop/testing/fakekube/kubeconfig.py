"""Writing a kubeconfig that points clients (kubectl, kubernetes_asyncio) at a fake server."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

__all__ = ["kubeconfig", "write_kubeconfig"]


def kubeconfig(url: str, *, token: str | None, namespace: str = "default") -> dict[str, Any]:
    user: dict[str, Any] = {"token": token} if token else {}
    return {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": "fakekube", "cluster": {"server": url}}],
        "users": [{"name": "fakekube", "user": user}],
        "contexts": [
            {
                "name": "fakekube",
                "context": {"cluster": "fakekube", "user": "fakekube", "namespace": namespace},
            }
        ],
        "current-context": "fakekube",
        "preferences": {},
    }


def write_kubeconfig(
    path: str | os.PathLike[str], url: str, *, token: str | None, namespace: str = "default"
) -> Path:
    p = Path(path)
    p.write_text(yaml.safe_dump(kubeconfig(url, token=token, namespace=namespace), sort_keys=False))
    p.chmod(0o600)
    return p
