"""``proto.AuthService``: Ping, roles and tokens, plus the connector, legacy user and watch methods.

Roles go through ``roles.check_and_set_role_defaults`` on every write, so a round trip shows
Teleport's defaults. ``UpsertRoleV2`` returns the stored role (with its new revision); the legacy
``UpsertRole`` answers Empty, and a client that falls back to it must ``GetRole`` afterwards.
Deleting a role that a user still holds is refused with Teleport's BadParameter message.
Tokens: ``UpsertTokenV2`` (oneof ``V2``) answers Empty; a token needs at least one role
(``provisioning token is missing roles``), ``join_method`` defaults to ``token`` and a ``Bot``
token needs ``bot_name``. ``GetRoles``, ``GetTokens`` and ``Get*Connectors`` are in ``listing``.
Nodes, apps, databases, locks and trusted-cluster reads are served from their own modules
(``nodes``, ``apps``, ``locks``, ``trustedclusters``).
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.apps import app_rpcs
from teleop.testing.faketeleport.connectors import connector_rpcs
from teleop.testing.faketeleport.events import watch_rpc
from teleop.testing.faketeleport.listing import auth_list_rpcs
from teleop.testing.faketeleport.locks import lock_rpcs
from teleop.testing.faketeleport.nodes import node_rpcs
from teleop.testing.faketeleport.roles import check_and_set_role_defaults
from teleop.testing.faketeleport.rpc import Call, Stream, Unary
from teleop.testing.faketeleport.state import ROLE, TOKEN, FakeState
from teleop.testing.faketeleport.trustedclusters import trusted_cluster_auth_rpcs
from teleop.testing.faketeleport.users import legacy_user_rpcs

__all__ = ["AUTH_SERVICE", "auth_rpcs", "ping_response"]

AUTH_SERVICE = "proto.AuthService"


def ping_response(state: FakeState, remote: str = "") -> Any:
    f = state.features
    features = authpb.Features(
        Kubernetes=True,
        App=True,
        DB=True,
        Desktop=True,
        OIDC=f.oidc,
        SAML=f.saml,
        AdvancedAccessWorkflows=f.advanced_access_workflows,
        AccessControls=f.oidc or f.saml,
    )
    for name, on in (
        ("OIDC", f.oidc),
        ("SAML", f.saml),
        ("AccessLists", f.advanced_access_workflows),
    ):
        features.entitlements[name].enabled = on
    return authpb.PingResponse(
        ClusterName=f.cluster_name,
        ServerVersion=f.server_version,
        ServerFeatures=features,
        RemoteAddr=remote,
    )


def _check_token(state: FakeState, token: Any) -> Any:
    state.check_name(TOKEN, token)
    token.Kind = "token"
    if not token.Version:
        token.Version = "v2"
    spec = token.Spec
    if not spec.Roles:
        raise BadParameter("provisioning token is missing roles")
    if not spec.JoinMethod:
        spec.JoinMethod = "token"
    if "Bot" in spec.Roles and not spec.BotName:
        raise BadParameter('token with "Bot" role must set bot_name')
    return token


def auth_rpcs(state: FakeState) -> list[Unary | Stream]:
    """Every proto.AuthService method faketeleport serves."""
    store = state.store

    async def ping(req: Any, call: Call) -> Any:
        return ping_response(state)

    def prepare_role(role: Any) -> Any:
        state.check_name(ROLE, role)
        check_and_set_role_defaults(role)
        return role

    async def get_role(req: Any, call: Call) -> Any:
        return store.get(ROLE, req.Name)

    async def upsert_role_v2(req: Any, call: Call) -> Any:
        return store.upsert(ROLE, prepare_role(req.Role), method=call.method, caller=call.caller)

    async def upsert_role(req: Any, call: Call) -> Any:
        store.upsert(ROLE, prepare_role(req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def delete_role(req: Any, call: Call) -> Any:
        store.get(ROLE, req.Name)
        state.check_role_unused(req.Name)
        store.delete(ROLE, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def get_token(req: Any, call: Call) -> Any:
        return store.get(TOKEN, req.Name)

    async def upsert_token(req: Any, call: Call) -> Any:
        if not req.HasField("V2"):
            raise BadParameter("missing token")
        store.upsert(TOKEN, _check_token(state, req.V2), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def delete_token(req: Any, call: Call) -> Any:
        store.delete(TOKEN, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    role, empty = types_pb2.RoleV6, empty_pb2.Empty
    res = types_pb2.ResourceRequest
    rpcs: list[Unary | Stream] = [
        Unary("Ping", None, authpb.PingRequest, authpb.PingResponse, ping),
        Unary("GetRole", "role", authpb.GetRoleRequest, role, get_role),
        Unary("UpsertRoleV2", "role", authpb.UpsertRoleRequest, role, upsert_role_v2),
        Unary("UpsertRole", "role", role, empty, upsert_role),
        Unary("DeleteRole", "role", authpb.DeleteRoleRequest, empty, delete_role),
        Unary("GetToken", "token", res, types_pb2.ProvisionTokenV2, get_token),
        Unary("UpsertTokenV2", "token", authpb.UpsertTokenV2Request, empty, upsert_token),
        Unary("DeleteToken", "token", res, empty, delete_token),
        watch_rpc(state),
    ]
    rpcs += connector_rpcs(state)
    rpcs += legacy_user_rpcs(state)
    rpcs += node_rpcs(state)
    rpcs += app_rpcs(state)
    rpcs += lock_rpcs(state)
    rpcs += trusted_cluster_auth_rpcs(state)
    rpcs += auth_list_rpcs(state)
    return rpcs
