"""Every declared field decodes from bytes built by hand with Teleport's field numbers.

For each message the set of declared fields must equal the pinned set in pins.py, each field
must carry the pinned number and a matching type, and a single field encoded by wire.py must
decode into exactly that field. A few whole resources are then built field by field, the way
a Teleport server would send them, and read back through the generated classes.
"""

from types import ModuleType
from typing import Any

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2, event_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.legacy.types.wrappers import wrappers_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2, loginrule_service_pb2
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2
from teleop.teleport._proto.teleport.trust.v1 import trust_service_pb2
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2

from . import pins
from .wire import msg, raw, text, uint

_KIND_TYPES = {
    "s": {FieldDescriptor.TYPE_STRING},
    "i": {
        FieldDescriptor.TYPE_INT32,
        FieldDescriptor.TYPE_INT64,
        FieldDescriptor.TYPE_UINT32,
        FieldDescriptor.TYPE_UINT64,
    },
    "b": {FieldDescriptor.TYPE_BOOL},
    "e": {FieldDescriptor.TYPE_ENUM},
    "y": {FieldDescriptor.TYPE_BYTES},
    "m": {FieldDescriptor.TYPE_MESSAGE},
    "M": {FieldDescriptor.TYPE_MESSAGE},
    "L": {FieldDescriptor.TYPE_MESSAGE},
}


def _find(modules: tuple[ModuleType, ...], dotted: str) -> Descriptor:
    head, *rest = dotted.split(".")
    for module in modules:
        if head in module.DESCRIPTOR.message_types_by_name:
            desc: Descriptor = module.DESCRIPTOR.message_types_by_name[head]
            for part in rest:
                desc = desc.nested_types_by_name[part]
            return desc
    raise KeyError(dotted)


_TABLES: list[tuple[tuple[ModuleType, ...], dict[str, str]]] = [
    ((types_pb2,), pins.TYPES),
    ((wrappers_pb2,), pins.WRAPPERS),
    ((authservice_pb2, event_pb2), pins.AUTH),
    ((users_service_pb2,), pins.USERS),
    ((loginrule_pb2, loginrule_service_pb2), pins.LOGINRULE),
    ((okta_service_pb2,), pins.OKTA),
    ((trust_service_pb2,), pins.TRUST),
]

CASES = [
    pytest.param(modules, name, spec, id=f"{modules[0].DESCRIPTOR.package}.{name}")
    for modules, table in _TABLES
    for name, spec in table.items()
]


def _encode_one(number: int, kind: str) -> tuple[bytes, Any]:
    """One field's bytes and the value the decoded message should show for it."""
    if kind == "s":
        return text(number, "x1"), "x1"
    if kind in "ie":
        return uint(number, 7 if kind == "i" else 1), 7 if kind == "i" else 1
    if kind == "b":
        return uint(number, 1), True
    if kind == "y":
        return raw(number, b"\x00\xff"), b"\x00\xff"
    if kind == "m":
        return msg(number), "present"
    if kind == "M":
        return msg(number, text(1, "k"), text(2, "v")), {"k": "v"}
    if kind == "L":
        return msg(number, text(1, "k"), msg(2)), "has-key"
    raise AssertionError(kind)


def _observed(message: Message, field: FieldDescriptor, expected: Any) -> bool:
    value = getattr(message, field.name)
    if expected == "has-key":
        return "k" in value
    if expected == "present":
        if field.is_repeated:
            return len(value) == 1
        return message.HasField(field.name)
    if isinstance(expected, dict):
        return dict(value) == expected
    if field.is_repeated:
        return list(value) == [expected]
    return bool(value == expected)


