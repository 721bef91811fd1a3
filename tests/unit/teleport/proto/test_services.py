"""gRPC method paths and request/response types match Teleport's services.

A client and a server built from our stubs only interoperate with Teleport if the full method
name (/package.Service/Method) and the message types on both sides are Teleport's.
"""

from typing import Any

import pytest
from google.protobuf.descriptor import ServiceDescriptor

from teleop.teleport._proto.teleport.legacy.client.proto import (
    authservice_pb2,
    authservice_pb2_grpc,
)
from teleop.teleport._proto.teleport.loginrule.v1 import (
    loginrule_service_pb2,
    loginrule_service_pb2_grpc,
)
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2, okta_service_pb2_grpc
from teleop.teleport._proto.teleport.trust.v1 import trust_service_pb2, trust_service_pb2_grpc
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2, users_service_pb2_grpc

EMPTY = "google.protobuf.Empty"

# method -> (request type, response type), full names as in Teleport's sources.
AUTH = {
    "Ping": ("proto.PingRequest", "proto.PingResponse"),
    "WatchEvents": ("proto.Watch", "proto.Event"),
    "GetUser": ("proto.GetUserRequest", "types.UserV2"),
    "CreateUser": ("types.UserV2", EMPTY),
    "UpdateUser": ("types.UserV2", EMPTY),
    "DeleteUser": ("proto.DeleteUserRequest", EMPTY),
    "GetRole": ("proto.GetRoleRequest", "types.RoleV6"),
    "UpsertRoleV2": ("proto.UpsertRoleRequest", "types.RoleV6"),
    "UpsertRole": ("types.RoleV6", EMPTY),
    "DeleteRole": ("proto.DeleteRoleRequest", EMPTY),
    "GetRoles": (EMPTY, "proto.GetRolesResponse"),
    "GetTokens": (EMPTY, "types.ProvisionTokenV2List"),
    "GetGithubConnectors": ("types.ResourcesWithSecretsRequest", "types.GithubConnectorV3List"),
    "GetOIDCConnectors": ("types.ResourcesWithSecretsRequest", "types.OIDCConnectorV3List"),
    "GetSAMLConnectors": ("types.ResourcesWithSecretsRequest", "types.SAMLConnectorV2List"),
    "GetToken": ("types.ResourceRequest", "types.ProvisionTokenV2"),
    "UpsertTokenV2": ("proto.UpsertTokenV2Request", EMPTY),
    "DeleteToken": ("types.ResourceRequest", EMPTY),
    "GetGithubConnector": ("types.ResourceWithSecretsRequest", "types.GithubConnectorV3"),
    "CreateGithubConnector": ("proto.CreateGithubConnectorRequest", "types.GithubConnectorV3"),
    "UpsertGithubConnectorV2": ("proto.UpsertGithubConnectorRequest", "types.GithubConnectorV3"),
    "DeleteGithubConnector": ("types.ResourceRequest", EMPTY),
    "UpsertGithubConnector": ("types.GithubConnectorV3", EMPTY),
    "GetOIDCConnector": ("types.ResourceWithSecretsRequest", "types.OIDCConnectorV3"),
    "CreateOIDCConnector": ("proto.CreateOIDCConnectorRequest", "types.OIDCConnectorV3"),
    "UpsertOIDCConnectorV2": ("proto.UpsertOIDCConnectorRequest", "types.OIDCConnectorV3"),
    "DeleteOIDCConnector": ("types.ResourceRequest", EMPTY),
    "UpsertOIDCConnector": ("types.OIDCConnectorV3", EMPTY),
    "GetSAMLConnector": ("types.ResourceWithSecretsRequest", "types.SAMLConnectorV2"),
    "CreateSAMLConnector": ("proto.CreateSAMLConnectorRequest", "types.SAMLConnectorV2"),
    "UpsertSAMLConnectorV2": ("proto.UpsertSAMLConnectorRequest", "types.SAMLConnectorV2"),
    "DeleteSAMLConnector": ("types.ResourceRequest", EMPTY),
    "UpsertSAMLConnector": ("types.SAMLConnectorV2", EMPTY),
    "GetNode": ("types.ResourceInNamespaceRequest", "types.ServerV2"),
    "UpsertNode": ("types.ServerV2", "types.KeepAlive"),
    "DeleteNode": ("types.ResourceInNamespaceRequest", EMPTY),
    "GetApp": ("types.ResourceRequest", "types.AppV3"),
    "CreateApp": ("types.AppV3", EMPTY),
    "UpdateApp": ("types.AppV3", EMPTY),
    "DeleteApp": ("types.ResourceRequest", EMPTY),
    "GetDatabase": ("types.ResourceRequest", "types.DatabaseV3"),
    "CreateDatabase": ("types.DatabaseV3", EMPTY),
    "UpdateDatabase": ("types.DatabaseV3", EMPTY),
    "DeleteDatabase": ("types.ResourceRequest", EMPTY),
    "GetLock": ("proto.GetLockRequest", "types.LockV2"),
    "UpsertLock": ("types.LockV2", EMPTY),
    "DeleteLock": ("proto.DeleteLockRequest", EMPTY),
    "GetTrustedCluster": ("types.ResourceRequest", "types.TrustedClusterV2"),
    "DeleteTrustedCluster": ("types.ResourceRequest", EMPTY),
}

