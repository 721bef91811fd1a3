"""Error mapping, retries, deadlines and UNIMPLEMENTED fallbacks, against faketeleport over mTLS."""

from __future__ import annotations

import os
from pathlib import Path

import grpc
import pytest
from prometheus_client import CollectorRegistry

from teleop.teleport import (
    AccessDenied,
    AlreadyExists,
    BadParameter,
    Client,
    CompareFailed,
    ConnectionProblem,
    InsecureIdentityFile,
    LimitExceeded,
    NotFound,
    RetryPolicy,
    TeleportError,
    Timeout,
    Unimplemented,
    types,
)
from teleop.testing.faketeleport import FakeTeleport

from .conftest import identity_path
from .test_client_resources import role, user


@pytest.mark.parametrize(
    ("code", "cls"),
    [
        (grpc.StatusCode.NOT_FOUND, NotFound),
        (grpc.StatusCode.ALREADY_EXISTS, AlreadyExists),
        (grpc.StatusCode.PERMISSION_DENIED, AccessDenied),
        (grpc.StatusCode.INVALID_ARGUMENT, BadParameter),
        (grpc.StatusCode.FAILED_PRECONDITION, CompareFailed),
        (grpc.StatusCode.RESOURCE_EXHAUSTED, LimitExceeded),
        (grpc.StatusCode.UNIMPLEMENTED, Unimplemented),
        (grpc.StatusCode.INTERNAL, TeleportError),
    ],
)
async def test_error_mapping(
    client: Client, teleport: FakeTeleport, code: grpc.StatusCode, cls: type[TeleportError]
) -> None:
    teleport.faults.fail("GetToken", code, "the details")
    with pytest.raises(cls) as info:
        await client.get_token("x")
    assert type(info.value) is cls
    assert info.value.message == "the details"
    assert info.value.code == code


def _attempts(registry: CollectorRegistry, method: str, code: str) -> float:
    labels = {"method": method, "code": code}
    return registry.get_sample_value("teleop_teleport_requests_total", labels) or 0.0


async def test_outage_is_connection_problem_after_bounded_retries(
    client: Client, teleport: FakeTeleport, registry: CollectorRegistry
) -> None:
    teleport.faults.outage(30)
    with pytest.raises(ConnectionProblem, match="gave up after 3 attempts"):
        await client.get_role("dev")
    assert _attempts(registry, "/proto.AuthService/GetRole", "UNAVAILABLE") == 3


async def test_non_idempotent_calls_are_not_retried(
    client: Client, teleport: FakeTeleport, registry: CollectorRegistry
) -> None:
    teleport.faults.outage(30)
    with pytest.raises(ConnectionProblem):
        await client.create_user(user("bob"))
    method = "/teleport.users.v1.UsersService/CreateUser"
    assert _attempts(registry, method, "UNAVAILABLE") == 1


async def test_transient_unavailable_is_retried_transparently(
    client: Client, teleport: FakeTeleport, registry: CollectorRegistry
) -> None:
    teleport.faults.fail("UpsertRoleV2", grpc.StatusCode.UNAVAILABLE, "blip", times=2)
    stored = await client.upsert_role(role("dev"))
    assert stored.Metadata.Revision
    assert _attempts(registry, "/proto.AuthService/UpsertRoleV2", "UNAVAILABLE") == 2
    assert _attempts(registry, "/proto.AuthService/UpsertRoleV2", "OK") == 1


async def test_server_down_is_connection_problem(tmp_path: Path) -> None:
    server = FakeTeleport(tls_dir=tmp_path)
    await server.start()
    address, identity = server.address, identity_path(server)
    await server.stop()
    retry = RetryPolicy(max_attempts=2, initial_backoff=0.01, max_backoff=0.02)
    async with Client.from_identity_file(address, identity, retry=retry, timeout=2.0) as c:
        with pytest.raises(ConnectionProblem):
            await c.ping()


async def test_deadline_honoured(teleport: FakeTeleport) -> None:
    teleport.faults.delay("GetRole", 2.0)
    async with Client.from_identity_file(
        teleport.address, identity_path(teleport), timeout=0.2
    ) as c:
        with pytest.raises(Timeout):  # the server would answer, but only after 2 s
            await c.get_role("dev")
        # a per-call deadline overrides the client default
        teleport.faults.delay("Ping", 0.5)
        assert (await c.ping(deadline=3.0)).ClusterName


async def test_users_fall_back_to_legacy_methods(client: Client, teleport: FakeTeleport) -> None:
    teleport.faults.disable("users.v1")
    await client.upsert_role(role("dev"))
    created = await client.create_user(user("carol", "dev"))
    assert created.Metadata.Revision
    created.Spec.Roles.append("dev")
    await client.update_user(created)
    assert (await client.get_user("carol")).Spec.Roles == ["dev", "dev"]
    await client.delete_user("carol")
    methods = [r.method for r in teleport.log.records(kind="user")]
    assert methods == [
        "/proto.AuthService/CreateUser",
        "/proto.AuthService/UpdateUser",
        "/proto.AuthService/DeleteUser",
    ]


async def test_role_and_connector_upserts_fall_back(client: Client, teleport: FakeTeleport) -> None:
    teleport.faults.disable("UpsertRoleV2")
    teleport.faults.disable("UpsertGithubConnectorV2")
    stored = await client.upsert_role(role("dev"))
    assert stored.Metadata.Revision == teleport.log.records(kind="role")[-1].revision
    conn = types.GithubConnectorV3()
    conn.Metadata.Name = "gh"
    got = await client.upsert_connector(conn)
    assert got.Metadata.Revision
    assert [r.method for r in teleport.log.records()] == [
        "/proto.AuthService/UpsertRole",
        "/proto.AuthService/UpsertGithubConnector",
    ]


async def test_unsafe_identity_permissions_refused(teleport: FakeTeleport) -> None:
    path = identity_path(teleport)
    os.chmod(path, 0o640)
    c = Client.from_identity_file(teleport.address, path)
    with pytest.raises(InsecureIdentityFile, match="unsafe permissions 0640"):
        await c.start()
    await c.close()


async def test_from_files(teleport: FakeTeleport, tmp_path: Path) -> None:
    assert teleport.tls is not None
    ident = teleport.tls.ca().client_identity("files-user")
    (tmp_path / "tls.crt").write_bytes(ident.tls_cert)
    (tmp_path / "ca.crt").write_bytes(ident.tls_ca_bundle)
    key = tmp_path / "tls.key"
    key.write_bytes(ident.private_key)
    key.chmod(0o600)
    async with Client.from_files(
        teleport.address, tmp_path / "tls.crt", key, tmp_path / "ca.crt"
    ) as c:
        assert c.identity == "files-user"
        await c.upsert_role(role("dev"))
    assert teleport.log.records()[0].caller == "files-user"


async def test_wrong_server_name_fails_verification(teleport: FakeTeleport) -> None:
    retry = RetryPolicy(max_attempts=1)
    async with Client.from_identity_file(
        teleport.address, identity_path(teleport), server_name="evil.example.com", retry=retry
    ) as c:
        with pytest.raises(ConnectionProblem):
            await c.ping(deadline=2.0)
