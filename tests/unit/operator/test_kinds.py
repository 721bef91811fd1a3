"""The kinds table: names, versions and Teleport kinds as Teleport's Go operator has them."""

from __future__ import annotations

import dataclasses

import pytest

from teleop.operator.apis import GROUP, KINDS, KINDS_BY_NAME, KindSpec, kind_spec
from teleop.operator.apis.conventions import (
    ANNOTATION_IGNORE,
    FINALIZER,
    ORIGIN_LABEL,
    annotation_flag,
)
from teleop.teleport import types
from teleop.testing.fakekube.resources import builtin_types

# kind: (CR versions, plural, short names, Teleport kind, Teleport version, message, gates)
EXPECTED = {
    "TeleportUser": (("v2",), "teleportusers", ("user", "users"), "user", "v2", types.UserV2, ()),
    "TeleportRole": (("v5", "v6"), "teleportroles", (), "role", "v5", types.RoleV6, ()),
    "TeleportRoleV6": (
        ("v1",),
        "teleportrolesv6",
        ("rolev6", "rolesv6"),
        "role",
        "v6",
        types.RoleV6,
        (),
    ),
    "TeleportRoleV7": (
        ("v1",),
        "teleportrolesv7",
        ("rolev7", "rolesv7"),
        "role",
        "v7",
        types.RoleV6,
        (),
    ),
    "TeleportRoleV8": (
        ("v1",),
        "teleportrolesv8",
        ("rolev8", "rolesv8"),
        "role",
        "v8",
        types.RoleV6,
        (),
    ),
    "TeleportProvisionToken": (
        ("v2",),
        "teleportprovisiontokens",
        ("provisiontoken", "provisiontokens"),
        "token",
        "v2",
        types.ProvisionTokenV2,
        (),
    ),
    "TeleportGithubConnector": (
        ("v3",),
        "teleportgithubconnectors",
        ("githubconnector", "githubconnectors"),
        "github",
        "v3",
        types.GithubConnectorV3,
        (),
    ),
    "TeleportSAMLConnector": (
        ("v2",),
        "teleportsamlconnectors",
        ("samlconnector", "samlconnectors"),
        "saml",
        "v2",
        types.SAMLConnectorV2,
        ("SAML",),
    ),
    "TeleportOIDCConnector": (
        ("v3",),
        "teleportoidcconnectors",
        ("oidcconnector", "oidcconnectors"),
        "oidc",
        "v3",
        types.OIDCConnectorV3,
        ("OIDC",),
    ),
    "TeleportLoginRule": (
        ("v1",),
        "teleportloginrules",
        ("loginrule", "loginrules"),
        "login_rule",
        "v1",
        types.LoginRule,
        ("OIDC", "SAML"),
    ),
    "TeleportOktaImportRule": (
        ("v1",),
        "teleportoktaimportrules",
        ("oktaimportrule", "oktaimportrules"),
        "okta_import_rule",
        "v1",
        types.OktaImportRuleV1,
        ("AdvancedAccessWorkflows",),
    ),
    "TeleportBotV1": (("v1",), "teleportbotsv1", ("botv1", "botsv1"), "bot", "v1", types.Bot, ()),
    "TeleportWorkloadIdentityV1": (
        ("v1",),
        "teleportworkloadidentitiesv1",
        ("workloadidentityv1", "workloadidentitiesv1"),
        "workload_identity",
        "v1",
        types.WorkloadIdentity,
        (),
    ),
    "TeleportAutoupdateConfigV1": (
        ("v1",),
        "teleportautoupdateconfigsv1",
        ("autoupdateconfigv1", "autoupdateconfigsv1"),
        "autoupdate_config",
        "v1",
        types.AutoUpdateConfig,
        (),
    ),
    "TeleportAutoupdateVersionV1": (
        ("v1",),
        "teleportautoupdateversionsv1",
        ("autoupdateversionv1", "autoupdateversionsv1"),
        "autoupdate_version",
        "v1",
        types.AutoUpdateVersion,
        (),
    ),
    "TeleportAccessList": (
        ("v1",),
        "teleportaccesslists",
        ("accesslist", "accesslists"),
        "access_list",
        "v1",
        types.AccessList,
        ("AdvancedAccessWorkflows",),
    ),
    "TeleportLock": (("v2",), "teleportlocks", ("lock", "locks"), "lock", "v2", types.LockV2, ()),
    "TeleportAppV3": (("v1",), "teleportappsv3", ("appv3", "appsv3"), "app", "v3", types.AppV3, ()),
    "TeleportOpenSSHServerV2": (
        ("v1",),
        "teleportopensshserversv2",
        ("opensshserverv2", "opensshserversv2"),
        "node",
        "v2",
        types.ServerV2,
        (),
    ),
    "TeleportOpenSSHEICEServerV2": (
        ("v1",),
        "teleportopenssheiceserversv2",
        ("openssheiceserverv2", "openssheiceserversv2"),
        "node",
        "v2",
        types.ServerV2,
        (),
    ),
    "TeleportTrustedClusterV2": (
        ("v1",),
        "teleporttrustedclustersv2",
        ("trustedclusterv2", "trustedclustersv2"),
        "trusted_cluster",
        "v2",
        types.TrustedClusterV2,
        (),
    ),
    "TeleportDatabaseV3": (
        ("v1",),
        "teleportdatabasesv3",
        ("databasev3", "databasesv3"),
        "db",
        "v3",
        types.DatabaseV3,
        (),
    ),
}

