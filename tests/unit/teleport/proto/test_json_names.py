"""JSON names and JSON-form options of key fields match Teleport's JSON tags.

The converter and the CRD schema generator read json_name and the teleop.options.v1 options
from the descriptors; the expected values below are Teleport's gogoproto jsontags and the Go
custom types behind them, typed in from Teleport's sources.
"""

import pytest
from google.protobuf.descriptor import Descriptor, FieldDescriptor

from teleop.teleport._proto.teleop.options.v1 import options_pb2
from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2

T = types_pb2
DUR = options_pb2.JSON_CAST_DURATION
LBL = options_pb2.JSON_CAST_LABELS
TRT = options_pb2.JSON_CAST_TRAITS
BOOL = options_pb2.JSON_CAST_BOOL_OPTION
STRS = options_pb2.JSON_CAST_STRINGS
TIME = options_pb2.JSON_CAST_TIME
NONE = options_pb2.JSON_CAST_UNSPECIFIED

# (message, field, Teleport JSON tag, json_cast, omit_empty)
CASES: list[tuple[Descriptor, str, str, int, bool]] = [
    (T.Metadata.DESCRIPTOR, "Name", "name", NONE, False),
    (T.Metadata.DESCRIPTOR, "Labels", "labels", NONE, True),
    (T.Metadata.DESCRIPTOR, "Expires", "expires", TIME, True),
    (T.Metadata.DESCRIPTOR, "Revision", "revision", NONE, True),
    (T.RoleV6.DESCRIPTOR, "SubKind", "sub_kind", NONE, True),
    (T.RoleV6.DESCRIPTOR, "Spec", "spec", NONE, False),
    (T.RoleOptions.DESCRIPTOR, "ForwardAgent", "forward_agent", NONE, False),
    (T.RoleOptions.DESCRIPTOR, "MaxSessionTTL", "max_session_ttl", DUR, True),
    (T.RoleOptions.DESCRIPTOR, "CertificateFormat", "cert_format", NONE, False),
    (T.RoleOptions.DESCRIPTOR, "BPF", "enhanced_recording", NONE, True),
    (T.RoleOptions.DESCRIPTOR, "DesktopClipboard", "desktop_clipboard", BOOL, False),
    (T.RoleOptions.DESCRIPTOR, "RequireMFAType", "require_session_mfa", NONE, True),
    (T.RoleOptions.DESCRIPTOR, "CreateDatabaseUser", "create_db_user", BOOL, False),
    (T.RoleOptions.DESCRIPTOR, "CreateHostUserMode", "create_host_user_mode", NONE, True),
    (T.RoleOptions.DESCRIPTOR, "CreateDatabaseUserMode", "create_db_user_mode", NONE, True),
    (T.RoleOptions.DESCRIPTOR, "SSHPortForwarding", "ssh_port_forwarding", NONE, True),
    (T.RoleConditions.DESCRIPTOR, "NodeLabels", "node_labels", LBL, True),
    (T.RoleConditions.DESCRIPTOR, "KubeGroups", "kubernetes_groups", NONE, True),
    (T.RoleConditions.DESCRIPTOR, "DatabaseLabels", "db_labels", LBL, True),
    (T.RoleConditions.DESCRIPTOR, "AWSRoleARNs", "aws_role_arns", NONE, True),
    (T.RoleConditions.DESCRIPTOR, "DatabasePermissions", "db_permissions", NONE, True),
    (T.RoleConditions.DESCRIPTOR, "git_hub_permissions", "github_permissions", NONE, True),
    (T.GitHubPermission.DESCRIPTOR, "organizations", "orgs", NONE, True),
    (T.AccessRequestConditions.DESCRIPTOR, "Annotations", "annotations", TRT, True),
    (T.AccessRequestConditions.DESCRIPTOR, "MaxDuration", "max_duration", DUR, True),
    (T.KubernetesResource.DESCRIPTOR, "APIGroup", "api_group", NONE, True),
    (T.UserSpecV2.DESCRIPTOR, "Traits", "traits", TRT, True),
    (T.UserSpecV2.DESCRIPTOR, "Expires", "expires", TIME, False),
    (T.UserSpecV2.DESCRIPTOR, "CreatedBy", "created_by", NONE, False),
    (T.ExternalIdentity.DESCRIPTOR, "SAMLSingleLogoutURL", "samlSingleLogoutUrl", NONE, True),
    (T.ProvisionTokenSpecV2.DESCRIPTOR, "Roles", "roles", NONE, False),
    (T.ProvisionTokenSpecV2.DESCRIPTOR, "AWSIIDTTL", "aws_iid_ttl", DUR, True),
    (T.ProvisionTokenSpecV2.DESCRIPTOR, "JoinMethod", "join_method", NONE, False),
    (T.ProvisionTokenSpecV2.DESCRIPTOR, "SuggestedLabels", "suggested_labels", LBL, True),
    (T.ProvisionTokenSpecV2.DESCRIPTOR, "TerraformCloud", "terraform_cloud", NONE, True),
    (T.ProvisionTokenSpecV2.DESCRIPTOR, "BoundKeypair", "bound_keypair", NONE, True),
    (T.ProvisionTokenSpecV2GitLab.Rule.DESCRIPTOR, "RefProtected", "ref_protected", BOOL, True),
    (T.GithubConnectorSpecV3.DESCRIPTOR, "TeamsToRoles", "teams_to_roles", NONE, False),
    (T.GithubConnectorSpecV3.DESCRIPTOR, "APIEndpointURL", "api_endpoint_url", NONE, False),
    (T.OIDCConnectorSpecV3.DESCRIPTOR, "ACR", "acr_values", NONE, True),
    (T.OIDCConnectorSpecV3.DESCRIPTOR, "RedirectURLs", "redirect_url", STRS, False),
    (T.OIDCConnectorSpecV3.DESCRIPTOR, "MFASettings", "mfa", NONE, True),
    (T.MaxAge.DESCRIPTOR, "Value", "max_age", DUR, False),
    (T.SAMLConnectorSpecV2.DESCRIPTOR, "AssertionConsumerService", "acs", NONE, False),
    (T.SAMLConnectorSpecV2.DESCRIPTOR, "EncryptionKeyPair", "assertion_key_pair", NONE, True),
    (T.OktaImportRuleMappingV1.DESCRIPTOR, "AddLabels", "add_labels", NONE, False),
    (T.CommandLabelV2.DESCRIPTOR, "Period", "period", DUR, False),
    (T.ServerSpecV2.DESCRIPTOR, "public_addrs", "public_addrs", NONE, True),
    (T.ServerSpecV2.DESCRIPTOR, "CloudMetadata", "cloud_metadata", NONE, True),
    (T.AWSInfo.DESCRIPTOR, "AccountID", "account_id", NONE, False),
    (T.AppSpecV3.DESCRIPTOR, "InsecureSkipVerify", "insecure_skip_verify", NONE, False),
    (T.AppSpecV3.DESCRIPTOR, "UserGroups", "UserGroups", NONE, True),
    (T.AppSpecV3.DESCRIPTOR, "TCPPorts", "tcp_ports", NONE, True),
    (T.IdentityCenterPermissionSet.DESCRIPTOR, "AssignmentID", "assignment_name", NONE, True),
    (T.DatabaseSpecV3.DESCRIPTOR, "AWS", "aws", NONE, False),
    (T.DatabaseSpecV3.DESCRIPTOR, "AdminUser", "admin_user", NONE, True),
    (T.AWS.DESCRIPTOR, "DocumentDB", "docdb", NONE, False),
    (T.RDS.DESCRIPTOR, "IAMAuth", "iam_auth", NONE, False),
    (T.TrustedClusterSpecV2.DESCRIPTOR, "ProxyAddress", "web_proxy_addr", NONE, False),
    (T.TrustedClusterSpecV2.DESCRIPTOR, "ReverseTunnelAddress", "tunnel_addr", NONE, False),
    (T.TrustedClusterSpecV2.DESCRIPTOR, "RoleMap", "role_map", NONE, True),
    (T.LockSpecV2.DESCRIPTOR, "Expires", "expires", TIME, True),
    (T.LockSpecV2.DESCRIPTOR, "CreatedAt", "created_at", TIME, False),
    (T.KeepAlive.DESCRIPTOR, "Name", "server_name", NONE, False),
    (loginrule_pb2.LoginRule.DESCRIPTOR, "traits_map", "traits_map", TRT, True),
    (authservice_pb2.PingResponse.DESCRIPTOR, "ServerFeatures", "server_features", NONE, False),
    (authservice_pb2.Features.DESCRIPTOR, "AdvancedAccessWorkflows", "advanced_access_workflows",
     NONE, False),
]  # fmt: skip


