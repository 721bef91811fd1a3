"""Per-call deadlines: ``timeout=`` on a resource method overrides the client-wide deadline."""

from __future__ import annotations

import pytest

from teleop.teleport import Client, Timeout, types
from teleop.testing.faketeleport import FakeTeleport

from .test_client_resources import role


async def test_per_call_timeout_shorter_than_latency_raises(
    client: Client, teleport: FakeTeleport
) -> None:
    await client.upsert_role(role("dev"))
    teleport.faults.delay("GetRole", 0.5)
    with pytest.raises(Timeout):
        await client.get_role("dev", timeout=0.1)
    # the client-wide default (5 s in the fixture) lets the same call through
    assert (await client.get_role("dev")).Metadata.Name == "dev"
    assert (await client.get_role("dev", timeout=3.0)).Metadata.Name == "dev"


async def test_per_call_timeout_covers_fallback_read_back(
    client: Client, teleport: FakeTeleport
) -> None:
    teleport.faults.disable("UpsertRoleV2")
    teleport.faults.delay("GetRole", 0.5)
    with pytest.raises(Timeout):  # UpsertRole answers at once; its read-back is too slow
        await client.upsert_role(role("slow"), timeout=0.1)
    assert [r.method for r in teleport.log.records()] == ["/proto.AuthService/UpsertRole"]


async def test_ping_timeout_and_legacy_deadline(client: Client, teleport: FakeTeleport) -> None:
    teleport.faults.delay("Ping", 0.5)
    with pytest.raises(Timeout):
        await client.ping(timeout=0.1)
    with pytest.raises(Timeout):
        await client.ping(deadline=0.1)
    assert (await client.ping(timeout=3.0, deadline=0.1)).ClusterName  # timeout wins


async def test_connector_and_token_calls_take_timeout(
    client: Client, teleport: FakeTeleport
) -> None:
    teleport.faults.delay("Get*", 0.5)
    conn = types.GithubConnectorV3()
    conn.Metadata.Name = "gh"
    await client.create_connector(conn, timeout=1.0)
    with pytest.raises(Timeout):
        await client.get_connector(types.GithubConnectorV3, "gh", timeout=0.1)
    with pytest.raises(Timeout):
        await client.get_token("missing", timeout=0.1)


async def test_watch_timeout_bounds_the_stream(client: Client) -> None:
    events = client.watch_events(["role"], timeout=0.3)
    assert (await anext(events)).Type == types.INIT
    with pytest.raises(Timeout):
        await anext(events)
    await events.aclose()
