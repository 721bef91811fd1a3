"""After an UNIMPLEMENTED answer the client goes straight to the legacy method, per channel."""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from teleop.teleport import Client, types
from teleop.testing.faketeleport import FakeTeleport

from .conftest import FAST_RETRY, identity_path
from .test_client_resources import role, user


def rpcs(registry: CollectorRegistry) -> dict[str, float]:
    """Attempts so far by method (every status code)."""
    out: dict[str, float] = {}
    for family in registry.collect():
        if family.name != "teleop_teleport_requests":
            continue
        for sample in family.samples:
            if sample.name.endswith("_total"):
                method = sample.labels["method"]
                out[method] = out.get(method, 0) + sample.value
    return out


def delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {m: n - before.get(m, 0) for m, n in after.items() if n != before.get(m, 0)}


async def test_second_call_goes_straight_to_legacy(
    client: Client, teleport: FakeTeleport, registry: CollectorRegistry
) -> None:
    teleport.faults.disable("users.v1")
    await client.upsert_role(role("dev"))
    await client.create_user(user("a", "dev"))
    await client.create_user(user("b", "dev"))
    before = rpcs(registry)
    await client.delete_user("a")  # tries users.v1 once, then the legacy method
    middle = rpcs(registry)
    assert delta(before, middle) == {
        "/teleport.users.v1.UsersService/DeleteUser": 1,
        "/proto.AuthService/DeleteUser": 1,
    }
    await client.delete_user("b")
    assert delta(middle, rpcs(registry)) == {"/proto.AuthService/DeleteUser": 1}
    assert [r.method for r in teleport.log.records(kind="user", name="b")] == [
        "/proto.AuthService/CreateUser",
        "/proto.AuthService/DeleteUser",
    ]


async def test_connector_upsert_remembers_and_reads_back(
    client: Client, teleport: FakeTeleport, registry: CollectorRegistry
) -> None:
    teleport.faults.disable("UpsertGithubConnectorV2")
    conn = types.GithubConnectorV3()
    conn.Metadata.Name = "gh"
    await client.upsert_connector(conn)
    before = rpcs(registry)
    assert (await client.upsert_connector(conn)).Metadata.Revision
    assert delta(before, rpcs(registry)) == {
        "/proto.AuthService/UpsertGithubConnector": 1,
        "/proto.AuthService/GetGithubConnector": 1,
    }


async def test_memory_is_reset_by_a_new_channel(
    client: Client, teleport: FakeTeleport, registry: CollectorRegistry
) -> None:
    assert teleport.tls is not None
    teleport.faults.disable("UpsertRoleV2")
    await client.upsert_role(role("r1"))
    teleport.faults.clear()  # the server is upgraded...
    await client.upsert_role(role("r2"))  # ...but this channel still remembers
    assert teleport.log.records(name="r2")[0].method == "/proto.AuthService/UpsertRole"
    teleport.tls.ca().write_identity(identity_path(teleport), "operator-renewed")
    assert client.reload_credentials()
    before = rpcs(registry)
    await client.upsert_role(role("r3"))
    assert delta(before, rpcs(registry)) == {"/proto.AuthService/UpsertRoleV2": 1}


async def test_memory_is_per_client(client: Client, teleport: FakeTeleport) -> None:
    teleport.faults.disable("UpsertRoleV2")
    await client.upsert_role(role("r1"))
    other_registry = CollectorRegistry()
    async with Client.from_identity_file(
        teleport.address, identity_path(teleport), retry=FAST_RETRY, registry=other_registry
    ) as other:
        await other.upsert_role(role("r2"))
    v2 = {"method": "/proto.AuthService/UpsertRoleV2", "code": "UNIMPLEMENTED"}
    assert other_registry.get_sample_value("teleop_teleport_requests_total", v2) == 1
