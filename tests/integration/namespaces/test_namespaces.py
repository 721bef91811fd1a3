"""``teleop run --namespaces a,b`` / ``--all-namespaces`` against fakekube and faketeleport.

The operator lives in ``teleop-system`` (Lease there), reconciles CRs of ``team-a`` and ``team-b``
and leaves ``team-c`` alone. Two CRs naming the same Teleport role must not flap: the first owns
it (owner labels in Teleport), the second is refused with OwnedByAnotherCR and never written, and
deleting the second leaves the role in place.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.apis.conventions import OWNER_NAME_LABEL, OWNER_NAMESPACE_LABEL
from teleop.operator.app import Operator
from teleop.operator.config import OperatorConfig
from teleop.operator.demo_samples import NAMESPACES, install
from teleop.operator.reconcilers import cr_resource_type
from teleop.operator.reconcilers.ownership import REASON_OWNED_BY_ANOTHER_CR
from teleop.runtime import KubeClient, KubeObject, ResourceType
from teleop.runtime.client import NotFound
from teleop.runtime.event import EVENTS
from teleop.teleport import types
from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport

OWN = "teleop-system"
ROLE = cr_resource_type(KINDS_BY_NAME["TeleportRoleV7"])
LEASES = ResourceType("coordination.k8s.io", "v1", "leases", "Lease")


@dataclass
class World:
    kube: FakeKube
    teleport: FakeTeleport
    client: KubeClient
    config: OperatorConfig


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with (
        FakeKube(host="127.0.0.1", port=0) as kube,
        FakeTeleport(tls_dir=tmp_path / "tls") as teleport,
        KubeClient.from_url(kube.url) as client,
    ):
        assert teleport.tls is not None
        await install(client, OWN, [])
        for ns in ("team-a", "team-b", "team-c"):
            body = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}
            await client.create(NAMESPACES, body)
        config = OperatorConfig(
            namespace=OWN,
            namespaces="team-a,team-b",
            kubeconfig=str(kube.write_kubeconfig(tmp_path / "kubeconfig", namespace=OWN)),
            auth_server=teleport.address,
            identity_file=str(teleport.tls.identity),
            metrics_bind_address="0",
            health_probe_bind_address="0",
            preflight_timeout=2.0,
        )
        yield World(kube, teleport, client, config)


def role_cr(namespace: str, name: str, login: str) -> dict[str, Any]:
    return {
        "apiVersion": ROLE.api_version,
        "kind": "TeleportRoleV7",
        "metadata": {"name": name, "namespace": namespace},
        "spec": {"allow": {"logins": [login]}},
    }


async def until(check: Callable[[], Awaitable[Any]], within: float = 15.0) -> Any:
    async def loop() -> Any:
        while True:
            result = await check()
            if result:
                return result
            await asyncio.sleep(0.05)

    return await asyncio.wait_for(loop(), within)


def condition(cr: KubeObject, kind: str) -> dict[str, Any] | None:
    for cond in (cr.get("status") or {}).get("conditions") or []:
        if cond["type"] == kind:
            return dict(cond)
    return None


async def running(world: World, config: OperatorConfig) -> tuple[Operator, asyncio.Task[None]]:
    operator = Operator(config)
    task = asyncio.create_task(operator.run())
    await asyncio.wait_for(operator.wait_ready(), 15)
    return operator, task


async def test_two_namespaces_one_owner_no_flapping(world: World) -> None:
    c = world.client
    operator, task = await running(world, world.config)
    try:
        await c.create(ROLE, role_cr("team-a", "admins", "alice"), namespace="team-a")

        async def a_ready() -> Any:
            cr = await c.get(ROLE, "admins", namespace="team-a")
            ready = condition(cr, "Ready")
            return ready is not None and ready["status"] == "True"

        await until(a_ready)
        writes = world.teleport.log.records(kind="role", name="admins")
        assert len(writes) == 1

        await c.create(ROLE, role_cr("team-b", "admins", "bob"), namespace="team-b")

        async def b_refused() -> Any:
            cr = await c.get(ROLE, "admins", namespace="team-b")
            owned = condition(cr, "TeleportResourceOwned")
            return owned if owned is not None and owned["status"] == "False" else None

        owned = await until(b_refused)
        assert owned["reason"] == REASON_OWNED_BY_ANOTHER_CR
        assert "team-a/admins" in owned["message"]

        # A spec change of the refused CR is reconciled (observedGeneration moves) and still
        # refused: Teleport's role is written once, by team-a's CR, and keeps alice.
        await c.patch(
            ROLE, "admins", {"spec": {"allow": {"logins": ["carol"]}}}, namespace="team-b"
        )

        async def b_seen_gen2() -> Any:
            cr = await c.get(ROLE, "admins", namespace="team-b")
            return (cr.get("status") or {}).get("observedGeneration") == 2

        await until(b_seen_gen2)
        assert len(world.teleport.log.records(kind="role", name="admins")) == 1

        # Events about a CR go to its namespace; the Lease stays in the operator's own.
        events = await c.list(EVENTS, namespace="team-b")
        assert any(e["involvedObject"]["name"] == "admins" for e in events["items"])
        await asyncio.wait_for(operator.manager.wait_elected(), 15)
        assert (await c.get(LEASES, world.config.leader_election_id, namespace=OWN))["spec"]

        # Deleting the refused CR leaves team-a's role in Teleport.
        await c.delete(ROLE, "admins", namespace="team-b")

        async def b_gone() -> bool:
            try:
                await c.get(ROLE, "admins", namespace="team-b")
            except NotFound:
                return True
            return False

        await until(b_gone)
        deletes = [r for r in world.teleport.log.records(kind="role", name="admins")]
        assert [r.method.rsplit("/", 1)[-1] for r in deletes] == ["UpsertRoleV2"]
    finally:
        operator.stop()
        await asyncio.wait_for(task, 15)


async def test_owner_labels_and_unwatched_namespace(world: World) -> None:
    c = world.client
    operator, task = await running(world, world.config)
    try:
        await c.create(ROLE, role_cr("team-c", "outsider", "eve"), namespace="team-c")
        await c.create(ROLE, role_cr("team-b", "devs", "dave"), namespace="team-b")

        async def devs_written() -> Any:
            return world.teleport.log.records(kind="role", name="devs")

        await until(devs_written)
        tclient = operator.teleport
        role = await tclient.get_role("devs")
        assert isinstance(role, types.RoleV6)
        assert role.Metadata.Labels[OWNER_NAMESPACE_LABEL] == "team-b"
        assert role.Metadata.Labels[OWNER_NAME_LABEL] == "devs"
        # team-c is not watched: its CR is never reconciled (no finalizer, nothing in Teleport).
        outsider = await c.get(ROLE, "outsider", namespace="team-c")
        assert not outsider["metadata"].get("finalizers")
        assert not world.teleport.log.records(kind="role", name="outsider")
    finally:
        operator.stop()
        await asyncio.wait_for(task, 15)


async def test_all_namespaces(world: World) -> None:
    c = world.client
    config = world.config.model_copy(update={"namespaces": "", "all_namespaces": True})
    operator, task = await running(world, config)
    try:
        for ns in ("team-a", "team-c"):
            await c.create(ROLE, role_cr(ns, f"r-{ns}", "x"), namespace=ns)

        async def both() -> bool:
            names = {r.name for r in world.teleport.log.records(kind="role")}
            return {"r-team-a", "r-team-c"} <= names

        await until(both)
    finally:
        operator.stop()
        await asyncio.wait_for(task, 15)
