"""Validation an operator can observe: roles' defaults per version, references, names, enums."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.empty_pb2 import Empty

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2 as userspb

from .conftest import Raw

AUTH = "/proto.AuthService/"
USERS = "/teleport.users.v1.UsersService/"


def _role(name: str, version: str) -> types_pb2.RoleV6:
    r = types_pb2.RoleV6(Version=version)
    r.Metadata.Name = name
    return r


async def _upsert(raw: Raw, role: types_pb2.RoleV6) -> types_pb2.RoleV6:
    return await raw(AUTH + "UpsertRoleV2", authpb.UpsertRoleRequest(Role=role), types_pb2.RoleV6)


async def test_role_option_defaults(raw: Raw) -> None:
    stored = await _upsert(raw, _role("r", "v7"))
    o = stored.Spec.Options
    assert stored.Kind == "role"
    assert o.CertificateFormat == "standard"
    assert o.MaxSessionTTL == 30 * 3600 * 10**9
    assert list(o.BPF) == ["command", "network"]
    assert (o.RecordSession.Desktop.Value, o.RecordSession.Default) == (True, "best_effort")
    assert o.DesktopClipboard.Value
    assert o.DesktopDirectorySharing.Value
    assert o.SSHFileCopy.Value
    assert o.HasField("CreateDesktopUser")
    assert not o.CreateDesktopUser.Value
    assert o.HasField("CreateDatabaseUser")
    assert not o.CreateDatabaseUser.Value
    assert o.IDP.SAML.Enabled.Value
    assert list(stored.Spec.Allow.Namespaces) == ["default"]
    assert not stored.Spec.Allow.KubernetesResources  # no kube labels: no kube default
    # values set by the caller survive
    r = _role("s", "v7")
    r.Spec.Options.MaxSessionTTL = 3600 * 10**9
    r.Spec.Options.DesktopClipboard.Value = False
    kept = (await _upsert(raw, r)).Spec.Options
    assert kept.MaxSessionTTL == 3600 * 10**9
    assert kept.HasField("DesktopClipboard")
    assert not kept.DesktopClipboard.Value


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        ("v5", [("pod", "*", "*", ["*"], "")]),
        ("v6", []),
        ("v7", [("*", "*", "*", ["*"], "")]),
        ("v8", [("*", "*", "*", ["*"], "*")]),
    ],
)
async def test_kubernetes_resources_default_per_version(
    raw: Raw, version: str, expected: list[tuple[str, str, str, list[str], str]]
) -> None:
    r = _role("k", version)
    r.Spec.Allow.KubernetesLabels.Values["env"].Values.append("dev")
    stored = await _upsert(raw, r)
    got = [
        (k.Kind, k.Namespace, k.Name, list(k.Verbs), k.APIGroup)
        for k in stored.Spec.Allow.KubernetesResources
    ]
    assert got == expected


async def test_v6_fills_missing_kubernetes_verbs(raw: Raw) -> None:
    r = _role("k", "v6")
    r.Spec.Allow.KubernetesResources.add(Kind="pod", Namespace="a", Name="b")
    stored = await _upsert(raw, r)
    assert list(stored.Spec.Allow.KubernetesResources[0].Verbs) == ["*"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: setattr(r, "Version", "v99"), "unrecognized role version: v99"),
        (lambda r: setattr(r.Metadata, "Name", ""), "missing parameter Name"),
        (lambda r: setattr(r.Metadata, "Name", "a/b"), "role name 'a/b' is invalid"),
        (lambda r: setattr(r.Spec.Options, "RequireMFAType", 42), "invalid value 42"),
        (lambda r: r.Spec.Allow.Logins.append("*"), "wildcard matcher is not allowed in logins"),
        (lambda r: r.Spec.Options.BPF.append("bogus"), "enhanced_recording: bogus"),
        (lambda r: setattr(r.Spec.Options, "Lock", "maybe"), "role option lock: maybe"),
        (lambda r: r.Spec.Allow.Rules.add(Resources=["role"]), "missing verbs"),
    ],
)
async def test_invalid_roles_rejected(raw: Raw, mutate: object, message: str) -> None:
    r = _role("bad", "v7")
    assert callable(mutate)
    mutate(r)
    code, details = await raw.status(
        AUTH + "UpsertRoleV2", authpb.UpsertRoleRequest(Role=r), types_pb2.RoleV6
    )
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert message in details


async def test_user_naming_missing_role_is_not_found(raw: Raw) -> None:
    u = types_pb2.UserV2()
    u.Metadata.Name = "alice"
    u.Spec.Roles.append("ghost")
    code, details = await raw.status(
        USERS + "CreateUser", userspb.CreateUserRequest(user=u), userspb.CreateUserResponse
    )
    assert (code, details) == (grpc.StatusCode.NOT_FOUND, "role ghost is not found")


async def test_role_in_use_cannot_be_deleted(raw: Raw) -> None:
    await _upsert(raw, _role("dev", "v7"))
    u = types_pb2.UserV2()
    u.Metadata.Name = "alice"
    u.Spec.Roles.append("dev")
    await raw(USERS + "CreateUser", userspb.CreateUserRequest(user=u), userspb.CreateUserResponse)
    code, details = await raw.status(
        AUTH + "DeleteRole", authpb.DeleteRoleRequest(Name="dev"), Empty
    )
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert details == (
        "failed to delete role that still in use by a user. "
        "Check system server logs for more details."
    )
    await raw(USERS + "DeleteUser", userspb.DeleteUserRequest(name="alice"), Empty)
    await raw(AUTH + "DeleteRole", authpb.DeleteRoleRequest(Name="dev"), Empty)


async def test_token_validation(raw: Raw) -> None:
    t = types_pb2.ProvisionTokenV2()
    t.Metadata.Name = "tok"
    req = authpb.UpsertTokenV2Request(V2=t)
    code, details = await raw.status(AUTH + "UpsertTokenV2", req, Empty)
    assert (code, details) == (
        grpc.StatusCode.INVALID_ARGUMENT,
        "provisioning token is missing roles",
    )
    t.Spec.Roles.append("Bot")
    code, _ = await raw.status(AUTH + "UpsertTokenV2", authpb.UpsertTokenV2Request(V2=t), Empty)
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    t.Spec.BotName = "operator"
    await raw(AUTH + "UpsertTokenV2", authpb.UpsertTokenV2Request(V2=t), Empty)
    got = await raw(
        AUTH + "GetToken", types_pb2.ResourceRequest(Name="tok"), types_pb2.ProvisionTokenV2
    )
    assert (got.Kind, got.Version, got.Spec.JoinMethod) == ("token", "v2", "token")


async def test_unknown_enum_in_user_rejected(raw: Raw) -> None:
    u = types_pb2.UserV2()
    u.Metadata.Name = "eve"
    u.Status.password_state = 99  # type: ignore[assignment]
    code, details = await raw.status(
        USERS + "CreateUser", userspb.CreateUserRequest(user=u), userspb.CreateUserResponse
    )
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert "invalid value 99" in details