USERS = {
    "GetUser": ("teleport.users.v1.GetUserRequest", "teleport.users.v1.GetUserResponse"),
    "CreateUser": ("teleport.users.v1.CreateUserRequest", "teleport.users.v1.CreateUserResponse"),
    "UpdateUser": ("teleport.users.v1.UpdateUserRequest", "teleport.users.v1.UpdateUserResponse"),
    "UpsertUser": ("teleport.users.v1.UpsertUserRequest", "teleport.users.v1.UpsertUserResponse"),
    "DeleteUser": ("teleport.users.v1.DeleteUserRequest", EMPTY),
    "ListUsers": ("teleport.users.v1.ListUsersRequest", "teleport.users.v1.ListUsersResponse"),
}

LR = "teleport.loginrule.v1."
LOGINRULE = {
    "CreateLoginRule": (LR + "CreateLoginRuleRequest", LR + "LoginRule"),
    "UpsertLoginRule": (LR + "UpsertLoginRuleRequest", LR + "LoginRule"),
    "GetLoginRule": (LR + "GetLoginRuleRequest", LR + "LoginRule"),
    "ListLoginRules": (LR + "ListLoginRulesRequest", LR + "ListLoginRulesResponse"),
    "DeleteLoginRule": (LR + "DeleteLoginRuleRequest", EMPTY),
}

OK = "teleport.okta.v1."
OKTA = {
    "ListOktaImportRules": (OK + "ListOktaImportRulesRequest", OK + "ListOktaImportRulesResponse"),
    "GetOktaImportRule": (OK + "GetOktaImportRuleRequest", "types.OktaImportRuleV1"),
    "CreateOktaImportRule": (OK + "CreateOktaImportRuleRequest", "types.OktaImportRuleV1"),
    "UpdateOktaImportRule": (OK + "UpdateOktaImportRuleRequest", "types.OktaImportRuleV1"),
    "DeleteOktaImportRule": (OK + "DeleteOktaImportRuleRequest", EMPTY),
}

TR = "teleport.trust.v1."
TRUST = {
    "UpsertTrustedCluster": (TR + "UpsertTrustedClusterRequest", "types.TrustedClusterV2"),
    "CreateTrustedCluster": (TR + "CreateTrustedClusterRequest", "types.TrustedClusterV2"),
    "UpdateTrustedCluster": (TR + "UpdateTrustedClusterRequest", "types.TrustedClusterV2"),
}

