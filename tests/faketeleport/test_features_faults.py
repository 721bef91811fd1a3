"""Ping features and gating, fault hooks, the HTTP control surface, and WatchEvents."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import grpc
import grpc.aio
import pytest
from google.protobuf.empty_pb2 import Empty

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.client.proto import event_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_service_pb2 as lrpb
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2 as oktapb
from teleop.testing.clock import FakeClock
from teleop.testing.faketeleport import FakeTeleport, Features

from .conftest import Raw

AUTH = "/proto.AuthService/"
PING = (AUTH + "Ping", authpb.PingRequest(), authpb.PingResponse)


def _oidc(name: str) -> authpb.CreateOIDCConnectorRequest:
    c = types_pb2.OIDCConnectorV3()
    c.Metadata.Name = name
    return authpb.CreateOIDCConnectorRequest(Connector=c)


async def test_ping_features_enterprise_by_default(raw: Raw) -> None:
    pong = await raw(*PING)
    f = pong.ServerFeatures
    assert (f.OIDC, f.SAML, f.AdvancedAccessWorkflows) == (True, True, True)
    assert f.entitlements["OIDC"].enabled
    assert pong.ServerVersion


async def test_oss_features_gate_enterprise_kinds() -> None:
    async with (
        FakeTeleport(features=Features.oss()) as fake,
        grpc.aio.insecure_channel(fake.address) as ch,
    ):
        raw = Raw(ch)
        f = (await raw(*PING)).ServerFeatures
        assert (f.OIDC, f.SAML, f.AdvancedAccessWorkflows) == (False, False, False)
        code, details = await raw.status(
            AUTH + "CreateOIDCConnector", _oidc("o"), types_pb2.OIDCConnectorV3
        )
        assert code == grpc.StatusCode.PERMISSION_DENIED
        assert details == "OIDC is only available in enterprise subscriptions"
        code, _ = await raw.status(
            "/teleport.loginrule.v1.LoginRuleService/GetLoginRule",
            lrpb.GetLoginRuleRequest(name="x"),
            loginrule_pb2.LoginRule,
        )
        assert code == grpc.StatusCode.UNIMPLEMENTED
        code, _ = await raw.status(
            "/teleport.okta.v1.OktaService/GetOktaImportRule",
            oktapb.GetOktaImportRuleRequest(name="x"),
            types_pb2.OktaImportRuleV1,
        )
        assert code == grpc.StatusCode.UNIMPLEMENTED
        fake.features.oidc = True  # features are live
        await raw(AUTH + "CreateOIDCConnector", _oidc("o"), types_pb2.OIDCConnectorV3)


async def test_fail_with_code_for_n_calls(fake: FakeTeleport, raw: Raw) -> None:
    fake.faults.fail("Ping", grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down", times=2)
    for _ in range(2):
        assert await raw.status(*PING) == (grpc.StatusCode.RESOURCE_EXHAUSTED, "slow down")
    await raw(*PING)
    assert fake.faults.rules == []


async def test_latency(fake: FakeTeleport, raw: Raw) -> None:
    fake.faults.delay("Ping", 0.2)
    start = time.monotonic()
    await raw(*PING)
    assert time.monotonic() - start >= 0.2


async def test_unavailable_for_n_seconds_on_server_clock() -> None:
    clock = FakeClock()
    async with FakeTeleport(clock=clock) as fake, grpc.aio.insecure_channel(fake.address) as ch:
        raw = Raw(ch)
        fake.faults.outage(5.0)
        code, _ = await raw.status(*PING)
        assert code == grpc.StatusCode.UNAVAILABLE
        await clock.advance(4.9)
        assert (await raw.status(*PING))[0] == grpc.StatusCode.UNAVAILABLE
        await clock.advance(0.2)
        await raw(*PING)


async def test_permission_denied_for_one_kind(fake: FakeTeleport, raw: Raw) -> None:
    fake.faults.deny_kind("role")
    code, details = await raw.status(
        AUTH + "GetRole", authpb.GetRoleRequest(Name="x"), types_pb2.RoleV6
    )
    assert code == grpc.StatusCode.PERMISSION_DENIED
    assert "role" in details
    code, _ = await raw.status(
        AUTH + "GetToken", types_pb2.ResourceRequest(Name="x"), types_pb2.ProvisionTokenV2
    )
    assert code == grpc.StatusCode.NOT_FOUND  # other kinds unaffected


@pytest.mark.parametrize("pattern", ["UpsertRoleV2", "/proto.AuthService/UpsertRoleV2"])
async def test_disable_method(fake: FakeTeleport, raw: Raw, pattern: str) -> None:
    fake.faults.disable(pattern)
    req = authpb.UpsertRoleRequest(Role=types_pb2.RoleV6(Version="v7"))
    code, _ = await raw.status(AUTH + "UpsertRoleV2", req, types_pb2.RoleV6)
    assert code == grpc.StatusCode.UNIMPLEMENTED
    await raw(*PING)


@pytest.fixture
async def controlled() -> AsyncIterator[tuple[FakeTeleport, str]]:
    async with FakeTeleport(control_port=0) as fake:
        assert fake.control_url
        yield fake, fake.control_url


async def test_control_surface(controlled: tuple[FakeTeleport, str]) -> None:
    fake, url = controlled
    async with aiohttp.ClientSession() as http, grpc.aio.insecure_channel(fake.address) as ch:
        raw = Raw(ch)
        assert await (await http.get(url + "/healthz")).text() == "ok"
        r = await http.post(url + "/faults", json={"method": "Ping", "code": "unavailable"})
        rule_id = (await r.json())["id"]
        assert (await raw.status(*PING))[0] == grpc.StatusCode.UNAVAILABLE
        await http.delete(f"{url}/faults/{rule_id}")
        await raw(*PING)

        await http.post(url + "/disable", json={"pattern": "users.v1"})
        assert (await (await http.get(url + "/faults")).json())["disabled"] == ["users.v1"]
        await http.delete(url + "/faults")

        r = await http.put(url + "/features", json={"oidc": False})
        assert (await r.json())["oidc"] is False
        assert not (await raw(*PING)).ServerFeatures.OIDC

        role = types_pb2.RoleV6(Version="v7")
        role.Metadata.Name = "dev"
        await raw(AUTH + "UpsertRoleV2", authpb.UpsertRoleRequest(Role=role), types_pb2.RoleV6)
        writes = await (await http.get(url + "/writes", params={"kind": "role"})).json()
        assert [(w["method"], w["name"]) for w in writes] == [(AUTH + "UpsertRoleV2", "dev")]
        stored = await (await http.get(url + "/resources/role")).json()
        assert stored == [{"name": "dev", "revision": writes[0]["revision"]}]
        await http.delete(url + "/writes")
        assert len(fake.log) == 0


async def test_watch_events(fake: FakeTeleport, raw: Raw) -> None:
    stream = raw.channel.unary_stream(
        AUTH + "WatchEvents",
        request_serializer=lambda m: m.SerializeToString(),
        response_deserializer=event_pb2.Event.FromString,
    )(authpb.Watch(Kinds=[types_pb2.WatchKind(Kind="role")]))
    events = stream.__aiter__()
    init = await anext(events)
    assert init.Type == event_pb2.INIT
    role = types_pb2.RoleV6(Version="v7")
    role.Metadata.Name = "w"
    await raw(AUTH + "UpsertRoleV2", authpb.UpsertRoleRequest(Role=role), types_pb2.RoleV6)
    tok = types_pb2.ProvisionTokenV2()
    tok.Metadata.Name = "t"
    tok.Spec.Roles.append("Node")
    await raw(AUTH + "UpsertTokenV2", authpb.UpsertTokenV2Request(V2=tok), Empty)
    await raw(AUTH + "DeleteRole", authpb.DeleteRoleRequest(Name="w"), Empty)
    put = await asyncio.wait_for(anext(events), 5)
    assert put.Type == event_pb2.PUT
    assert put.Role.Metadata.Revision
    gone = await asyncio.wait_for(anext(events), 5)
    assert gone.Type == event_pb2.DELETE
    assert (gone.ResourceHeader.Kind, gone.ResourceHeader.Metadata.Name) == ("role", "w")
    stream.cancel()