@pytest.mark.parametrize(("modules", "name", "spec"), CASES)
def test_fields_match_teleport_numbers(
    modules: tuple[ModuleType, ...], name: str, spec: str
) -> None:
    desc = _find(modules, name)
    pinned = pins.parse(spec)
    assert sorted(f.name for f in desc.fields) == sorted(pinned)
    cls = desc._concrete_class
    for fname, (number, kind) in pinned.items():
        field = desc.fields_by_name[fname]
        assert field.number == number, fname
        assert field.type in _KIND_TYPES[kind], fname
        payload, expected = _encode_one(number, kind)
        decoded = cls.FromString(payload)
        assert _observed(decoded, field, expected), fname
        # Nothing may be left over as an unknown field: re-encoding gives the same bytes.
        assert decoded.SerializeToString() == payload, fname


def _metadata(name: str, **labels: str) -> bytes:
    entries = [msg(5, text(1, k), text(2, v)) for k, v in labels.items()]
    return msg(4, text(1, name), *entries, text(8, "rev-1"))


def _label_values(number: int, key: str, *values: str) -> bytes:
    return msg(number, msg(1, text(1, key), msg(2, *(text(1, v) for v in values))))


def test_role_built_by_hand() -> None:
    allow = b"".join(
        [
            text(1, "root"),
            _label_values(3, "env", "prod", "dev"),
            msg(4, text(1, "node"), text(2, "read")),
            msg(6, text(1, "auditor"), uint(7, 3_600_000_000_000)),
            msg(24, text(1, "pod"), text(2, "default"), text(3, "*"), text(4, "get"), text(5, "")),
        ]
    )
    options = uint(2, 8 * 3_600_000_000_000) + msg(16, uint(1, 0)) + uint(23, 1) + uint(28, 3)
    spec = msg(5, msg(1, options), msg(2, allow), msg(3, text(1, "guest")))
    payload = text(1, "role") + text(3, "v7") + _metadata("ops", team="a") + spec
    role = types_pb2.RoleV6.FromString(payload)
    assert (role.Kind, role.Version, role.Metadata.Name) == ("role", "v7", "ops")
    assert dict(role.Metadata.Labels) == {"team": "a"}
    assert role.Metadata.Revision == "rev-1"
    assert role.Spec.Options.MaxSessionTTL == 8 * 3_600_000_000_000
    assert role.Spec.Options.HasField("DesktopClipboard")
    assert role.Spec.Options.DesktopClipboard.Value is False
    assert role.Spec.Options.RequireMFAType == types_pb2.SESSION
    assert role.Spec.Options.CreateHostUserMode == types_pb2.HOST_USER_MODE_KEEP
    assert list(role.Spec.Allow.Logins) == ["root"]
    assert list(role.Spec.Allow.NodeLabels.Values["env"].Values) == ["prod", "dev"]
    assert role.Spec.Allow.Rules[0].Resources == ["node"]
    assert role.Spec.Allow.Request.MaxDuration == 3_600_000_000_000
    assert role.Spec.Allow.KubernetesResources[0].Verbs == ["get"]
    assert list(role.Spec.Deny.Logins) == ["guest"]


def test_user_built_by_hand() -> None:
    spec = msg(
        5,
        msg(1, text(1, "okta"), text(2, "alice@example.com")),
        text(4, "editor"),
        _label_values(5, "logins", "alice", "root"),
        msg(8, msg(1, text(1, "saml"), text(2, "okta")), msg(3, text(1, "bot-operator"))),
    )
    payload = text(1, "user") + text(3, "v2") + _metadata("alice") + spec + msg(6, uint(1, 2))
    user = types_pb2.UserV2.FromString(payload)
    assert user.Spec.OIDCIdentities[0].Username == "alice@example.com"
    assert list(user.Spec.Roles) == ["editor"]
    assert list(user.Spec.Traits.Values["logins"].Values) == ["alice", "root"]
    assert user.Spec.CreatedBy.Connector.ID == "okta"
    assert user.Spec.CreatedBy.User.Name == "bot-operator"
    assert user.Status.password_state == types_pb2.PASSWORD_STATE_SET
    wrapped = users_service_pb2.UpdateUserRequest.FromString(msg(2, payload))
    assert wrapped.user.Metadata.Name == "alice"


