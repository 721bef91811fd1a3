"""``teleop run`` refuses an identity file that group or others can read, with one clear line.

The identity file holds the private key of teleop's Teleport identity. ``teleop run`` (a process,
as a Deployment runs it, against a fakekube and a faketeleport on loopback) must exit 1 before
dialling Teleport, with one ``teleop:`` line naming the file, its mode and the fix, and must not
print any of the file's content.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
from pathlib import Path

import pytest

from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport


@pytest.mark.parametrize("mode", [0o640, 0o604], ids=["group-readable", "world-readable"])
async def test_unsafe_identity_file_is_refused(tmp_path: Path, mode: int) -> None:
    async with FakeKube() as kube, FakeTeleport(tls_dir=tmp_path / "tls") as teleport:
        assert teleport.tls is not None
        identity = tmp_path / "identity"
        shutil.copyfile(teleport.tls.identity, identity)
        os.chmod(identity, mode)
        kubeconfig = kube.write_kubeconfig(tmp_path / "kubeconfig")
        env = {k: v for k, v in os.environ.items() if not k.startswith("TELEOP_")}
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "teleop", "run",
            "--namespace", "default",
            "--kubeconfig", str(kubeconfig),
            "--auth-server", teleport.address,
            "--identity-file", str(identity),
            "--metrics-bind-address", "0",
            "--health-probe-bind-address", "0",
            "--preflight-timeout", "2s",
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        async with asyncio.timeout(30):
            out, err = await proc.communicate()
    assert proc.returncode == 1, err.decode()
    text = out.decode() + err.decode()
    ours = [line for line in err.decode().splitlines() if line.startswith("teleop: ")]
    assert len(ours) == 1, err.decode()
    assert str(identity) in ours[0], ours[0]
    assert f"{mode:04o}" in ours[0], ours[0]
    assert "chmod 600" in ours[0], ours[0]
    assert "PRIVATE KEY" not in text
    secret_lines = identity.read_text().splitlines()
    assert not [line for line in secret_lines if len(line) > 20 and line in text]
