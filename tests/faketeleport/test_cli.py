"""``python -m teleop.testing.faketeleport``: prints where it listens, serves mTLS, obeys control."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import pytest

from teleop.teleport import Client, ConnectionProblem, RetryPolicy, types
from teleop.testing.faketeleport import RemoteControl


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
        retry = RetryPolicy(max_attempts=2, initial_backoff=0.01, max_backoff=0.02)
        async with Client.from_identity_file(
            ready["address"], ready["identity"], retry=retry
        ) as client:
            assert (await client.ping()).ServerFeatures.OIDC
            role = types.RoleV6(Version="v7")
            role.Metadata.Name = "dev"
            await client.upsert_role(role)
            async with RemoteControl(ready["control"]) as fake:
                writes = await fake.writes(kind="role")
                assert [(w["name"], w["caller"]) for w in writes] == [("dev", "bot-operator")]
                await fake.outage(30)
                with pytest.raises(ConnectionProblem):
                    await client.get_role("dev")
                await fake.clear_faults()
                await fake.disable("UpsertRoleV2")
                await client.upsert_role(role)  # falls back to UpsertRole
                assert (await fake.writes(method="UpsertRole"))[0]["name"] == "dev"
                assert (await fake.set_features(oidc=False))["oidc"] is False
                assert not (await client.ping()).ServerFeatures.OIDC
                assert [r["name"] for r in await fake.resources("role")] == ["dev"]
    finally:
        proc.terminate()
        await proc.wait()