def test_token_built_by_hand() -> None:
    spec = msg(
        5,
        text(1, "Bot"),
        text(4, "github"),
        text(5, "ci"),
        msg(7, msg(1, text(2, "gravitational/teleport"), text(7, "refs/heads/main"))),
        msg(10, msg(1, text(1, "ns:sa")), text(2, "in_cluster")),
    )
    token = types_pb2.ProvisionTokenV2.FromString(
        text(1, "token") + text(3, "v2") + _metadata("gh") + spec
    )
    assert token.Spec.JoinMethod == "github"
    assert token.Spec.GitHub.Allow[0].Repository == "gravitational/teleport"
    assert token.Spec.GitHub.Allow[0].Ref == "refs/heads/main"
    assert token.Spec.Kubernetes.Allow[0].ServiceAccount == "ns:sa"
    upsert = authservice_pb2.UpsertTokenV2Request.FromString(msg(1, text(1, "token")))
    assert upsert.WhichOneof("Token") == "V2"


def test_connectors_built_by_hand() -> None:
    oidc = types_pb2.OIDCConnectorV3.FromString(
        text(1, "oidc")
        + msg(
            5,
            text(1, "https://idp"),
            text(3, "secret"),
            msg(14, text(1, "https://proxy/v1/webapi/oidc/callback")),
            msg(17, uint(1, 60_000_000_000)),
        )
    )
    assert list(oidc.Spec.RedirectURLs.Values) == ["https://proxy/v1/webapi/oidc/callback"]
    assert oidc.Spec.MaxAge.Value == 60_000_000_000
    github = types_pb2.GithubConnectorV3.FromString(
        msg(5, msg(6, text(1, "org"), text(2, "devs"), text(3, "access")))
    )
    assert github.Spec.TeamsToRoles[0].Roles == ["access"]
    saml = types_pb2.SAMLConnectorV2.FromString(
        msg(5, text(5, "https://proxy/acs"), msg(10, text(1, "groups"), text(2, "admins")))
    )
    assert saml.Spec.AssertionConsumerService == "https://proxy/acs"
    assert saml.Spec.AttributesToRoles[0].Value == "admins"


def test_login_rule_and_okta_rule_built_by_hand() -> None:
    rule = loginrule_pb2.LoginRule.FromString(
        msg(1, text(1, "rule"))
        + text(2, "v1")
        + uint(3, 5)
        + msg(4, text(1, "logins"), msg(2, text(1, "external.x")))
    )
    assert rule.priority == 5
    assert list(rule.traits_map["logins"].Values) == ["external.x"]
    okta = types_pb2.OktaImportRuleV1.FromString(
        msg(1, text(1, "okta_import_rule"), text(3, "v1"), msg(4, text(1, "r")))
        + msg(2, uint(1, 10), msg(2, msg(1, text(1, "app-1")), msg(2, text(1, "k"), text(2, "v"))))
    )
    assert okta.Header.Metadata.Name == "r"
    assert okta.Spec.Mappings[0].Match[0].AppIDs == ["app-1"]
    assert dict(okta.Spec.Mappings[0].AddLabels) == {"k": "v"}


def test_ping_and_event_built_by_hand() -> None:
    features = msg(3, uint(4, 1), uint(7, 1), msg(35, text(1, "SAML"), msg(2, uint(1, 1))))
    ping = authservice_pb2.PingResponse.FromString(text(1, "example.com") + features)
    assert ping.ServerFeatures.OIDC is True
    assert ping.ServerFeatures.AdvancedAccessWorkflows is True
    assert ping.ServerFeatures.entitlements["SAML"].enabled is True
    put = event_pb2.Event.FromString(uint(1, 1) + msg(9, text(1, "role"), _metadata("ops")))
    assert put.Type == event_pb2.PUT
    assert put.WhichOneof("Resource") == "Role"
    deleted = event_pb2.Event.FromString(uint(1, 2) + msg(2, text(1, "user"), _metadata("bob")))
    assert deleted.WhichOneof("Resource") == "ResourceHeader"
    assert deleted.ResourceHeader.Metadata.Name == "bob"
