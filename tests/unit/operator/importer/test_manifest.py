"""``to_manifest`` and kind selection: what a Teleport resource becomes, and what is refused."""

from __future__ import annotations

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.importer import parse_kinds, to_manifest
from teleop.operator.importer.sources import kind_for
from teleop.operator.reconcilers import build_desired
from teleop.operator.reconcilers.compare import same_resource
from teleop.teleport import types


def role(version: str = "v7", **labels: str) -> types.RoleV6:
    msg = types.RoleV6(Kind="role", Version=version)
    msg.Metadata.Name = "admins"
    msg.Metadata.Description = "Cluster admins"
    msg.Metadata.Revision = "rev-1"
    msg.Metadata.Labels.update(labels)
    msg.Spec.Allow.Logins.extend(["root"])
    msg.Spec.Options.MaxSessionTTL = 8 * 3600 * 10**9
    return msg


def test_a_role_becomes_an_adopting_cr_of_its_version() -> None:
    msg = role(team="a", **{"teleport.dev/origin": "kubernetes"})
    kind = kind_for("role", msg)
    assert kind is not None
    assert kind.kind == "TeleportRoleV7"
    got = to_manifest(kind, msg, namespace="ops")
    assert got.manifest is not None
    md = got.manifest["metadata"]
    assert got.manifest["apiVersion"] == kind.api_version
    assert got.manifest["kind"] == "TeleportRoleV7"
    assert md == {
        "name": "admins",
        "namespace": "ops",
        "labels": {"team": "a"},
        "annotations": {"teleport.dev/adopt": "true", "description": "Cluster admins"},
    }
    assert got.manifest["spec"]["allow"]["logins"] == ["root"]
    assert got.manifest["spec"]["options"]["max_session_ttl"] == "8h0m0s"
    # Decoding the manifest the way the reconciler does gives back the resource.
    desired = build_desired(kind, got.manifest)
    assert same_resource(desired, msg, lambda m: m.Metadata.ClearField("Revision"))


def test_role_versions_map_to_their_cr_kinds_and_unknown_ones_to_none() -> None:
    assert kind_for("role", role("v5")) is KINDS_BY_NAME["TeleportRole"]
    assert kind_for("role", role("v6")) is KINDS_BY_NAME["TeleportRoleV6"]
    assert kind_for("role", role("v4")) is None


@pytest.mark.parametrize(
    ("name", "labels", "reason"),
    [
        ("alice@example.com", {}, "not a valid Kubernetes object name"),
        ("ok", {"env": "prod us"}, "a value Kubernetes labels cannot hold"),
        ("ok", {"bad key!": "x"}, "not a valid Kubernetes label key"),
    ],
)
def test_what_no_cr_can_carry_is_skipped_with_the_reason(
    name: str, labels: dict[str, str], reason: str
) -> None:
    user = types.UserV2(Kind="user", Version="v2")
    user.Metadata.Name = name
    user.Metadata.Labels.update(labels)
    got = to_manifest(KINDS_BY_NAME["TeleportUser"], user)
    assert got.manifest is None
    assert reason in got.skipped
    assert repr(name) in got.skipped


def test_an_expiring_token_is_skipped() -> None:
    token = types.ProvisionTokenV2(Kind="token", Version="v2")
    token.Metadata.Name = "join"
    token.Metadata.Expires.CopyFrom(Timestamp(seconds=2_000_000_000))
    token.Spec.Roles.append("Node")
    got = to_manifest(KINDS_BY_NAME["TeleportProvisionToken"], token)
    assert got.manifest is None
    assert "expires" in got.skipped


def test_server_fields_are_cleared_and_internal_labels_dropped() -> None:
    user = types.UserV2(Kind="user", Version="v2")
    user.Metadata.Name = "alice"
    user.Metadata.Labels["teleport.internal/x"] = "y"
    user.Spec.Roles.append("admins")
    user.Spec.CreatedBy.User.Name = "admin"

    def clear(m: types.UserV2) -> None:
        m.Spec.ClearField("CreatedBy")

    got = to_manifest(KINDS_BY_NAME["TeleportUser"], user, clear_server_fields=clear)
    assert got.manifest is not None
    assert "labels" not in got.manifest["metadata"]
    assert got.manifest["spec"] == {"roles": ["admins"]}
    assert user.Spec.CreatedBy.User.Name == "admin"  # the input is left alone


def test_a_connector_secret_becomes_a_secret_reference_and_a_note() -> None:
    gh = types.GithubConnectorV3(Kind="github", Version="v3")
    gh.Metadata.Name = "gh"
    gh.Spec.ClientID = "id"
    gh.Spec.ClientSecret = "s3cret"
    got = to_manifest(KINDS_BY_NAME["TeleportGithubConnector"], gh)
    assert got.manifest is not None
    assert got.manifest["spec"]["client_secret"] == "secret://gh-client-secret/client_secret"
    assert "s3cret" not in repr(got)
    assert len(got.notes) == 1
    assert "gh-client-secret" in got.notes[0]


def test_login_rules_take_their_promoted_fields() -> None:
    rule = types.LoginRule(version="v1", priority=3, traits_expression="external")
    rule.metadata.Name = "lr"
    got = to_manifest(KINDS_BY_NAME["TeleportLoginRule"], rule)
    assert got.manifest is not None
    assert got.manifest["spec"] == {"priority": 3, "traits_expression": "external"}


def test_parse_kinds() -> None:
    assert parse_kinds("role, TeleportUser,role,GITHUB") == ("role", "user", "github")
    with pytest.raises(ValueError, match="cannot import nodes"):
        parse_kinds("role,nodes")
    with pytest.raises(ValueError, match="no kind given"):
        parse_kinds(",")
