"""Round trips of Teleport resources as users write them in CRs, on the real generated stubs.

YAML as a user writes it -> message -> bytes -> message -> JSON must equal the canonical form, and
the canonical form must decode to the same message. Shapes follow Teleport's documented examples.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2
from teleop.teleport.convert import ConversionError, decode, encode

ROLE = """
options:
  max_session_ttl: 8h
  forward_agent: true
  client_idle_timeout: 15m
  create_host_user_mode: keep
  create_db_user_mode: best_effort_drop
  require_session_mfa: hardware_key_touch
  cert_format: standard
  desktop_clipboard: false
  port_forwarding: true
  enhanced_recording: [command, network]
  record_session: {desktop: true, ssh: best_effort}
  ssh_port_forwarding: {local: {enabled: true}, remote: {enabled: false}}
  cert_extensions:
    - {type: ssh, mode: extension, name: login@github.com, value: "{{ external.github_login }}"}
  max_connections: 3
  mfa_verification_interval: 30m
allow:
  logins: ['{{internal.logins}}', root]
  node_labels:
    '*': '*'
    env: [dev, staging]
  kubernetes_labels:
    '*': ['*']
  kubernetes_groups: [viewers]
  kubernetes_resources:
    - {kind: pod, namespace: '*', name: '*', verbs: ['*']}
  rules:
    - resources: [role]
      verbs: [list, read]
    - resources: [session]
      verbs: [read, list]
      where: contains(session.participants, user.metadata.name)
  request:
    roles: [admin]
    thresholds: [{approve: 1, deny: 1}]
    max_duration: 4h
    annotations: {ticket: [JIRA-1]}
  impersonate: {users: [alice], roles: [dev]}
deny:
  logins: [guest]
  node_labels: {env: prod}