SERVICES = [  # service, pb2 module, grpc module, stub class, methods
    ("proto.AuthService", authservice_pb2, authservice_pb2_grpc, "AuthServiceStub", AUTH),
    ("teleport.users.v1.UsersService", users_service_pb2, users_service_pb2_grpc,
     "UsersServiceStub", USERS),
    ("teleport.loginrule.v1.LoginRuleService", loginrule_service_pb2,
     loginrule_service_pb2_grpc, "LoginRuleServiceStub", LOGINRULE),
    ("teleport.okta.v1.OktaService", okta_service_pb2, okta_service_pb2_grpc,
     "OktaServiceStub", OKTA),
    ("teleport.trust.v1.TrustService", trust_service_pb2, trust_service_pb2_grpc,
     "TrustServiceStub", TRUST),
]  # fmt: skip


class _RecordingChannel:
    """Stands in for a grpc.Channel just long enough to record the paths a stub registers."""

    def __init__(self) -> None:
        self.paths: dict[str, str] = {}

    def _record(self, kind: str) -> Any:
        def register(path: str, *args: Any, **kwargs: Any) -> None:
            self.paths[path] = kind

        return register

    def __getattr__(self, kind: str) -> Any:
        return self._record(kind)


def _service(module: Any, full_name: str) -> ServiceDescriptor:
    name = full_name.rsplit(".", 1)[1]
    desc: ServiceDescriptor = module.DESCRIPTOR.services_by_name[name]
    assert desc.full_name == full_name
    return desc


@pytest.mark.parametrize(("full_name", "pb2", "grpc_mod", "stub", "methods"), SERVICES)
def test_methods_and_types(
    full_name: str, pb2: Any, grpc_mod: Any, stub: str, methods: dict[str, tuple[str, str]]
) -> None:
    service = _service(pb2, full_name)
    for name, (request, response) in methods.items():
        method = service.methods_by_name[name]
        assert method.input_type.full_name == request, name
        assert method.output_type.full_name == response, name
        assert not method.client_streaming, name
        streaming = (full_name, name) == ("proto.AuthService", "WatchEvents")
        assert method.server_streaming == streaming, name
    channel = _RecordingChannel()
    getattr(grpc_mod, stub)(channel)
    expected = {f"/{full_name}/{name}" for name in methods}
    assert expected <= set(channel.paths)


def test_watch_events_is_server_streaming_in_the_stub() -> None:
    channel = _RecordingChannel()
    authservice_pb2_grpc.AuthServiceStub(channel)
    assert channel.paths["/proto.AuthService/WatchEvents"] == "unary_stream"
    assert channel.paths["/proto.AuthService/UpsertRoleV2"] == "unary_unary"


def test_full_names_of_resources() -> None:
    from teleop.teleport._proto.teleport.legacy.types import types_pb2
    from teleop.teleport._proto.teleport.legacy.types.wrappers import wrappers_pb2
    from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2

    assert types_pb2.DESCRIPTOR.package == "types"
    assert types_pb2.DESCRIPTOR.name == "teleport/legacy/types/types.proto"
    assert wrappers_pb2.LabelValues.DESCRIPTOR.full_name == "wrappers.LabelValues"
    assert loginrule_pb2.LoginRule.DESCRIPTOR.full_name == "teleport.loginrule.v1.LoginRule"
    assert authservice_pb2.Features.DESCRIPTOR.full_name == "proto.Features"


def test_legacy_connector_upserts_have_generated_stubs() -> None:
    from teleop.teleport.resources import method_path

    channel = _RecordingChannel()
    authservice_pb2_grpc.AuthServiceStub(channel)
    service = _service(authservice_pb2, "proto.AuthService")
    for prefix in ("Github", "OIDC", "SAML"):
        method = service.methods_by_name[f"Upsert{prefix}Connector"]
        path = method_path(method)
        assert path == f"/proto.AuthService/Upsert{prefix}Connector"
        assert channel.paths[path] == "unary_unary"
        assert method.GetOptions().deprecated
