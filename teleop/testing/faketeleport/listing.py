"""The "all of a kind" methods: ``GetRoles``, ``GetTokens``, ``Get*Connectors`` and ``ListUsers``.

What ``teleop import`` (and ``tctl get``) reads a cluster with. The proto.AuthService ones answer
everything at once, sorted by name, as Teleport does; connectors come without their secrets
unless ``WithSecrets`` is set. ``ListUsers`` pages like Teleport's users.v1 service: at most
``page_size`` users (default and maximum 1000 here), ``next_page_token`` naming the first user of
the next page, and never a user's local-auth secrets unless ``with_secrets`` asks. (The login rule
and Okta import rule services list their kinds themselves.)
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2 as userspb
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.connectors import _strip_secrets
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import GITHUB, OIDC, ROLE, SAML, TOKEN, USER, FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["auth_list_rpcs", "users_list_rpcs"]

MAX_PAGE = 1000


def auth_list_rpcs(state: FakeState) -> list[Unary]:
    """GetRoles, GetTokens and Get{Github,OIDC,SAML}Connectors of proto.AuthService."""
    store = state.store

    async def roles(req: Any, call: Call) -> Any:
        return authpb.GetRolesResponse(Roles=store.list(ROLE))

    async def tokens(req: Any, call: Call) -> Any:
        return types_pb2.ProvisionTokenV2List(ProvisionTokens=store.list(TOKEN))

    def connectors(kind: Kind, response: type[Any], field: str) -> Any:
        async def behaviour(req: Any, call: Call) -> Any:
            items = store.list(kind)
            if not req.WithSecrets:
                items = [_strip_secrets(kind, obj) for obj in items]
            return response(**{field: items})

        return behaviour

    secrets_req = types_pb2.ResourcesWithSecretsRequest
    github = (types_pb2.GithubConnectorV3List, "GithubConnectors")
    oidc = (types_pb2.OIDCConnectorV3List, "OIDCConnectors")
    saml = (types_pb2.SAMLConnectorV2List, "SAMLConnectors")
    return [
        Unary("GetRoles", "role", empty_pb2.Empty, authpb.GetRolesResponse, roles),
        Unary("GetTokens", "token", empty_pb2.Empty, types_pb2.ProvisionTokenV2List, tokens),
        Unary("GetGithubConnectors", "github", secrets_req, github[0], connectors(GITHUB, *github)),
        Unary("GetOIDCConnectors", "oidc", secrets_req, oidc[0], connectors(OIDC, *oidc)),
        Unary("GetSAMLConnectors", "saml", secrets_req, saml[0], connectors(SAML, *saml)),
    ]


def users_list_rpcs(state: FakeState) -> list[Unary]:
    """ListUsers of teleport.users.v1.UsersService."""
    store = state.store

    async def list_users(req: Any, call: Call) -> Any:
        if req.page_size < 0:
            raise BadParameter("page_size must not be negative")
        size = min(req.page_size or MAX_PAGE, MAX_PAGE)
        users = [u for u in store.list(USER) if u.Metadata.Name >= req.page_token]
        page, rest = users[:size], users[size:]
        if not req.with_secrets:
            for user in page:
                user.Spec.ClearField("LocalAuth")
        token = rest[0].Metadata.Name if rest else ""
        return userspb.ListUsersResponse(users=page, next_page_token=token)

    return [
        Unary("ListUsers", "user", userspb.ListUsersRequest, userspb.ListUsersResponse, list_users),
    ]
