"""``setup_controllers`` on a running manager: real controllers, predicates and gating."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest

from teleop.operator.apis import KINDS, KINDS_BY_NAME
from teleop.operator.reconcilers import cr_resource_type
from teleop.operator.resources import ReconcilerOptions, SetupResult, setup_controllers
from teleop.runtime import KubeClient, Manager, ManagerOptions
from teleop.teleport import Client, types
from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport
from tests.integration.reconcilers.conftest import FAST_RETRY, NAMESPACE, install_crds
from tests.polling import eventually

OSS = types.Features()


@pytest.fixture
async def running(
    fakekube: FakeKube, teleport: FakeTeleport, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[tuple[Manager, SetupResult, FakeTeleport]]:
    caplog.set_level(logging.INFO)
    assert teleport.tls is not None
    client = Client.from_identity_file(
        teleport.address, teleport.tls.identity, retry=FAST_RETRY, timeout=5.0
    )
    options = ManagerOptions(
        leader_election=False,
        metrics_bind_address="0",
        health_probe_bind_address="0",
        metrics_process_collectors=False,
        graceful_shutdown_timeout=5.0,
    )
    async with client, KubeClient.from_url(fakekube.url) as setup_client:
        await install_crds(setup_client)
        mgr = Manager.from_url(fakekube.url, options)
        result = setup_controllers(
            mgr,
            client,
            namespace=NAMESPACE,
            features=OSS,
            options=ReconcilerOptions(max_concurrent_reconciles=2),
        )
        task = asyncio.create_task(mgr.run())
        try:
            yield mgr, result, teleport
        finally:
            mgr.stop()
            await asyncio.wait_for(task, 10)


def test_gating_follows_ping_features() -> None:
    enterprise = types.Features(OIDC=True, SAML=True, AdvancedAccessWorkflows=True)
    assert all(k.enabled_by(enterprise) for k in KINDS)
    assert [k.kind for k in KINDS if not k.enabled_by(OSS)] == [
        "TeleportSAMLConnector",
        "TeleportOIDCConnector",
        "TeleportLoginRule",
        "TeleportOktaImportRule",
        "TeleportAccessList",
    ]


async def test_controllers_converge_with_one_write_each(
    running: tuple[Manager, SetupResult, FakeTeleport],
    fakekube: FakeKube,
    caplog: pytest.LogCaptureFixture,
) -> None:
    mgr, result, teleport = running
    assert result.skipped == (
        "TeleportSAMLConnector",
        "TeleportOIDCConnector",
        "TeleportLoginRule",
        "TeleportOktaImportRule",
        "TeleportAccessList",
    )
    assert len(result.enabled) == len(KINDS) - 5
    assert [c.name for c in result.controllers][:2] == ["teleportuser", "teleportrole"]
    setup_logs = [r.getMessage() for r in caplog.get_records("setup")]
    assert sum("is not reconciled" in m for m in setup_logs) == 5
    assert any(m.startswith("TeleportOIDCConnector is not reconciled") for m in setup_logs)
    await asyncio.wait_for(mgr.wait_started(), 10)

    role, oidc = KINDS_BY_NAME["TeleportRole"], KINDS_BY_NAME["TeleportOIDCConnector"]
    api = mgr.client

    async def create(kind: Any, name: str, spec: dict[str, Any]) -> None:
        body = {
            "apiVersion": kind.api_version,
            "kind": kind.kind,
            "metadata": {"name": name, "namespace": NAMESPACE},
            "spec": spec,
        }
        await api.create(cr_resource_type(kind), body)

    async def ready(kind: Any, name: str, status: str = "True") -> bool:
        cr = await api.get(cr_resource_type(kind), name, namespace=NAMESPACE)
        conds = (cr.get("status") or {}).get("conditions") or []
        return any(c["type"] == "Ready" and c["status"] == status for c in conds)

    await create(role, "dev", {"allow": {"logins": ["root"]}})
    await create(oidc, "okta", {"issuer_url": "https://example.okta.com"})
    await eventually(lambda: ready(role, "dev"))
    await eventually(lambda: ready(oidc, "okta", "False"))
    await asyncio.sleep(0.3)  # let any stray reconcile (it should not happen) show up
    writes = [
        (w.verb, w.subresource)
        for w in fakekube.writes
        if w.resource == role.plural and w.name == "dev"
    ]
    assert writes == [("create", ""), ("patch", ""), ("patch", "status")]
    assert [r.method.rsplit("/", 1)[-1] for r in teleport.log.records(name="dev")] == [
        "UpsertRoleV2"
    ]
    oidc_writes = [w.verb for w in fakekube.writes if w.resource == oidc.plural]
    assert oidc_writes == ["create", "patch"]


async def test_new_cr_is_reconciled_once_and_later_edits_still_reconcile(
    running: tuple[Manager, SetupResult, FakeTeleport],
) -> None:
    """The watch's echo of our finalizer patch and status write does not reconcile again
    (``OwnWriteEcho``); a user's spec edit and someone's label change afterwards do."""
    mgr, _, teleport = running
    await asyncio.wait_for(mgr.wait_started(), 10)
    role = KINDS_BY_NAME["TeleportRole"]
    rt = cr_resource_type(role)
    api = mgr.client

    def reconciles() -> float:
        value = mgr.metrics.registry.get_sample_value(
            "controller_runtime_reconcile_total",
            {"controller": "teleportrole", "result": "success"},
        )
        return 0.0 if value is None else value

    def upserts() -> int:
        return len(teleport.log.records(name="echo"))

    body = {
        "apiVersion": role.api_version,
        "kind": role.kind,
        "metadata": {"name": "echo", "namespace": NAMESPACE},
        "spec": {"allow": {"logins": ["root"]}},
    }
    await api.create(rt, body)

    async def ready() -> bool:
        cr = await api.get(rt, "echo", namespace=NAMESPACE)
        conds = (cr.get("status") or {}).get("conditions") or []
        return any(c["type"] == "Ready" and c["status"] == "True" for c in conds)

    await eventually(ready)
    await asyncio.sleep(0.3)  # let the echoes of our writes arrive (and not reconcile)
    assert reconciles() == 1
    assert upserts() == 1

    await api.patch(rt, "echo", {"spec": {"allow": {"logins": ["admin"]}}}, namespace=NAMESPACE)

    async def upserted_twice() -> bool:
        return upserts() == 2

    await eventually(upserted_twice)
    await asyncio.sleep(0.3)
    after_edit = reconciles()
    assert after_edit == 2

    await api.patch(rt, "echo", {"metadata": {"labels": {"team": "x"}}}, namespace=NAMESPACE)

    async def reconciled_again() -> bool:
        return reconciles() > after_edit

    await eventually(reconciled_again)