def _ext(field: FieldDescriptor, ext: object) -> object:
    return field.GetOptions().Extensions[ext]


@pytest.mark.parametrize(
    ("desc", "field", "tag", "cast", "omit"),
    CASES,
    ids=[f"{c[0].name}.{c[1]}" for c in CASES],
)
def test_json_name_and_options(
    desc: Descriptor, field: str, tag: str, cast: int, omit: bool
) -> None:
    fd = desc.fields_by_name[field]
    assert fd.json_name == tag
    assert _ext(fd, options_pb2.json_cast) == cast
    assert _ext(fd, options_pb2.omit_empty) is omit


def test_go_json_dash_and_embedded_fields() -> None:
    assert _ext(T.Metadata.DESCRIPTOR.fields_by_name["Namespace"], options_pb2.json_omit)
    assert _ext(T.RoleConditions.DESCRIPTOR.fields_by_name["Namespaces"], options_pb2.json_omit)
    assert _ext(T.OIDCConnectorSpecV3.DESCRIPTOR.fields_by_name["MaxAge"], options_pb2.json_embed)
    assert _ext(T.OktaImportRuleV1.DESCRIPTOR.fields_by_name["Header"], options_pb2.json_embed)


@pytest.mark.parametrize(
    ("enum", "spellings"),
    [
        (T.CreateHostUserMode, {1: "off", 2: "drop", 3: "keep", 4: "insecure-drop"}),
        (T.CreateDatabaseUserMode, {1: "off", 2: "keep", 3: "best_effort_drop"}),
        (
            T.RequireMFAType,
            {
                0: "false",
                1: "true",
                2: "hardware_key",
                3: "hardware_key_touch",
                4: "hardware_key_pin",
                5: "hardware_key_touch_and_pin",
            },
        ),
        (T.CertExtensionType, {0: "ssh"}),
        (T.CertExtensionMode, {0: "extension"}),
        (T.SAMLForceAuthn, {0: "", 1: "yes", 2: "no"}),
        (T.DatabaseTLSMode, {0: "verify-full", 1: "verify-ca", 2: "insecure"}),
    ],
)
def test_enum_json_spellings(enum: object, spellings: dict[int, str]) -> None:
    desc = enum.DESCRIPTOR  # type: ignore[attr-defined]
    for number, spelling in spellings.items():
        value = desc.values_by_number[number]
        assert value.GetOptions().Extensions[options_pb2.json_value] == spelling, value.name


def _all_fields(desc: Descriptor) -> list[FieldDescriptor]:
    out = list(desc.fields)
    for nested in desc.nested_types:
        if not nested.GetOptions().map_entry:
            out.extend(_all_fields(nested))
    return out


def test_every_resource_field_has_a_snake_case_json_name() -> None:
    """protoc's default json_name is lowerCamelCase; ours must always be Teleport's tag."""
    allowed_non_snake = {"samlSingleLogoutUrl", "licenseExpiry"}
    for module in (types_pb2, loginrule_pb2):
        for desc in module.DESCRIPTOR.message_types_by_name.values():
            for fd in _all_fields(desc):
                name = fd.json_name
                if name in allowed_non_snake or name[:1].isupper():
                    continue
                assert name == name.lower(), f"{fd.full_name}: {name}"
