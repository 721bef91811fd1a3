# ruff: noqa: ASYNC109  -- ``timeout`` is a gRPC deadline sent to the server, not a local wait
"""List every resource of a kind: what ``teleop import`` reads an existing cluster with.

Each method names the gRPC method Teleport's Go client uses for "all of them":

- roles: ``proto.AuthService/GetRoles`` (one answer, no paging);
- users: ``teleport.users.v1.UsersService/ListUsers``, paged (``page_size``/``next_page_token``),
  never with secrets;
- tokens: ``GetTokens``; connectors: ``Get{Github,OIDC,SAML}Connectors`` with
  ``WithSecrets=false`` (a connector's client secret or SAML signing key never leaves Teleport
  through these calls);
- login rules and Okta import rules: their services' paged ``List…`` calls.

Paged calls follow the token until it comes back empty; a server that returns the same token
twice is a protocol error rather than an endless loop. Every method takes ``timeout`` (seconds per
RPC), like ``ResourceCalls``; the paged ones ``page_size`` (default 200, the server may answer
fewer).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from google.protobuf import empty_pb2
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_service_pb2 as lrpb
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2 as oktapb
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2 as userspb
from teleop.teleport.errors import BadParameter
from teleop.teleport.transport import Transport

__all__ = ["ListCalls"]

AUTH = "/proto.AuthService/"
USERS = "/teleport.users.v1.UsersService/"
LOGIN_RULES = "/teleport.loginrule.v1.LoginRuleService/"
OKTA = "/teleport.okta.v1.OktaService/"
PAGE_SIZE = 200

T = TypeVar("T")
C = TypeVar("C", types_pb2.GithubConnectorV3, types_pb2.OIDCConnectorV3, types_pb2.SAMLConnectorV2)

_CONNECTOR_LISTS: dict[type[Message], tuple[str, type[Message], str]] = {
    types_pb2.GithubConnectorV3: (
        "GetGithubConnectors",
        types_pb2.GithubConnectorV3List,
        "GithubConnectors",
    ),
    types_pb2.OIDCConnectorV3: (
        "GetOIDCConnectors",
        types_pb2.OIDCConnectorV3List,
        "OIDCConnectors",
    ),
    types_pb2.SAMLConnectorV2: (
        "GetSAMLConnectors",
        types_pb2.SAMLConnectorV2List,
        "SAMLConnectors",
    ),
}


async def _pages(method: str, fetch: Callable[[str], Awaitable[tuple[list[T], str]]]) -> list[T]:
    """Every item of a paged list: ``fetch(token)`` returns (items, next token)."""
    items: list[T] = []
    token, seen = "", set[str]()
    while True:
        page, token = await fetch(token)
        items.extend(page)
        if not token:
            return items
        if token in seen:
            raise BadParameter(f"{method}: the server returned the page token {token!r} twice")
        seen.add(token)


class ListCalls:
    """List calls over a ``Transport``; mixed into ``Client``."""

    def _transport_or_raise(self) -> Transport:
        raise NotImplementedError

    async def list_roles(self, *, timeout: float | None = None) -> list[types_pb2.RoleV6]:
        t = self._transport_or_raise()
        resp = await t.unary(
            AUTH + "GetRoles", empty_pb2.Empty(), authpb.GetRolesResponse, deadline=timeout
        )
        return list(resp.Roles)

    async def list_users(
        self, *, page_size: int = PAGE_SIZE, timeout: float | None = None
    ) -> list[types_pb2.UserV2]:
        t = self._transport_or_raise()
        method = USERS + "ListUsers"

        async def fetch(token: str) -> tuple[list[types_pb2.UserV2], str]:
            req = userspb.ListUsersRequest(page_size=page_size, page_token=token)
            resp = await t.unary(method, req, userspb.ListUsersResponse, deadline=timeout)
            return list(resp.users), resp.next_page_token

        return await _pages(method, fetch)

    async def list_tokens(
        self, *, timeout: float | None = None
    ) -> list[types_pb2.ProvisionTokenV2]:
        t = self._transport_or_raise()
        resp = await t.unary(
            AUTH + "GetTokens", empty_pb2.Empty(), types_pb2.ProvisionTokenV2List, deadline=timeout
        )
        return list(resp.ProvisionTokens)

    async def list_connectors(self, kind: type[C], *, timeout: float | None = None) -> list[C]:
        """Every connector of message type ``kind``, without secrets."""
        name, response, field = _CONNECTOR_LISTS[kind]
        t = self._transport_or_raise()
        req = types_pb2.ResourcesWithSecretsRequest(WithSecrets=False)
        resp = await t.unary(AUTH + name, req, response, deadline=timeout)
        return list(getattr(resp, field))

    async def list_login_rules(
        self, *, page_size: int = PAGE_SIZE, timeout: float | None = None
    ) -> list[loginrule_pb2.LoginRule]:
        t = self._transport_or_raise()
        method = LOGIN_RULES + "ListLoginRules"

        async def fetch(token: str) -> tuple[list[loginrule_pb2.LoginRule], str]:
            req = lrpb.ListLoginRulesRequest(page_size=page_size, page_token=token)
            resp = await t.unary(method, req, lrpb.ListLoginRulesResponse, deadline=timeout)
            return list(resp.login_rules), resp.next_page_token

        return await _pages(method, fetch)

    async def list_okta_import_rules(
        self, *, page_size: int = PAGE_SIZE, timeout: float | None = None
    ) -> list[types_pb2.OktaImportRuleV1]:
        t = self._transport_or_raise()
        method = OKTA + "ListOktaImportRules"

        async def fetch(token: str) -> tuple[list[types_pb2.OktaImportRuleV1], str]:
            req = oktapb.ListOktaImportRulesRequest(page_size=page_size, page_token=token)
            resp = await t.unary(method, req, oktapb.ListOktaImportRulesResponse, deadline=timeout)
            return list(resp.import_rules), resp.next_page_token

        return await _pages(method, fetch)
