"""Client round trips for nodes, apps, databases, locks and trusted clusters against faketeleport.

Each pins the calls Teleport's Go client makes (method paths in the write log), the semantics the
operator relies on (Create is ALREADY_EXISTS when taken, Update CompareFailed on a stale revision,
Upsert overwrites) and the checks Teleport applies to what a CR may say.
"""

from __future__ import annotations

import inspect

import pytest

from teleop.teleport import AlreadyExists, BadParameter, Client, CompareFailed, NotFound, types
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.infra import InfraCalls
from teleop.testing.faketeleport import FakeTeleport


def node(name: str, subkind: str = "openssh", addr: str = "10.0.0.5:22") -> types.ServerV2:
    n = types.ServerV2(Kind="node", SubKind=subkind, Version="v2")
    n.Metadata.Name = name
    n.Spec.Addr = addr
    n.Spec.Hostname = f"{name}.example.com"
    return n


def test_every_infra_call_takes_a_keyword_timeout() -> None:
    names = [n for n in vars(InfraCalls) if not n.startswith("_")]
    assert len(names) == 18
    for name in names:
        param = inspect.signature(getattr(Client, name)).parameters["timeout"]
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert param.default is None, name


async def test_node_upsert_reads_back_and_checks_subkinds(
    client: Client, teleport: FakeTeleport
) -> None:
    stored = await client.upsert_node(node("web"))
    assert (stored.SubKind, stored.Version, stored.Metadata.Namespace) == (
        "openssh",
        "v2",
        "default",
    )
    again = await client.upsert_node(stored)
    assert again.Metadata.Revision != stored.Metadata.Revision
    with pytest.raises(BadParameter, match='addr must be set when server SubKind is "openssh"'):
        await client.upsert_node(node("bad", addr=""))
    with pytest.raises(BadParameter, match="missing port in address"):
        await client.upsert_node(node("bad", addr="10.0.0.5"))
    eice = node("i-1", subkind="openssh-ec2-ice")
    with pytest.raises(BadParameter, match="missing AWS CloudMetadata"):
        await client.upsert_node(eice)
    aws = eice.Spec.CloudMetadata.AWS
    aws.AccountID, aws.Region, aws.Integration = "123456789012", "eu-west-1", "aws"
    aws.InstanceID, aws.VPCID = "i-1", "vpc-1"
    with pytest.raises(BadParameter, match="missing AWS Subnet ID"):
        await client.upsert_node(eice)
    aws.SubnetID = "subnet-1"
    assert (await client.upsert_node(eice)).Spec.CloudMetadata.AWS.SubnetID == "subnet-1"
    await client.delete_node("web")
    with pytest.raises(NotFound):
        await client.get_node("web")
    methods = [r.method.rsplit("/", 1)[1] for r in teleport.log.records(kind="node")]
    assert methods == ["UpsertNode", "UpsertNode", "UpsertNode", "DeleteNode"]


async def test_app_create_update_delete(client: Client, teleport: FakeTeleport) -> None:
    app = types.AppV3(Kind="app", Version="v3")
    app.Metadata.Name = "grafana"
    app.Spec.URI = "http://grafana.monitoring:3000"
    created = await client.create_app(app)
    assert created.Metadata.Revision
    with pytest.raises(AlreadyExists):
        await client.create_app(app)
    created.Spec.PublicAddr = "grafana.example.com"
    updated = await client.update_app(created)
    assert updated.Spec.PublicAddr == "grafana.example.com"
    with pytest.raises(CompareFailed):
        await client.update_app(created)  # stale revision
    missing = types.AppV3(Kind="app", Version="v3")
    missing.Metadata.Name = "nope"
    missing.Spec.URI = "http://x"
    with pytest.raises(NotFound):
        await client.update_app(missing)
    missing.Spec.URI = ""
    with pytest.raises(BadParameter, match='app "nope" URI is empty'):
        await client.create_app(missing)
    await client.delete_app("grafana")
    methods = [r.method for r in teleport.log.records(kind="app")]
    assert methods == [
        "/proto.AuthService/CreateApp",
        "/proto.AuthService/UpdateApp",
        "/proto.AuthService/DeleteApp",
    ]


async def test_database_checks_protocol_and_keeps_agent_status(
    client: Client, teleport: FakeTeleport
) -> None:
    db = types.DatabaseV3(Kind="db", Version="v3")
    db.Metadata.Name = "orders"
    db.Spec.URI = "orders.db:5432"
    with pytest.raises(BadParameter, match='database "orders" protocol is empty'):
        await client.create_database(db)
    db.Spec.Protocol = "db2"
    with pytest.raises(BadParameter, match="unsupported database"):
        await client.create_database(db)
    db.Spec.Protocol = "postgres"
    db.Status.CACert = "from-the-operator"
    created = await client.create_database(db)
    assert created.Status.CACert == ""
    created.Spec.TLS.Mode = types_pb2.VERIFY_CA
    updated = await client.update_database(created)
    assert updated.Spec.TLS.Mode == types_pb2.VERIFY_CA
    await client.delete_database("orders")
    with pytest.raises(NotFound):
        await client.delete_database("orders")


async def test_lock_upsert_stamps_creation(client: Client, teleport: FakeTeleport) -> None:
    lock = types.LockV2(Kind="lock", Version="v2")
    lock.Metadata.Name = "freeze"
    with pytest.raises(BadParameter, match="at least one target field must be set"):
        await client.upsert_lock(lock)
    lock.Spec.Target.User = "mallory"
    stored = await client.upsert_lock(lock)
    assert stored.Spec.CreatedBy == "operator"
    assert stored.Spec.HasField("CreatedAt")
    assert (await client.get_lock("freeze")) == stored
    await client.delete_lock("freeze")
    [write, delete] = teleport.log.records(kind="lock")
    assert (write.method, delete.method) == (
        "/proto.AuthService/UpsertLock",
        "/proto.AuthService/DeleteLock",
    )


async def test_trusted_cluster_writes_go_to_the_trust_service(
    client: Client, teleport: FakeTeleport
) -> None:
    tc = types.TrustedClusterV2(Kind="trusted_cluster", Version="v2")
    tc.Metadata.Name = "root.example.com"
    tc.Spec.Enabled = True
    tc.Spec.Token = "join-token"
    tc.Spec.ProxyAddress = "root.example.com:443"
    tc.Spec.ReverseTunnelAddress = "root.example.com:11106"
    tc.Spec.RoleMap.add(Remote="admin", Local=["access"])
    created = await client.create_trusted_cluster(tc)
    assert created.Spec.Token == "join-token"
    with pytest.raises(AlreadyExists):
        await client.create_trusted_cluster(tc)
    created.Spec.Enabled = False
    updated = await client.update_trusted_cluster(created)
    with pytest.raises(CompareFailed):
        await client.update_trusted_cluster(created)
    assert (await client.get_trusted_cluster("root.example.com")) == updated
    updated.Spec.Roles.append("access")
    with pytest.raises(BadParameter, match="either 'roles' or 'role_map'"):
        await client.update_trusted_cluster(updated)
    await client.delete_trusted_cluster("root.example.com")
    methods = [r.method for r in teleport.log.records(kind="trusted_cluster")]
    assert methods == [
        "/teleport.trust.v1.TrustService/CreateTrustedCluster",
        "/teleport.trust.v1.TrustService/UpdateTrustedCluster",
        "/proto.AuthService/DeleteTrustedCluster",
    ]
