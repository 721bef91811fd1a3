"""``python -m teleop.testing.faketeleport``: prints where it listens, serves mTLS, obeys control."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import aiohttp

from teleop.teleport import Client, types


async def test_command_serves_mtls_with_identity_and_control(tmp_path: Path) -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "teleop.testing.faketeleport",
        "--tls-dir",
        str(tmp_path),
        "--control-port",
        "0",
        "--identity-user",
        "bot-operator",
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert proc.stdout is not None
        async with asyncio.timeout(15):
            ready = json.loads(await proc.stdout.readline())
        assert ready["identity"] == str(tmp_path / "identity")
        async with Client.from_identity_file(ready["address"], ready["identity"]) as client:
            assert (await client.ping()).ServerFeatures.OIDC
            role = types.RoleV6(Version="v7")
            role.Metadata.Name = "dev"
            await client.upsert_role(role)
        async with aiohttp.ClientSession() as http:
            writes = await (await http.get(ready["control"] + "/writes")).json()
        assert [(w["name"], w["caller"]) for w in writes] == [("dev", "bot-operator")]
    finally:
        proc.terminate()
        await proc.wait()
