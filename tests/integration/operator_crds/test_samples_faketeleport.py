"""Every sample, converted as the operator converts it, is accepted by faketeleport.

Goes over mTLS with ``teleop.teleport.Client`` against an in-process ``FakeTeleport`` (enterprise
features on), using each kind's write call as the Go operator does (the contract suite's
``tctl_write``: roles and tokens upsert, users, connectors, login rules and Okta import rules
create). The user sample names the role samples, so
roles are written first (faketeleport, like Teleport, refuses a user with unknown roles).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from google.protobuf.message import Message

from teleop.operator.apis import KINDS, KindSpec
from teleop.teleport import AccessDenied, Client, RetryPolicy, Unimplemented
from teleop.teleport.convert import decode, encode
from teleop.testing.faketeleport import FakeTeleport, Features
from tests.contract.primitives import tctl_read, tctl_write
from tests.unit.operator.samples import samples, teleport_json

FAST_RETRY = RetryPolicy(max_attempts=2, max_elapsed=5.0, initial_backoff=0.01, max_backoff=0.05)


@pytest.fixture
async def teleport(tmp_path: Path) -> AsyncIterator[FakeTeleport]:
    async with FakeTeleport(tls_dir=tmp_path / "tls") as server:
        yield server


@pytest.fixture
async def client(teleport: FakeTeleport) -> AsyncIterator[Client]:
    assert teleport.tls is not None
    c = Client.from_identity_file(
        teleport.address, teleport.tls.identity, retry=FAST_RETRY, timeout=5.0
    )
    async with c:
        yield c


async def write(client: Client, kind: KindSpec, message: Any) -> Message:
    """The write call the Go operator uses for a new resource of ``kind``."""
    written: Message = await tctl_write(client, kind, message)
    return written


async def read(client: Client, kind: KindSpec, name: str) -> Message:
    got: Message = await tctl_read(client, kind, name)
    return got


def contains(whole: Any, part: Any) -> bool:
    """``whole`` is ``part`` plus server defaults (extra keys, zero values filled in)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            k in whole and contains(whole[k], v) for k, v in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(whole) == len(part)
            and all(contains(w, p) for w, p in zip(whole, part, strict=True))
        )
    return bool(whole == part) or part in ("", False, 0)


async def test_every_sample_is_accepted(client: Client, teleport: FakeTeleport) -> None:
    for kind, cr in samples():
        sent = decode(teleport_json(kind, cr), kind.message, path="")
        stored = encode(await write(client, kind, sent))
        expected = encode(sent)
        assert contains(stored, expected), (kind.kind, stored, expected)
        got = encode(await read(client, kind, cr["metadata"]["name"]))
        assert got["version"] == kind.teleport_version
        assert got["metadata"]["labels"]["teleport.dev/origin"] == "kubernetes"
    kinds = {r.kind for r in teleport.log.records()}
    assert kinds == {k.teleport_kind for k in KINDS}
    role_versions = [
        (await client.get_role(cr["metadata"]["name"])).Version
        for kind, cr in samples()
        if kind.teleport_kind == "role"
    ]
    assert role_versions == ["v5", "v6", "v7", "v8"]


async def test_gated_samples_need_their_features(client: Client, teleport: FakeTeleport) -> None:
    teleport.state.features = Features.oss()
    features = (await client.ping()).ServerFeatures
    for kind, cr in samples():
        sent = decode(teleport_json(kind, cr), kind.message, path="")
        if kind.enabled_by(features):
            await write(client, kind, sent)
        else:
            with pytest.raises((AccessDenied, Unimplemented)):
                await write(client, kind, sent)
    assert {k.kind for k, _ in samples() if not k.enabled_by(features)} == {
        "TeleportSAMLConnector",
        "TeleportOIDCConnector",
        "TeleportLoginRule",
        "TeleportOktaImportRule",
        "TeleportAccessList",
    }