"""

ROLE_CANONICAL: dict[str, Any] = {
    "options": {
        "forward_agent": True,
        "max_session_ttl": "8h0m0s",
        "port_forwarding": True,
        "cert_format": "standard",
        "client_idle_timeout": "15m0s",
        "enhanced_recording": ["command", "network"],
        "max_connections": 3,
        "record_session": {"desktop": True, "ssh": "best_effort"},
        "desktop_clipboard": False,
        "cert_extensions": [
            {
                "type": "ssh",
                "mode": "extension",
                "name": "login@github.com",
                "value": "{{ external.github_login }}",
            }
        ],
        "pin_source_ip": False,
        "require_session_mfa": "hardware_key_touch",
        "create_host_user_mode": "keep",
        "create_db_user_mode": "best_effort_drop",
        "mfa_verification_interval": "1800s",
        "ssh_port_forwarding": {"local": {"enabled": True}, "remote": {"enabled": False}},
    },
    "allow": {
        "logins": ["{{internal.logins}}", "root"],
        "node_labels": {"*": "*", "env": ["dev", "staging"]},
        "rules": [
            {"resources": ["role"], "verbs": ["list", "read"]},
            {
                "resources": ["session"],
                "verbs": ["read", "list"],
                "where": "contains(session.participants, user.metadata.name)",
            },
        ],
        "kubernetes_groups": ["viewers"],
        "request": {
            "roles": ["admin"],
            "annotations": {"ticket": ["JIRA-1"]},
            "thresholds": [{"approve": 1, "deny": 1}],
            "max_duration": "4h0m0s",
        },
        "kubernetes_labels": {"*": "*"},
        "impersonate": {"users": ["alice"], "roles": ["dev"]},
        "kubernetes_resources": [{"kind": "pod", "namespace": "*", "name": "*", "verbs": ["*"]}],
    },
    "deny": {"logins": ["guest"], "node_labels": {"env": "prod"}},
}


def via_bytes(message: Message) -> Message:
    return type(message).FromString(message.SerializeToString())


def assert_round_trip(data: Any, message_type: type[Message], canonical: Any) -> Message:
    message = decode(data, message_type)
    out = encode(via_bytes(message))
    assert out == canonical, out
    assert decode(out, message_type) == message
    return message


def test_role_spec() -> None:
    message = assert_round_trip(yaml.safe_load(ROLE), types_pb2.RoleSpecV6, ROLE_CANONICAL)
    assert isinstance(message, types_pb2.RoleSpecV6)
    assert message.Options.MaxSessionTTL == 8 * 3600 * 10**9
    assert message.Options.CreateHostUserMode == types_pb2.HOST_USER_MODE_KEEP
    assert message.Options.RequireMFAType == types_pb2.HARDWARE_KEY_TOUCH
    assert message.Allow.NodeLabels.Values["*"].Values == ["*"]


@pytest.mark.parametrize("mode", ["keep", 3, "HOST_USER_MODE_KEEP"])
def test_create_host_user_mode_spellings(mode: Any) -> None:
    message = decode({"options": {"create_host_user_mode": mode}}, types_pb2.RoleSpecV6)
    assert message.Options.CreateHostUserMode == types_pb2.HOST_USER_MODE_KEEP


@pytest.mark.parametrize(
    ("raw", "out"), [(True, True), (False, None), ("hardware_key", "hardware_key")]
)
def test_require_session_mfa(raw: Any, out: Any) -> None:
    encoded = encode(decode({"options": {"require_session_mfa": raw}}, types_pb2.RoleSpecV6))
    assert encoded["options"].get("require_session_mfa") == out


@pytest.mark.parametrize(
    ("labels", "error"),
    [
        ({"env": 1}, "spec.allow.node_labels.env: expected string or list of strings, got number"),
        (
            {"env": {"a": "b"}},
            "spec.allow.node_labels.env: expected string or list of strings, got object",
        ),
        ({"env": [True]}, "spec.allow.node_labels.env[0]: expected string, got boolean"),
    ],
)
def test_role_bad_label_values(labels: dict[str, Any], error: str) -> None:
    with pytest.raises(ConversionError) as err:
        decode({"allow": {"node_labels": labels}}, types_pb2.RoleSpecV6)
    assert str(err.value) == error


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ({"max_session_ttl": "8x"}, 'spec.options.max_session_ttl: invalid duration "8x"'),
        (
            {"create_host_user_mode": "sometimes"},
            'spec.options.create_host_user_mode: unknown value "sometimes" '
            "(expected one of: off, drop, keep, insecure-drop)",
        ),
        ({"forward_agent": "yes"}, "spec.options.forward_agent: expected boolean, got string"),
        ({"max_sesion_ttl": "8h"}, "spec.options.max_sesion_ttl: unknown field"),
        # Only Teleport's JSON tag is a key; the proto field name is not.
        ({"MaxSessionTTL": "8h"}, "spec.options.MaxSessionTTL: unknown field"),
    ],
)
def test_role_bad_options(options: dict[str, Any], error: str) -> None:
    with pytest.raises(ConversionError) as err:
        decode({"options": options}, types_pb2.RoleSpecV6)
    assert str(err.value) == error


def test_whole_role_resource_namespace_is_not_json() -> None:
    role = {
        "kind": "role",
        "version": "v7",
        "metadata": {"name": "dev", "labels": {"teleport.dev/origin": "kubernetes"}},
        "spec": {"allow": {"logins": ["root"]}},
    }
    message = decode(role, types_pb2.RoleV6, path="")
    assert encode(via_bytes(message)) == role
    with pytest.raises(ConversionError, match=r"^\.metadata\.namespace: unknown field$"):
        decode({"metadata": {"namespace": "default"}}, types_pb2.RoleV6, path="")


USER = """
roles: [access, editor]
traits:
  logins: [root, ubuntu]
  kubernetes_groups: [system:masters]
  empty: []
"""


def test_user_spec() -> None:
    canonical = {
        "roles": ["access", "editor"],
        "traits": {
            "empty": [],
            "kubernetes_groups": ["system:masters"],
            "logins": ["root", "ubuntu"],
        },
    }
    assert_round_trip(yaml.safe_load(USER), types_pb2.UserSpecV2, canonical)
    with pytest.raises(
        ConversionError, match=r"^spec\.traits\.logins: expected list of strings, got string$"
    ):
        decode({"traits": {"logins": "root"}}, types_pb2.UserSpecV2)


def test_user_spec_with_expiry_and_created_by() -> None:
    data = {
        "roles": ["access"],
        "expires": "2030-01-01T00:00:00.5+02:00",
        "created_by": {"user": {"name": "admin"}, "time": "2024-05-06T07:08:09Z"},
    }
    canonical = {
        "roles": ["access"],
        "expires": "2029-12-31T22:00:00.5Z",
        "created_by": {"user": {"name": "admin"}, "time": "2024-05-06T07:08:09Z"},
    }
    assert_round_trip(data, types_pb2.UserSpecV2, canonical)


TOKEN = """
roles: [Node, Bot]
join_method: github
bot_name: ci
github:
  allow:
    - repository: gravitational/teleport
      repository_owner: gravitational
      ref: refs/heads/main