# Resource names, singulars and short names of a standard cluster's built-in API
# (`kubectl api-resources` on Kubernetes 1.31 with metrics-server), which a CRD short name must
# never take over: kubectl resolves short names before built-in singulars (teleport#17587).
BUILTIN_NAMES = frozenset(
    [
        "bindings",
        "binding",
        "componentstatuses",
        "componentstatus",
        "cs",
        "configmaps",
        "configmap",
        "cm",
        "endpoints",
        "endpoint",
        "ep",
        "events",
        "event",
        "ev",
        "limitranges",
        "limitrange",
        "limits",
        "namespaces",
        "namespace",
        "ns",
        "nodes",
        "node",
        "no",
        "persistentvolumeclaims",
        "persistentvolumeclaim",
        "pvc",
        "persistentvolumes",
        "persistentvolume",
        "pv",
        "pods",
        "pod",
        "po",
        "podtemplates",
        "podtemplate",
        "replicationcontrollers",
        "replicationcontroller",
        "rc",
        "resourcequotas",
        "resourcequota",
        "quota",
        "secrets",
        "secret",
        "serviceaccounts",
        "serviceaccount",
        "sa",
        "services",
        "service",
        "svc",
        "mutatingwebhookconfigurations",
        "mutatingwebhookconfiguration",
        "validatingwebhookconfigurations",
        "validatingwebhookconfiguration",
        "validatingadmissionpolicies",
        "validatingadmissionpolicy",
        "validatingadmissionpolicybindings",
        "validatingadmissionpolicybinding",
        "customresourcedefinitions",
        "customresourcedefinition",
        "crd",
        "crds",
        "apiservices",
        "apiservice",
        "controllerrevisions",
        "controllerrevision",
        "daemonsets",
        "daemonset",
        "ds",
        "deployments",
        "deployment",
        "deploy",
        "replicasets",
        "replicaset",
        "rs",
        "statefulsets",
        "statefulset",
        "sts",
        "selfsubjectreviews",
        "tokenreviews",
        "tokenreview",
        "localsubjectaccessreviews",
        "selfsubjectaccessreviews",
        "selfsubjectrulesreviews",
        "subjectaccessreviews",
        "horizontalpodautoscalers",
        "horizontalpodautoscaler",
        "hpa",
        "cronjobs",
        "cronjob",
        "cj",
        "jobs",
        "job",
        "certificatesigningrequests",
        "certificatesigningrequest",
        "csr",
        "clustertrustbundles",
        "leases",
        "lease",
        "endpointslices",
        "endpointslice",
        "flowschemas",
        "flowschema",
        "prioritylevelconfigurations",
        "ingressclasses",
        "ingressclass",
        "ingresses",
        "ingress",
        "ing",
        "networkpolicies",
        "networkpolicy",
        "netpol",
        "ipaddresses",
        "ipaddress",
        "ip",
        "servicecidrs",
        "runtimeclasses",
        "runtimeclass",
        "poddisruptionbudgets",
        "poddisruptionbudget",
        "pdb",
        "clusterrolebindings",
        "clusterrolebinding",
        "clusterroles",
        "clusterrole",
        "rolebindings",
        "rolebinding",
        "roles",
        "role",
        "priorityclasses",
        "priorityclass",
        "pc",
        "csidrivers",
        "csidriver",
        "csinodes",
        "csinode",
        "csistoragecapacities",
        "storageclasses",
        "storageclass",
        "sc",
        "volumeattachments",
        "volumeattachment",
        "volumeattributesclasses",
        "vac",
        "deviceclasses",
        "resourceclaims",
        "resourceclaimtemplates",
        "resourceslices",
    ]
)


def test_table_has_the_ten_kinds_in_order() -> None:
    assert [k.kind for k in KINDS] == list(EXPECTED)
    assert dict(KINDS_BY_NAME) == {k.kind: k for k in KINDS}


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_kind_row(kind: KindSpec) -> None:
    versions, plural, short, tkind, tversion, message, gates = EXPECTED[kind.kind]
    assert kind.group == GROUP == "resources.teleport.dev"
    assert kind.versions == versions
    assert kind.storage_version == versions[0]
    assert kind.plural == plural
    assert kind.singular == kind.kind.lower()
    assert kind.list_kind == kind.kind + "List"
    assert kind.short_names == short
    assert kind.teleport_kind == tkind
    assert kind.teleport_version == tversion
    assert kind.message is message
    assert kind.gates == gates
    assert kind.crd_name == f"{plural}.resources.teleport.dev"
    assert kind.file_name == f"resources.teleport.dev_{plural.removeprefix('teleport')}.yaml"
    assert kind.api_version == f"resources.teleport.dev/{versions[0]}"


