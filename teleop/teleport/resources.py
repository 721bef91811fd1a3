# ruff: noqa: ASYNC109  -- ``timeout`` is a gRPC deadline sent to the server, not a local wait
"""The resource-level calls the operator makes, with Teleport's client-side fallbacks.

Each method names the gRPC method Teleport's Go client (``api/client/client.go``) uses and returns
the generated message (``teleop.teleport.types``). Where Teleport's client falls back for older
servers, so do we, on ``Unimplemented`` only:

- users: ``teleport.users.v1.UsersService`` → the deprecated ``proto.AuthService`` user methods
  (their Create/Update answer Empty, so we read the user back);
- ``UpsertRoleV2`` → ``UpsertRole`` then ``GetRole``;
- ``Upsert{Github,OIDC,SAML}ConnectorV2`` → ``Upsert…Connector`` then ``Get…Connector`` without
  secrets. The legacy connector upserts are called through their generated method descriptors
  (path and message types from authservice.proto), so a typo or a type drift fails at import.

Every method takes an optional keyword ``timeout`` (seconds) that replaces the client-wide
per-attempt deadline (``ClientOptions.timeout``) for that call; each RPC a method makes (a fallback
and its read-back included) gets that deadline. ``ping`` still accepts its older ``deadline=``.

After a method answers UNIMPLEMENTED once, later calls go straight to its legacy method until a
credential rotation opens a new channel (``fallback.FallbackMemory``; the server may have been
upgraded meanwhile).

Connectors are always read with ``with_secrets=False``: the operator never needs a secret back and
Teleport's RBAC may not grant ``read`` with secrets. Which calls are retried is decided by method
name (``retry.is_idempotent``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from types import MappingProxyType
from typing import TypeVar

from google.protobuf import empty_pb2, message_factory
from google.protobuf.descriptor import MethodDescriptor
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.client.proto import event_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_service_pb2 as lrpb
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2 as oktapb
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2 as userspb
from teleop.teleport.errors import Unimplemented
from teleop.teleport.transport import Transport

__all__ = ["ResourceCalls"]

AUTH = "/proto.AuthService/"
USERS = "/teleport.users.v1.UsersService/"
LOGIN_RULES = "/teleport.loginrule.v1.LoginRuleService/"
OKTA = "/teleport.okta.v1.OktaService/"

T = TypeVar("T")
C = TypeVar("C", types_pb2.GithubConnectorV3, types_pb2.OIDCConnectorV3, types_pb2.SAMLConnectorV2)

_CONNECTOR_PREFIX: dict[type[Message], str] = {
    types_pb2.GithubConnectorV3: "Github",
    types_pb2.OIDCConnectorV3: "OIDC",
    types_pb2.SAMLConnectorV2: "SAML",
}
_CONNECTOR_REQUESTS: dict[str, tuple[type[Message], type[Message]]] = {
    "Github": (authpb.CreateGithubConnectorRequest, authpb.UpsertGithubConnectorRequest),
    "OIDC": (authpb.CreateOIDCConnectorRequest, authpb.UpsertOIDCConnectorRequest),
    "SAML": (authpb.CreateSAMLConnectorRequest, authpb.UpsertSAMLConnectorRequest),
}

_Empty = empty_pb2.Empty


def method_path(method: MethodDescriptor) -> str:
    """The gRPC path (``/package.Service/Method``) of a generated method descriptor."""
    return f"/{method.containing_service.full_name}/{method.name}"


def _legacy_upsert(prefix: str, connector: type[Message]) -> MethodDescriptor:
    method: MethodDescriptor = authpb.DESCRIPTOR.services_by_name["AuthService"].methods_by_name[
        f"Upsert{prefix}Connector"
    ]
    if method.input_type is not connector.DESCRIPTOR:
        raise TypeError(f"{method.full_name} takes {method.input_type.full_name}")
    if message_factory.GetMessageClass(method.output_type) is not _Empty:
        raise TypeError(f"{method.full_name} returns {method.output_type.full_name}")
    return method


_LEGACY_UPSERTS: Mapping[str, MethodDescriptor] = MappingProxyType(
    {prefix: _legacy_upsert(prefix, kind) for kind, prefix in _CONNECTOR_PREFIX.items()}
)


class ResourceCalls:
    """Typed Teleport calls over a ``Transport``; ``Client`` adds construction and lifecycle."""

    def _transport_or_raise(self) -> Transport:
        raise NotImplementedError

    async def _prefer(
        self,
        method: str,
        primary: Callable[[], Awaitable[T]],
        legacy: Callable[[], Awaitable[T]],
    ) -> T:
        """``primary`` (which calls ``method``), or ``legacy`` once ``method`` is UNIMPLEMENTED."""
        t = self._transport_or_raise()
        generation = t.pool.generation
        if t.fallbacks.use_legacy(method, generation):
            return await legacy()
        try:
            return await primary()
        except Unimplemented:
            t.fallbacks.remember(method, generation)
            return await legacy()

    # --- cluster ------------------------------------------------------------------------------
    async def ping(
        self, *, timeout: float | None = None, deadline: float | None = None
    ) -> authpb.PingResponse:
        """Cluster name, server version and ``ServerFeatures`` (gate enterprise-only kinds on it).

        ``deadline`` is the older name of ``timeout``; ``timeout`` wins when both are given.
        """
        t = self._transport_or_raise()
        per_call = timeout if timeout is not None else deadline
        return await t.unary(
            AUTH + "Ping", authpb.PingRequest(), authpb.PingResponse, deadline=per_call
        )

    async def watch_events(
        self, kinds: Sequence[str] = (), *, timeout: float | None = None
    ) -> AsyncIterator[event_pb2.Event]:
        """Stream ``proto.Event`` for ``kinds`` (all when empty); the first event is ``INIT``.

        A watch has no deadline unless ``timeout`` (seconds, for the whole stream) is given. It
        stays on the channel it started on: after a credential rotation it keeps running until
        the retired channel is closed (``drain_grace`` at the latest), and then raises
        ``ChannelRetired``. Catch it, re-list and call ``watch_events`` again (the new watch runs
        on the new channel). The stream returning normally means the server ended it.
        """
        req = authpb.Watch(Kinds=[types_pb2.WatchKind(Kind=k) for k in kinds])
        async for event in self._transport_or_raise().stream(
            AUTH + "WatchEvents", req, event_pb2.Event, deadline=timeout
        ):
            yield event

    # --- roles --------------------------------------------------------------------------------
    async def get_role(self, name: str, *, timeout: float | None = None) -> types_pb2.RoleV6:
        t = self._transport_or_raise()
        return await t.unary(
            AUTH + "GetRole", authpb.GetRoleRequest(Name=name), types_pb2.RoleV6, deadline=timeout
        )

    async def upsert_role(
        self, role: types_pb2.RoleV6, *, timeout: float | None = None
    ) -> types_pb2.RoleV6:
        """Create or replace ``role`` (its ``Version`` says v5/v6/v7); returns it as stored."""
        t = self._transport_or_raise()

        async def v2() -> types_pb2.RoleV6:
            req = authpb.UpsertRoleRequest(Role=role)
            return await t.unary(AUTH + "UpsertRoleV2", req, types_pb2.RoleV6, deadline=timeout)

        async def legacy() -> types_pb2.RoleV6:
            await t.unary(AUTH + "UpsertRole", role, _Empty, deadline=timeout)
            return await self.get_role(role.Metadata.Name, timeout=timeout)

        return await self._prefer(AUTH + "UpsertRoleV2", v2, legacy)

    async def delete_role(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        await t.unary(
            AUTH + "DeleteRole", authpb.DeleteRoleRequest(Name=name), _Empty, deadline=timeout
        )

    # --- users --------------------------------------------------------------------------------
    async def get_user(self, name: str, *, timeout: float | None = None) -> types_pb2.UserV2:
        t = self._transport_or_raise()

        async def v1() -> types_pb2.UserV2:
            req = userspb.GetUserRequest(name=name)
            resp = await t.unary(USERS + "GetUser", req, userspb.GetUserResponse, deadline=timeout)
            return resp.user

        async def legacy() -> types_pb2.UserV2:
            req = authpb.GetUserRequest(Name=name)
            return await t.unary(AUTH + "GetUser", req, types_pb2.UserV2, deadline=timeout)

        return await self._prefer(USERS + "GetUser", v1, legacy)

    async def create_user(
        self, user: types_pb2.UserV2, *, timeout: float | None = None
    ) -> types_pb2.UserV2:
        t = self._transport_or_raise()

        async def v1() -> types_pb2.UserV2:
            req = userspb.CreateUserRequest(user=user)
            resp = await t.unary(
                USERS + "CreateUser", req, userspb.CreateUserResponse, deadline=timeout
            )
            return resp.user

        async def legacy() -> types_pb2.UserV2:
            await t.unary(AUTH + "CreateUser", user, _Empty, deadline=timeout)
            return await self.get_user(user.Metadata.Name, timeout=timeout)

        return await self._prefer(USERS + "CreateUser", v1, legacy)

    async def update_user(
        self, user: types_pb2.UserV2, *, timeout: float | None = None
    ) -> types_pb2.UserV2:
        """Update ``user``; a non-empty ``Metadata.Revision`` must match (else CompareFailed)."""
        t = self._transport_or_raise()

        async def v1() -> types_pb2.UserV2:
            req = userspb.UpdateUserRequest(user=user)
            resp = await t.unary(
                USERS + "UpdateUser", req, userspb.UpdateUserResponse, deadline=timeout
            )
            return resp.user

        async def legacy() -> types_pb2.UserV2:
            await t.unary(AUTH + "UpdateUser", user, _Empty, deadline=timeout)
            return await self.get_user(user.Metadata.Name, timeout=timeout)

        return await self._prefer(USERS + "UpdateUser", v1, legacy)

    async def delete_user(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()

        async def v1() -> None:
            req = userspb.DeleteUserRequest(name=name)
            await t.unary(USERS + "DeleteUser", req, _Empty, deadline=timeout)

        async def legacy() -> None:
            req = authpb.DeleteUserRequest(Name=name)
            await t.unary(AUTH + "DeleteUser", req, _Empty, deadline=timeout)

        await self._prefer(USERS + "DeleteUser", v1, legacy)

    # --- provision tokens ---------------------------------------------------------------------
    async def get_token(
        self, name: str, *, timeout: float | None = None
    ) -> types_pb2.ProvisionTokenV2:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        return await t.unary(AUTH + "GetToken", req, types_pb2.ProvisionTokenV2, deadline=timeout)

    async def upsert_token(
        self, token: types_pb2.ProvisionTokenV2, *, timeout: float | None = None
    ) -> types_pb2.ProvisionTokenV2:
        """Create or replace ``token``; Teleport answers Empty, so this reads it back."""
        t = self._transport_or_raise()
        await t.unary(
            AUTH + "UpsertTokenV2", authpb.UpsertTokenV2Request(V2=token), _Empty, deadline=timeout
        )
        return await self.get_token(token.Metadata.Name, timeout=timeout)

    async def delete_token(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        await t.unary(
            AUTH + "DeleteToken", types_pb2.ResourceRequest(Name=name), _Empty, deadline=timeout
        )

    # --- auth connectors (GitHub, OIDC, SAML) -------------------------------------------------
    async def get_connector(self, kind: type[C], name: str, *, timeout: float | None = None) -> C:
        """Read a connector of message type ``kind`` (e.g. ``types.GithubConnectorV3``)."""
        t = self._transport_or_raise()
        req = types_pb2.ResourceWithSecretsRequest(Name=name, WithSecrets=False)
        return await t.unary(
            f"{AUTH}Get{_CONNECTOR_PREFIX[kind]}Connector", req, kind, deadline=timeout
        )

    async def create_connector(self, connector: C, *, timeout: float | None = None) -> C:
        prefix = _CONNECTOR_PREFIX[type(connector)]
        req = _CONNECTOR_REQUESTS[prefix][0](Connector=connector)
        t = self._transport_or_raise()
        return await t.unary(
            f"{AUTH}Create{prefix}Connector", req, type(connector), deadline=timeout
        )

    async def upsert_connector(self, connector: C, *, timeout: float | None = None) -> C:
        prefix = _CONNECTOR_PREFIX[type(connector)]
        t = self._transport_or_raise()
        method = f"{AUTH}Upsert{prefix}ConnectorV2"

        async def v2() -> C:
            req = _CONNECTOR_REQUESTS[prefix][1](Connector=connector)
            return await t.unary(method, req, type(connector), deadline=timeout)

        async def legacy() -> C:
            await t.unary(method_path(_LEGACY_UPSERTS[prefix]), connector, _Empty, deadline=timeout)
            name = connector.Metadata.Name
            return await self.get_connector(type(connector), name, timeout=timeout)

        return await self._prefer(method, v2, legacy)

    async def delete_connector(
        self, kind: type[C], name: str, *, timeout: float | None = None
    ) -> None:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        await t.unary(
            f"{AUTH}Delete{_CONNECTOR_PREFIX[kind]}Connector", req, _Empty, deadline=timeout
        )

    # --- login rules --------------------------------------------------------------------------
    async def get_login_rule(
        self, name: str, *, timeout: float | None = None
    ) -> loginrule_pb2.LoginRule:
        t = self._transport_or_raise()
        req = lrpb.GetLoginRuleRequest(name=name)
        return await t.unary(
            LOGIN_RULES + "GetLoginRule", req, loginrule_pb2.LoginRule, deadline=timeout
        )

    async def create_login_rule(
        self, rule: loginrule_pb2.LoginRule, *, timeout: float | None = None
    ) -> loginrule_pb2.LoginRule:
        t = self._transport_or_raise()
        req = lrpb.CreateLoginRuleRequest(login_rule=rule)
        return await t.unary(
            LOGIN_RULES + "CreateLoginRule", req, loginrule_pb2.LoginRule, deadline=timeout
        )

    async def upsert_login_rule(
        self, rule: loginrule_pb2.LoginRule, *, timeout: float | None = None
    ) -> loginrule_pb2.LoginRule:
        t = self._transport_or_raise()
        req = lrpb.UpsertLoginRuleRequest(login_rule=rule)
        return await t.unary(
            LOGIN_RULES + "UpsertLoginRule", req, loginrule_pb2.LoginRule, deadline=timeout
        )

    async def delete_login_rule(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = lrpb.DeleteLoginRuleRequest(name=name)
        await t.unary(LOGIN_RULES + "DeleteLoginRule", req, _Empty, deadline=timeout)

    # --- okta import rules --------------------------------------------------------------------
    async def get_okta_import_rule(
        self, name: str, *, timeout: float | None = None
    ) -> types_pb2.OktaImportRuleV1:
        t = self._transport_or_raise()
        req = oktapb.GetOktaImportRuleRequest(name=name)
        return await t.unary(
            OKTA + "GetOktaImportRule", req, types_pb2.OktaImportRuleV1, deadline=timeout
        )

    async def create_okta_import_rule(
        self, rule: types_pb2.OktaImportRuleV1, *, timeout: float | None = None
    ) -> types_pb2.OktaImportRuleV1:
        t = self._transport_or_raise()
        req = oktapb.CreateOktaImportRuleRequest(import_rule=rule)
        return await t.unary(
            OKTA + "CreateOktaImportRule", req, types_pb2.OktaImportRuleV1, deadline=timeout
        )

    async def update_okta_import_rule(
        self, rule: types_pb2.OktaImportRuleV1, *, timeout: float | None = None
    ) -> types_pb2.OktaImportRuleV1:
        t = self._transport_or_raise()
        req = oktapb.UpdateOktaImportRuleRequest(import_rule=rule)
        return await t.unary(
            OKTA + "UpdateOktaImportRule", req, types_pb2.OktaImportRuleV1, deadline=timeout
        )

    async def delete_okta_import_rule(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = oktapb.DeleteOktaImportRuleRequest(name=name)
        await t.unary(OKTA + "DeleteOktaImportRule", req, _Empty, deadline=timeout)