suggested_labels:
  env: prod
"""


def test_provision_token_spec() -> None:
    data = yaml.safe_load(TOKEN)
    message = decode(data, types_pb2.ProvisionTokenSpecV2)
    out = encode(via_bytes(message))
    assert out["roles"] == ["Node", "Bot"]
    assert out["join_method"] == "github"
    assert out["github"]["allow"][0]["repository"] == "gravitational/teleport"
    assert out["suggested_labels"] == {"env": "prod"}
    assert decode(out, types_pb2.ProvisionTokenSpecV2) == message


def test_upsert_token_request_oneof() -> None:
    token = {
        "kind": "token",
        "version": "v2",
        "metadata": {"name": "t"},
        "spec": {"roles": ["Node"], "join_method": "token"},
    }
    message = decode({"v2": token}, authservice_pb2.UpsertTokenV2Request, path="")
    assert message.WhichOneof("Token") == "V2"
    assert message.V2.Spec.JoinMethod == "token"
    assert decode(encode(via_bytes(message)), authservice_pb2.UpsertTokenV2Request) == message


GITHUB = """
client_id: abc
client_secret: secret://github-secret/client-secret
redirect_url: https://teleport.example.com/v1/webapi/github/callback
display: GitHub
teams_to_roles:
  - organization: octocats
    team: admins
    roles: [access, editor]
"""


def test_github_connector_spec() -> None:
    data = yaml.safe_load(GITHUB)
    message = decode(data, types_pb2.GithubConnectorSpecV3)
    out = encode(via_bytes(message))
    assert out["teams_to_roles"] == data["teams_to_roles"]
    assert out["client_secret"] == "secret://github-secret/client-secret"
    assert decode(out, types_pb2.GithubConnectorSpecV3) == message


def test_oidc_connector_redirect_url_and_embedded_max_age() -> None:
    data = {
        "issuer_url": "https://idp",
        "client_id": "c",
        "redirect_url": "https://teleport/v1/webapi/oidc/callback",
        "max_age": "24h",
        "claims_to_roles": [{"claim": "groups", "value": "admins", "roles": ["editor"]}],
    }
    message = decode(data, types_pb2.OIDCConnectorSpecV3)
    out = encode(via_bytes(message))
    assert out["redirect_url"] == ["https://teleport/v1/webapi/oidc/callback"]
    assert out["max_age"] == "24h0m0s"
    assert "MaxAge" not in out
    assert decode(out, types_pb2.OIDCConnectorSpecV3) == message


def test_login_rule_traits_map() -> None:
    data = {
        "priority": 1,
        "traits_map": {"groups": ["external.groups", "devs"], "logins": ["external.username"]},
        "traits_expression": "",
    }
    canonical = {
        "priority": 1,
        "traits_map": {"groups": ["external.groups", "devs"], "logins": ["external.username"]},
    }
    message = decode(data, loginrule_pb2.LoginRule)
    out = encode(via_bytes(message))
    assert out == canonical
    assert decode(out, loginrule_pb2.LoginRule) == message
    with pytest.raises(ConversionError, match=r"^spec\.traits_map\.groups: expected list"):
        decode({"traits_map": {"groups": "devs"}}, loginrule_pb2.LoginRule)


def test_okta_import_rule_header_is_embedded() -> None:
    rule = {
        "kind": "okta_import_rule",
        "version": "v1",
        "metadata": {"name": "r"},
        "spec": {
            "priority": 10,
            "mappings": [{"match": [{"app_ids": ["a"]}], "add_labels": {"k": "v"}}],
        },
    }
    message = decode(rule, types_pb2.OktaImportRuleV1, path="")
    assert message.Header.Metadata.Name == "r"
    assert encode(via_bytes(message)) == rule
