"""``teleop import`` against faketeleport (mTLS) and its manifests against fakekube with the CRDs.

faketeleport is seeded the way an existing cluster looks: a role of a CR-writable version, one of
a version no CR writes, a preset, a bot's internal role, users (one with an email name), tokens
(one expiring), a GitHub connector with a client secret and a login rule. The manifests must be
accepted by fakekube, decode back to the resources, never contain the secret, and (once applied
with the operator running) be adopted with one Teleport write each that changes only the labels.
"""

from __future__ import annotations

import asyncio
import base64
import io
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from google.protobuf.timestamp_pb2 import Timestamp

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.apis.conventions import ORIGIN_LABEL
from teleop.operator.demo_samples import SECRETS, install
from teleop.operator.importer import ImportOptions, run_import
from teleop.operator.main import main
from teleop.operator.reconcilers import build_desired, cr_resource_type
from teleop.operator.reconcilers.compare import same_resource
from teleop.operator.resources import adapter_for
from teleop.runtime import KubeClient
from teleop.teleport import Client, types
from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport

NAMESPACE = "teleop-import"


@dataclass
class World:
    teleport: FakeTeleport
    tctl: Client
    identity: Path


def _role(name: str, version: str, **labels: str) -> types.RoleV6:
    role = types.RoleV6(Kind="role", Version=version)
    role.Metadata.Name = name
    role.Metadata.Labels.update(labels)
    role.Spec.Allow.Logins.append("ubuntu")
    return role


async def seed(c: Client) -> None:
    admins = _role("admins", "v7", team="platform")
    admins.Metadata.Description = "Cluster admins"
    await c.upsert_role(admins)
    await c.upsert_role(_role("old", "v4"))
    await c.upsert_role(_role("access", "v7"))
    await c.upsert_role(_role("bot-ci", "v7", **{"teleport.internal/bot": "ci"}))
    for name in ("alice", "bob", "carol@example.com"):
        user = types.UserV2(Kind="user", Version="v2")
        user.Metadata.Name = name
        user.Spec.Roles.append("admins")
        await c.create_user(user)
    for name, expires in (("node-join", False), ("short", True)):
        token = types.ProvisionTokenV2(Kind="token", Version="v2")
        token.Metadata.Name = name
        token.Spec.Roles.append("Node")
        if expires:
            token.Metadata.Expires.CopyFrom(Timestamp(seconds=4_000_000_000))
        await c.upsert_token(token)
    gh = types.GithubConnectorV3(Kind="github", Version="v3")
    gh.Metadata.Name = "gh"
    gh.Spec.ClientID = "client-id"
    gh.Spec.ClientSecret = "s3cret-value"
    gh.Spec.RedirectURL = "https://teleport.example.com/v1/webapi/github/callback"
    gh.Spec.TeamsToRoles.add(Organization="acme", Team="ops", Roles=["admins"])
    await c.create_connector(gh)
    rule = types.LoginRule(version="v1", priority=1, traits_expression="external")
    rule.metadata.Name = "lr"
    await c.create_login_rule(rule)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with FakeTeleport(tls_dir=tmp_path / "tls") as teleport:
        assert teleport.tls is not None
        identity = teleport.tls.identity
        async with Client.from_identity_file(teleport.address, identity) as tctl:
            await seed(tctl)
            yield World(teleport, tctl, identity)


def options(world: World, **kw: Any) -> ImportOptions:
    return ImportOptions(
        auth_server=world.teleport.address, identity_file=str(world.identity), **kw
    )