def test_spec_messages() -> None:
    names = {k.kind: k.spec_message.DESCRIPTOR.full_name for k in KINDS}
    assert names == {
        "TeleportUser": "types.UserSpecV2",
        "TeleportRole": "types.RoleSpecV6",
        "TeleportRoleV6": "types.RoleSpecV6",
        "TeleportRoleV7": "types.RoleSpecV6",
        "TeleportRoleV8": "types.RoleSpecV6",
        "TeleportProvisionToken": "types.ProvisionTokenSpecV2",
        "TeleportGithubConnector": "types.GithubConnectorSpecV3",
        "TeleportSAMLConnector": "types.SAMLConnectorSpecV2",
        "TeleportOIDCConnector": "types.OIDCConnectorSpecV3",
        "TeleportLoginRule": "teleport.loginrule.v1.LoginRule",
        "TeleportOktaImportRule": "types.OktaImportRuleSpecV1",
        "TeleportLock": "types.LockSpecV2",
        "TeleportDatabaseV3": "types.DatabaseSpecV3",
        "TeleportTrustedClusterV2": "types.TrustedClusterSpecV2",
        "TeleportOpenSSHServerV2": "types.ServerSpecV2",
        "TeleportOpenSSHEICEServerV2": "types.ServerSpecV2",
        "TeleportAppV3": "types.AppSpecV3",
        "TeleportBotV1": "teleport.machineid.v1.BotSpec",
        "TeleportWorkloadIdentityV1": "teleport.workloadidentity.v1.WorkloadIdentitySpec",
        "TeleportAutoupdateConfigV1": "teleport.autoupdate.v1.AutoUpdateConfigSpec",
        "TeleportAutoupdateVersionV1": "teleport.autoupdate.v1.AutoUpdateVersionSpec",
        "TeleportAccessList": "teleport.accesslist.v1.AccessListSpec",
    }
    login_rule = kind_spec("TeleportLoginRule")
    assert login_rule.promoted_fields == ("priority", "traits_expression", "traits_map")
    assert all(not k.promoted_fields for k in KINDS if k is not login_rule)


def test_node_kinds_carry_their_sub_kind() -> None:
    assert kind_spec("TeleportOpenSSHServerV2").sub_kind == "openssh"
    assert kind_spec("TeleportOpenSSHEICEServerV2").sub_kind == "openssh-ec2-ice"
    assert all(not k.sub_kind for k in KINDS if k.teleport_kind != "node")


def test_names_are_unique() -> None:
    names = [n for k in KINDS for n in (k.plural, k.singular, *k.short_names)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_no_name_shadows_a_builtin(kind: KindSpec) -> None:
    fake = {
        n
        for rt in builtin_types()
        for n in (rt.plural, rt.singular, rt.kind.lower(), *rt.short_names)
    }
    for name in (kind.plural, kind.singular, *kind.short_names):
        assert name not in BUILTIN_NAMES
        assert name not in fake


def test_role_has_no_short_names() -> None:
    assert kind_spec("TeleportRole").short_names == ()


def test_rows_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        KINDS[0].plural = "x"  # type: ignore[misc]


def test_unknown_kind_names_the_known_ones() -> None:
    with pytest.raises(KeyError, match="TeleportUser"):
        kind_spec("TeleportBot")


def test_conventions() -> None:
    assert FINALIZER == "resources.teleport.dev/deletion"
    assert ORIGIN_LABEL == "teleport.dev/origin"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("1", True),
        ("t", True),
        ("yes", False),
        ("false", False),
        ("", False),
        (" true", False),
        (None, False),
    ],
)
def test_annotation_flag_reads_like_go_parsebool(value: str | None, expected: bool) -> None:
    annotations = {} if value is None else {ANNOTATION_IGNORE: value}
    assert annotation_flag(annotations, ANNOTATION_IGNORE) is expected
    assert annotation_flag(None, ANNOTATION_IGNORE) is False


def test_gates_name_ping_features() -> None:
    fields = {f.name for f in types.Features.DESCRIPTOR.fields}
    assert {g for k in KINDS for g in k.gates} <= fields
    login_rule = kind_spec("TeleportLoginRule")
    assert not login_rule.enabled_by(types.Features())
    assert login_rule.enabled_by(types.Features(SAML=True))
    assert login_rule.enabled_by(types.Features(OIDC=True))
    assert kind_spec("TeleportRole").enabled_by(types.Features())
    assert not kind_spec("TeleportOktaImportRule").enabled_by(types.Features(OIDC=True))
