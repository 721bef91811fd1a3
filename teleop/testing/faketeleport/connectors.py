"""Auth connectors (GitHub, OIDC, SAML) on ``proto.AuthService``.

The three kinds share one shape: ``Get<X>Connector(ResourceWithSecretsRequest)``,
``Create<X>Connector({Connector})`` (ALREADY_EXISTS when present), ``Upsert<X>ConnectorV2``, the
legacy ``Upsert<X>Connector(connector) -> Empty`` a client falls back to on UNIMPLEMENTED (its row
built from the generated method descriptor), and
``Delete<X>Connector(ResourceRequest)``. Reads without ``with_secrets`` blank the secrets as
Teleport does (client secret; SAML signing private key). OIDC and SAML writes need their
license feature (``FakeState.require_feature``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from google.protobuf import empty_pb2
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import GITHUB, OIDC, SAML, FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["connector_rpcs"]


@dataclass(frozen=True)
class _Connector:
    prefix: str
    kind: Kind
    version: str
    message: type[Message]
    create_request: type[Message]
    upsert_request: type[Message]


_AUTH = authpb.DESCRIPTOR.services_by_name["AuthService"]

_CONNECTORS = (
    _Connector(
        "Github",
        GITHUB,
        "v3",
        types_pb2.GithubConnectorV3,
        authpb.CreateGithubConnectorRequest,
        authpb.UpsertGithubConnectorRequest,
    ),
    _Connector(
        "OIDC",
        OIDC,
        "v3",
        types_pb2.OIDCConnectorV3,
        authpb.CreateOIDCConnectorRequest,
        authpb.UpsertOIDCConnectorRequest,
    ),
    _Connector(
        "SAML",
        SAML,
        "v2",
        types_pb2.SAMLConnectorV2,
        authpb.CreateSAMLConnectorRequest,
        authpb.UpsertSAMLConnectorRequest,
    ),
)


def _strip_secrets(kind: Kind, obj: Any) -> Any:
    if kind is SAML:
        if obj.Spec.HasField("SigningKeyPair"):
            obj.Spec.SigningKeyPair.PrivateKey = ""
    else:
        obj.Spec.ClientSecret = ""
    return obj


def _rpcs_for(state: FakeState, c: _Connector) -> list[Unary]:
    store = state.store
    kind = c.kind

    def prepare(obj: Any) -> Any:
        state.require_feature(kind)
        state.check_name(kind, obj)
        obj.Kind = kind.name
        if not obj.Version:
            obj.Version = c.version
        return obj

    async def get(req: Any, call: Call) -> Any:
        obj = store.get(kind, req.Name)
        return obj if req.WithSecrets else _strip_secrets(kind, obj)

    async def create(req: Any, call: Call) -> Any:
        return store.create(kind, prepare(req.Connector), method=call.method, caller=call.caller)

    async def upsert(req: Any, call: Call) -> Any:
        return store.upsert(kind, prepare(req.Connector), method=call.method, caller=call.caller)

    async def upsert_legacy(req: Any, call: Call) -> Any:
        store.upsert(kind, prepare(req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def delete(req: Any, call: Call) -> Any:
        store.delete(kind, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    p, k, msg = c.prefix, kind.name, c.message
    legacy = _AUTH.methods_by_name[f"Upsert{p}Connector"]
    return [
        Unary(f"Get{p}Connector", k, types_pb2.ResourceWithSecretsRequest, msg, get),
        Unary(f"Create{p}Connector", k, c.create_request, msg, create),
        Unary(f"Upsert{p}ConnectorV2", k, c.upsert_request, msg, upsert),
        Unary.of(legacy, k, upsert_legacy),
        Unary(f"Delete{p}Connector", k, types_pb2.ResourceRequest, empty_pb2.Empty, delete),
    ]


def connector_rpcs(state: FakeState) -> list[Unary]:
    """Every connector method of proto.AuthService."""
    return [rpc for c in _CONNECTORS for rpc in _rpcs_for(state, c)]
