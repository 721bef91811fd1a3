"""Client round trips for every resource kind, against faketeleport over mTLS."""

from __future__ import annotations

import pytest
from prometheus_client import CollectorRegistry

from teleop.teleport import AlreadyExists, Client, CompareFailed, NotFound, types
from teleop.testing.faketeleport import FakeTeleport


def role(name: str, version: str = "v7") -> types.RoleV6:
    r = types.RoleV6(Kind="role", Version=version)
    r.Metadata.Name = name
    r.Spec.Allow.Logins.append("ubuntu")
    return r


def user(name: str, *roles: str) -> types.UserV2:
    u = types.UserV2(Kind="user", Version="v2")
    u.Metadata.Name = name
    u.Spec.Roles.extend(roles)
    return u


async def test_ping_reports_features(client: Client, teleport: FakeTeleport) -> None:
    pong = await client.ping()
    assert pong.ClusterName == "faketeleport"
    assert pong.ServerFeatures.OIDC
    assert pong.ServerFeatures.SAML
    teleport.features.oidc = False
    assert not (await client.ping()).ServerFeatures.OIDC


async def test_role_round_trip(client: Client, teleport: FakeTeleport) -> None:
    stored = await client.upsert_role(role("dev"))
    assert stored.Metadata.Revision
    assert stored.Spec.Options.CertificateFormat == "standard"
    got = await client.get_role("dev")
    assert got == stored
    again = await client.upsert_role(got)
    assert again.Metadata.Revision != stored.Metadata.Revision
    await client.delete_role("dev")
    with pytest.raises(NotFound, match="role dev is not found"):
        await client.get_role("dev")
    [first, second, third] = teleport.log.records(kind="role")
    assert (first.method, first.caller, first.revision) == (
        "/proto.AuthService/UpsertRoleV2",
        "operator",
        stored.Metadata.Revision,
    )
    assert second.revision == again.Metadata.Revision
    assert third.method == "/proto.AuthService/DeleteRole"


async def test_user_create_update_delete(client: Client) -> None:
    await client.upsert_role(role("dev"))
    created = await client.create_user(user("alice", "dev"))
    with pytest.raises(AlreadyExists):
        await client.create_user(user("alice", "dev"))
    created.Spec.Traits.Values["logins"].Values.append("alice")
    updated = await client.update_user(created)
    assert updated.Metadata.Revision != created.Metadata.Revision
    with pytest.raises(CompareFailed):
        await client.update_user(created)  # stale revision
    assert (await client.get_user("alice")).Spec.Traits.Values["logins"].Values == ["alice"]
    await client.delete_user("alice")
    with pytest.raises(NotFound):
        await client.get_user("alice")


async def test_token_round_trip(client: Client) -> None:
    token = types.ProvisionTokenV2(Kind="token", Version="v2")
    token.Metadata.Name = "join-me"
    token.Spec.Roles.append("Node")
    stored = await client.upsert_token(token)
    assert stored.Spec.JoinMethod == "token"
    assert stored.Metadata.Revision
    await client.delete_token("join-me")
    with pytest.raises(NotFound):
        await client.get_token("join-me")


@pytest.mark.parametrize(
    "cls", [types.GithubConnectorV3, types.OIDCConnectorV3, types.SAMLConnectorV2]
)
async def test_connectors(
    client: Client,
    cls: type[types.GithubConnectorV3] | type[types.OIDCConnectorV3] | type[types.SAMLConnectorV2],
) -> None:
    conn = cls()
    conn.Metadata.Name = "sso"
    if not isinstance(conn, types.SAMLConnectorV2):
        conn.Spec.ClientSecret = "s3cret"
    created = await client.create_connector(conn)
    with pytest.raises(AlreadyExists):
        await client.create_connector(conn)
    upserted = await client.upsert_connector(conn)
    assert upserted.Metadata.Revision != created.Metadata.Revision
    got = await client.get_connector(cls, "sso")
    if not isinstance(got, types.SAMLConnectorV2):
        assert got.Spec.ClientSecret == ""  # read without secrets
    await client.delete_connector(cls, "sso")
    with pytest.raises(NotFound):
        await client.get_connector(cls, "sso")


async def test_login_rule_and_okta(client: Client) -> None:
    rule = types.LoginRule(priority=1, traits_expression="external")
    rule.metadata.Name = "lr"
    created = await client.create_login_rule(rule)
    assert created.version == "v1"
    assert (await client.upsert_login_rule(rule)).metadata.Revision != created.metadata.Revision
    await client.delete_login_rule("lr")
    with pytest.raises(NotFound):
        await client.get_login_rule("lr")

    okta = types.OktaImportRuleV1()
    okta.Header.Metadata.Name = "ok"
    okta.Spec.Mappings.add().AddLabels["team"] = "a"
    stored = await client.create_okta_import_rule(okta)
    stored.Spec.Priority = 5
    updated = await client.update_okta_import_rule(stored)
    assert (await client.get_okta_import_rule("ok")).Spec.Priority == 5
    with pytest.raises(CompareFailed):
        await client.update_okta_import_rule(stored)
    assert updated.Header.Metadata.Revision
    await client.delete_okta_import_rule("ok")


async def test_metrics_count_calls_by_method_and_code(
    client: Client, registry: CollectorRegistry
) -> None:
    await client.ping()
    with pytest.raises(NotFound):
        await client.get_role("missing")
    value = registry.get_sample_value
    assert (
        value("teleop_teleport_requests_total", {"method": "/proto.AuthService/Ping", "code": "OK"})
        == 1
    )
    assert (
        value(
            "teleop_teleport_requests_total",
            {"method": "/proto.AuthService/GetRole", "code": "NOT_FOUND"},
        )
        == 1
    )
    assert (
        value(
            "teleop_teleport_request_duration_seconds_count", {"method": "/proto.AuthService/Ping"}
        )
        == 1
    )


async def test_watch_events(client: Client) -> None:
    events = client.watch_events(["role"])
    first = await anext(events)
    assert first.Type == types.INIT
    await client.upsert_role(role("watched"))
    await client.upsert_token(_token("ignored"))
    await client.delete_role("watched")
    put = await anext(events)
    assert put.Type == types.PUT
    assert put.Role.Metadata.Name == "watched"
    gone = await anext(events)
    assert gone.Type == types.DELETE
    assert gone.ResourceHeader.Metadata.Name == "watched"
    await events.aclose()


def _token(name: str) -> types.ProvisionTokenV2:
    t = types.ProvisionTokenV2()
    t.Metadata.Name = name
    t.Spec.Roles.append("Node")
    return t
