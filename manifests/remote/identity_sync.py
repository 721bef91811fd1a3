"""Keep a private copy of teleop's identity file from its Secret volume (manifests/remote).

A Kubernetes Secret volume is group-readable whenever the pod has an fsGroup (the kubelet adds
g+r to every file), and without one the files belong to root; teleop, like Teleport, refuses an
identity file that group or others may read. This sidecar copies the Secret's file into the
in-memory volume teleop reads, as a 0600 file owned by the pod's user, when it starts and again
whenever the Secret changes (the kubelet swaps the volume's files on update), writing a temporary
file and renaming it so teleop never reads half a file. It runs with the teleop image's Python
(``python identity_sync.py``) and needs nothing but the standard library.

Environment: IDENTITY_SOURCE (the Secret's file), IDENTITY_FILE (the copy teleop reads),
SYNC_INTERVAL (seconds between checks, default 2).
"""

from __future__ import annotations

import json
import os
import sys
import time


def sync(source: str, target: str, last: bytes | None) -> bytes | None:
    """Copy ``source`` to ``target`` (0600, atomic) if it changed; returns what was copied."""
    try:
        with open(source, "rb") as f:
            data = f.read()
    except FileNotFoundError:
        return last
    if data == last and os.path.exists(target):
        return last
    tmp = os.path.join(os.path.dirname(target), "." + os.path.basename(target) + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    print(json.dumps({"msg": "identity file updated", "target": target, "bytes": len(data)}))
    sys.stdout.flush()
    return data


def main() -> None:
    source = os.environ.get("IDENTITY_SOURCE", "/var/run/teleop/secret/identity")
    target = os.environ.get("IDENTITY_FILE", "/var/run/teleop/identity/identity")
    interval = float(os.environ.get("SYNC_INTERVAL", "2"))
    last = None
    while True:
        last = sync(source, target, last)
        time.sleep(interval)


if __name__ == "__main__":
    main()