async def run(world: World, **kw: Any) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = await run_import(options(world, **kw), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


async def test_list_calls_page_and_never_return_secrets(world: World) -> None:
    c = world.tctl
    assert [u.Metadata.Name for u in await c.list_users(page_size=2)] == [
        "alice",
        "bob",
        "carol@example.com",
    ]
    assert {r.Metadata.Name for r in await c.list_roles()} >= {"admins", "old", "access"}
    assert [t.Metadata.Name for t in await c.list_tokens()] == ["node-join", "short"]
    (gh,) = await c.list_connectors(types.GithubConnectorV3)
    assert gh.Spec.ClientID == "client-id"
    assert gh.Spec.ClientSecret == ""
    assert [r.metadata.Name for r in await c.list_login_rules(page_size=1)] == ["lr"]


async def test_stream_to_stdout_with_summary_and_notes_on_stderr(world: World) -> None:
    code, out, err = await run(world)
    assert code == 0, err
    docs = list(yaml.safe_load_all(out))
    names = sorted((d["kind"], d["metadata"]["name"]) for d in docs)
    assert names == [
        ("TeleportGithubConnector", "gh"),
        ("TeleportLoginRule", "lr"),
        ("TeleportProvisionToken", "node-join"),
        ("TeleportRoleV7", "admins"),
        ("TeleportUser", "alice"),
        ("TeleportUser", "bob"),
    ]
    assert all(d["metadata"]["annotations"]["teleport.dev/adopt"] == "true" for d in docs)
    assert "s3cret-value" not in out + err
    lines = err.splitlines()
    assert (
        "role: 1 written (1 internal left out, 1 preset(s) left out (--include-presets), "
        "1 skipped)" in lines
    )
    assert "user: 2 written (1 skipped)" in lines
    assert "token: 1 written (1 skipped)" in lines
    assert "github: 1 written" in lines
    assert lines[0].startswith("not importable yet (no list call): ")
    assert any(
        line.startswith("skipped: role 'old': no CR kind writes version v4") for line in lines
    )
    assert any("carol@example.com" in line and "Kubernetes object name" in line for line in lines)
    assert any(
        line.startswith("note: github 'gh': create the Secret 'gh-client-secret'") for line in lines
    )


async def test_files_per_object_chosen_kinds_and_presets(world: World, tmp_path: Path) -> None:
    out_dir = tmp_path / "crs"
    code, out, _ = await run(
        world, kinds=("role",), output=str(out_dir), include_presets=True, namespace="ops"
    )
    assert code == 0
    assert sorted(p.name for p in out_dir.iterdir()) == ["role-access.yaml", "role-admins.yaml"]
    admins = yaml.safe_load((out_dir / "role-admins.yaml").read_text())
    assert admins["metadata"]["namespace"] == "ops"
    assert admins["metadata"]["labels"] == {"team": "platform"}
    assert admins["metadata"]["annotations"]["description"] == "Cluster admins"
    assert "role: 2 written (1 internal left out, 1 skipped)" in out.splitlines()


async def test_the_command_line(
    world: World, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [
        "import",
        "--auth-server",
        world.teleport.address,
        "--identity-file",
        str(world.identity),
    ]
    assert await asyncio.to_thread(main, [*argv, "--kinds", "nodes"]) == 2
    assert "--kinds: cannot import nodes" in capsys.readouterr().err
    code = await asyncio.to_thread(main, [*argv, "--kinds", "token", "--output", str(tmp_path)])
    assert code == 0
    assert (tmp_path / "token-node-join.yaml").exists()
    bad = ["import", "--auth-server", "127.0.0.1:1", "--identity-file", str(world.identity)]
    assert await asyncio.to_thread(main, bad) == 1
    assert "cannot reach Teleport" in capsys.readouterr().err


async def test_manifests_are_accepted_by_fakekube_and_decode_to_the_resources(
    world: World,
) -> None:
    code, out, err = await run(world, namespace=NAMESPACE)
    assert code == 0, err
    docs = list(yaml.safe_load_all(out))
    async with FakeKube(host="127.0.0.1", port=0) as kube, KubeClient.from_url(kube.url) as api:
        await install(api, NAMESPACE, [])
        for doc in docs:
            kind = KINDS_BY_NAME[doc["kind"]]
            stored = await api.create(cr_resource_type(kind), doc, namespace=NAMESPACE)
            assert stored["spec"] == doc["spec"], doc["metadata"]["name"]
            desired = build_desired(kind, stored)
            actual = await adapter_for(kind, world.tctl).get(doc["metadata"]["name"])
            clear = adapter_for(kind, world.tctl).clear_server_fields

            def normal(m: Any, clear: Any = clear, kind_name: str = kind.kind) -> None:
                clear(m)
                m_md = m.metadata if kind_name == "TeleportLoginRule" else m.Metadata
                m_md.ClearField("Revision")
                m_md.Labels.pop(ORIGIN_LABEL, None)
                if kind_name == "TeleportGithubConnector":
                    m.Spec.ClientSecret = ""  # the manifest has a secret:// reference
                if isinstance(m, types.RoleV6):  # not in Teleport's JSON; the server defaults it
                    m.Spec.Allow.ClearField("Namespaces")
                    m.Spec.Deny.ClearField("Namespaces")

            assert same_resource(desired, actual, normal), doc["metadata"]["name"]


async def test_applied_manifests_are_adopted_without_changing_teleport(
    world: World, tmp_path: Path
) -> None:
    from teleop.operator.app import Operator
    from teleop.operator.config import OperatorConfig

    code, out, err = await run(world, namespace=NAMESPACE)
    assert code == 0, err
    docs = list(yaml.safe_load_all(out))
    before = {
        d["metadata"]["name"]: await adapter_for(KINDS_BY_NAME[d["kind"]], world.tctl).get(
            d["metadata"]["name"]
        )
        for d in docs
    }
    world.teleport.log.clear()
    async with FakeKube(host="127.0.0.1", port=0) as kube, KubeClient.from_url(kube.url) as api:
        await install(api, NAMESPACE, [])
        secret = {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {
                "name": "gh-client-secret",
                "annotations": {"resources.teleport.dev/allow-lookup-from-cr": "gh"},
            },
            "data": {"client_secret": base64.b64encode(b"s3cret-value").decode()},
        }
        await api.create(SECRETS, secret, namespace=NAMESPACE)
        for doc in docs:
            await api.create(cr_resource_type(KINDS_BY_NAME[doc["kind"]]), doc, namespace=NAMESPACE)
        config = OperatorConfig(
            namespace=NAMESPACE,
            kubeconfig=str(kube.write_kubeconfig(tmp_path / "kubeconfig", namespace=NAMESPACE)),
            auth_server=world.teleport.address,
            identity_file=str(world.identity),
            metrics_bind_address="0",
            health_probe_bind_address="0",
            leader_elect=False,
        )
        operator = Operator(config)
        task = asyncio.create_task(operator.run())
        try:
            await asyncio.wait_for(operator.wait_ready(), 15)

            async def all_ready() -> None:
                while True:
                    ready = 0
                    for d in docs:
                        rt = cr_resource_type(KINDS_BY_NAME[d["kind"]])
                        cr = await api.get(rt, d["metadata"]["name"], namespace=NAMESPACE)
                        conds = (cr.get("status") or {}).get("conditions") or []
                        ready += any(c["type"] == "Ready" and c["status"] == "True" for c in conds)
                    if ready == len(docs):
                        return
                    await asyncio.sleep(0.05)

            await asyncio.wait_for(all_ready(), 20)
        finally:
            operator.stop()
            await asyncio.wait_for(task, 15)
    # One write per resource (the adoption adds the origin label); nothing else changed.
    writes = sorted(r.name for r in world.teleport.log.records())
    assert writes == sorted(before)
    for d in docs:
        kind = KINDS_BY_NAME[d["kind"]]
        after = await adapter_for(kind, world.tctl).get(d["metadata"]["name"])
        clear = adapter_for(kind, world.tctl).clear_server_fields

        def normal(m: Any, clear: Any = clear, kind_name: str = kind.kind) -> None:
            clear(m)
            m_md = m.metadata if kind_name == "TeleportLoginRule" else m.Metadata
            m_md.ClearField("Revision")
            m_md.Labels.pop(ORIGIN_LABEL, None)

        assert after is not None
        assert same_resource(after, before[d["metadata"]["name"]], normal), d["metadata"]["name"]
        md = after.metadata if kind.kind == "TeleportLoginRule" else after.Metadata
        assert md.Labels[ORIGIN_LABEL] == "kubernetes"
