"""The custom resource kinds teleop serves, as one immutable table of ``KindSpec``.

Everything the CRD generator, the reconcilers and the ``teleop`` command need to know about a kind
lives in its row: Kubernetes names (kind, plural, singular, short names, served versions), the
Teleport kind and the resource version the operator writes, the generated message class, where the
spec sits in that message, the feature gate and the kind-specific printer columns. Names follow
Teleport's Go operator (``integrations/operator/crdgen/schemagen.go``): plural = ``teleport`` + the
English plural (+ version suffix), short names = ``[kind minus Teleport, plural minus teleport]``
lower-cased, except that ``role``/``roles`` are reserved (they would hijack ``kubectl get roles``,
gravitational/teleport#17587), so TeleportRole has none.

The spec message is read off the resource message (the type of its spec field) rather than named,
so the table needs only the resource classes ``teleop.teleport.types`` exports.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from google.protobuf.message import Message

from teleop.teleport import types

__all__ = [
    "GROUP",
    "KINDS",
    "KINDS_BY_NAME",
    "KindSpec",
    "PrinterColumn",
    "kind_spec",
]

GROUP = "resources.teleport.dev"
"""The API group of every teleop custom resource."""

_PLURAL_PREFIX = "teleport"
_RESERVED_SHORT_NAMES = frozenset({"role", "roles"})


@dataclass(frozen=True, slots=True)
class PrinterColumn:
    """One ``additionalPrinterColumns`` entry: what ``kubectl get`` shows for a kind."""

    name: str
    json_path: str
    type: str = "string"
    description: str = ""


@dataclass(frozen=True, slots=True)
class KindSpec:
    """One custom resource kind and the Teleport resource it manages.

    ``versions`` are the CRD versions, all served, the first one the storage version.
    ``spec_field`` names the field of ``message`` that holds the spec (``Spec`` for the legacy
    resources); when it is empty the CR spec is made of ``message``'s root fields listed in
    ``promoted_fields`` (TeleportLoginRule: ``priority``, ``traits_expression``, ``traits_map``).
    ``gates`` are field names of Ping's ``Features`` of which at least one must be enabled for
    the kind to be reconciled (empty: always; see ``enabled_by``). ``with_labels`` is the Go
    operator's adapter flavour: True when CR labels are set as the Teleport resource's static
    labels, False when only the origin label is added to what the conversion copied.
    ``sub_kind`` is the Teleport sub kind the operator writes and expects to read back (the two
    OpenSSH node kinds), empty for kinds without one. ``singleton_name``, when set, is the only
    name Teleport allows for the kind (the autoupdate config and version: Teleport holds one of
    each); a CR with another name does not decode.
    """

    kind: str
    versions: tuple[str, ...]
    plural: str
    teleport_kind: str
    teleport_version: str
    message: type[Message]
    spec_field: str = "Spec"
    promoted_fields: tuple[str, ...] = ()
    gates: tuple[str, ...] = ()
    with_labels: bool = False
    printer_columns: tuple[PrinterColumn, ...] = ()
    group: str = GROUP
    singleton_name: str = ""
    sub_kind: str = ""

    @property
    def singular(self) -> str:
        return self.kind.lower()

    @property
    def short_names(self) -> tuple[str, ...]:
        """``[kind minus Teleport, plural minus teleport]``, none when that would say role(s)."""
        names = (
            self.kind.removeprefix("Teleport").lower(),
            self.plural.removeprefix(_PLURAL_PREFIX),
        )
        return () if any(n in _RESERVED_SHORT_NAMES for n in names) else names

    @property
    def list_kind(self) -> str:
        return f"{self.kind}List"

    @property
    def storage_version(self) -> str:
        return self.versions[0]

    @property
    def api_version(self) -> str:
        """``group/storage-version``, what a CR of this kind is written with by default."""
        return f"{self.group}/{self.storage_version}"

    @property
    def crd_name(self) -> str:
        return f"{self.plural}.{self.group}"

    @property
    def file_name(self) -> str:
        """The manifest file name, as Teleport's generator names it."""
        return f"{self.group}_{self.plural.removeprefix(_PLURAL_PREFIX)}.yaml"

    def enabled_by(self, features: types.Features) -> bool:
        """Whether a Teleport reporting ``features`` (PingResponse.ServerFeatures) serves the kind."""
        return not self.gates or any(bool(getattr(features, gate)) for gate in self.gates)

    @property
    def spec_message(self) -> type[Message]:
        """The message the CR's ``spec`` decodes into (``message`` itself for promoted fields)."""
        if not self.spec_field:
            return self.message
        spec_type: type[Message] = type(getattr(self.message(), self.spec_field))
        return spec_type


_DISPLAY = PrinterColumn("Display", ".spec.display", description="Name shown on the login page.")
_PRIORITY = PrinterColumn(
    "Priority", ".spec.priority", "integer", "Evaluation order; lower runs first."
)
_ADDRESS = PrinterColumn("Address", ".spec.addr", description="host:port of the SSH server.")
_HOSTNAME = PrinterColumn("Hostname", ".spec.hostname", description="Hostname shown to users.")

KINDS: tuple[KindSpec, ...] = (
    KindSpec(
        kind="TeleportUser",
        plural="teleportusers",
        versions=("v2",),
        teleport_kind="user",
        teleport_version="v2",
        message=types.UserV2,
        with_labels=True,
        printer_columns=(
            PrinterColumn("Roles", ".spec.roles", description="Teleport roles of this user."),
        ),
    ),
    KindSpec(
        kind="TeleportRole",
        plural="teleportroles",
        versions=("v5", "v6"),
        teleport_kind="role",
        teleport_version="v5",
        message=types.RoleV6,
        with_labels=True,
    ),
    KindSpec(
        kind="TeleportRoleV6",
        plural="teleportrolesv6",
        versions=("v1",),
        teleport_kind="role",
        teleport_version="v6",
        message=types.RoleV6,
        with_labels=True,
    ),
    KindSpec(
        kind="TeleportRoleV7",
        plural="teleportrolesv7",
        versions=("v1",),
        teleport_kind="role",
        teleport_version="v7",
        message=types.RoleV6,
        with_labels=True,
    ),
    KindSpec(
        kind="TeleportRoleV8",
        plural="teleportrolesv8",
        versions=("v1",),
        teleport_kind="role",
        teleport_version="v8",
        message=types.RoleV6,
        with_labels=True,
    ),
    KindSpec(
        kind="TeleportProvisionToken",
        plural="teleportprovisiontokens",
        versions=("v2",),
        teleport_kind="token",
        teleport_version="v2",
        message=types.ProvisionTokenV2,
        printer_columns=(
            PrinterColumn("Join Method", ".spec.join_method", description="Token join method."),
            PrinterColumn(
                "System Roles", ".spec.roles", description="System roles granted by this token."
            ),
        ),
    ),
    KindSpec(
        kind="TeleportGithubConnector",
        plural="teleportgithubconnectors",
        versions=("v3",),
        teleport_kind="github",
        teleport_version="v3",
        message=types.GithubConnectorV3,
        printer_columns=(_DISPLAY,),
    ),
    KindSpec(
        kind="TeleportSAMLConnector",
        plural="teleportsamlconnectors",
        versions=("v2",),
        teleport_kind="saml",
        teleport_version="v2",
        message=types.SAMLConnectorV2,
        gates=("SAML",),
        printer_columns=(_DISPLAY,),
    ),
    KindSpec(
        kind="TeleportOIDCConnector",
        plural="teleportoidcconnectors",
        versions=("v3",),
        teleport_kind="oidc",
        teleport_version="v3",
        message=types.OIDCConnectorV3,
        gates=("OIDC",),
        printer_columns=(
            _DISPLAY,
            PrinterColumn("Issuer", ".spec.issuer_url", description="OIDC issuer URL."),
        ),
    ),
    KindSpec(
        kind="TeleportLoginRule",
        plural="teleportloginrules",
        versions=("v1",),
        teleport_kind="login_rule",
        teleport_version="v1",
        message=types.LoginRule,
        spec_field="",
        promoted_fields=("priority", "traits_expression", "traits_map"),
        gates=("OIDC", "SAML"),
        printer_columns=(_PRIORITY,),
    ),
    KindSpec(
        kind="TeleportOktaImportRule",
        plural="teleportoktaimportrules",
        versions=("v1",),
        teleport_kind="okta_import_rule",
        teleport_version="v1",
        message=types.OktaImportRuleV1,
        gates=("AdvancedAccessWorkflows",),
        with_labels=True,
        printer_columns=(_PRIORITY,),
    ),
    KindSpec(
        kind="TeleportBotV1",
        plural="teleportbotsv1",
        versions=("v1",),
        teleport_kind="bot",
        teleport_version="v1",
        message=types.Bot,
        spec_field="spec",
    ),
    KindSpec(
        kind="TeleportWorkloadIdentityV1",
        plural="teleportworkloadidentitiesv1",
        versions=("v1",),
        teleport_kind="workload_identity",
        teleport_version="v1",
        message=types.WorkloadIdentity,
        spec_field="spec",
        printer_columns=(
            PrinterColumn(
                "SPIFFE ID", ".spec.spiffe.id", description="Path of the SPIFFE ID issued."
            ),
        ),
    ),
    KindSpec(
        kind="TeleportAutoupdateConfigV1",
        plural="teleportautoupdateconfigsv1",
        versions=("v1",),
        teleport_kind="autoupdate_config",
        teleport_version="v1",
        message=types.AutoUpdateConfig,
        spec_field="spec",
        singleton_name="autoupdate-config",
    ),
    KindSpec(
        kind="TeleportAutoupdateVersionV1",
        plural="teleportautoupdateversionsv1",
        versions=("v1",),
        teleport_kind="autoupdate_version",
        teleport_version="v1",
        message=types.AutoUpdateVersion,
        spec_field="spec",
        singleton_name="autoupdate-version",
    ),
    KindSpec(
        kind="TeleportAccessList",
        plural="teleportaccesslists",
        versions=("v1",),
        teleport_kind="access_list",
        teleport_version="v1",
        message=types.AccessList,
        spec_field="spec",
        gates=("AdvancedAccessWorkflows",),
        with_labels=True,
        printer_columns=(
            PrinterColumn("Title", ".spec.title", description="Title shown to users."),
        ),
    ),
    KindSpec(
        kind="TeleportLock",
        plural="teleportlocks",
        versions=("v2",),
        teleport_kind="lock",
        teleport_version="v2",
        message=types.LockV2,
        printer_columns=(
            PrinterColumn("User", ".spec.target.user", description="User the lock applies to."),
            PrinterColumn("Message", ".spec.message", description="Shown to locked-out users."),
            PrinterColumn("Expires", ".spec.expires", "date", "When the lock stops applying."),
        ),
    ),
    KindSpec(
        kind="TeleportAppV3",
        plural="teleportappsv3",
        versions=("v1",),
        teleport_kind="app",
        teleport_version="v3",
        message=types.AppV3,
        with_labels=True,
        printer_columns=(
            PrinterColumn("URI", ".spec.uri", description="Where the app agent reaches the app."),
            PrinterColumn("Public Address", ".spec.public_addr", description="Address users open."),
        ),
    ),
    KindSpec(
        kind="TeleportOpenSSHServerV2",
        plural="teleportopensshserversv2",
        versions=("v1",),
        teleport_kind="node",
        teleport_version="v2",
        message=types.ServerV2,
        with_labels=True,
        sub_kind="openssh",
        printer_columns=(_ADDRESS, _HOSTNAME),
    ),
    KindSpec(
        kind="TeleportOpenSSHEICEServerV2",
        plural="teleportopenssheiceserversv2",
        versions=("v1",),
        teleport_kind="node",
        teleport_version="v2",
        message=types.ServerV2,
        with_labels=True,
        sub_kind="openssh-ec2-ice",
        printer_columns=(
            _ADDRESS,
            _HOSTNAME,
            PrinterColumn(
                "Instance", ".spec.cloud_metadata.aws.instance_id", description="EC2 instance ID."
            ),
        ),
    ),
    KindSpec(
        kind="TeleportTrustedClusterV2",
        plural="teleporttrustedclustersv2",
        versions=("v1",),
        teleport_kind="trusted_cluster",
        teleport_version="v2",
        message=types.TrustedClusterV2,
        printer_columns=(
            PrinterColumn("Enabled", ".spec.enabled", "boolean", "Whether the trust is active."),
            PrinterColumn(
                "Proxy", ".spec.web_proxy_addr", description="Web proxy of the root cluster."
            ),
        ),
    ),
    KindSpec(
        kind="TeleportDatabaseV3",
        plural="teleportdatabasesv3",
        versions=("v1",),
        teleport_kind="db",
        teleport_version="v3",
        message=types.DatabaseV3,
        with_labels=True,
        printer_columns=(
            PrinterColumn("Protocol", ".spec.protocol", description="Database protocol."),
            PrinterColumn("URI", ".spec.uri", description="Where the database agent connects."),
        ),
    ),
)
"""Every kind teleop serves, in the order the manifests list them."""

KINDS_BY_NAME: Mapping[str, KindSpec] = MappingProxyType({k.kind: k for k in KINDS})
"""``KINDS`` keyed by CR kind (``TeleportRoleV7``)."""


def kind_spec(kind: str) -> KindSpec:
    """The row for CR kind ``kind``; KeyError names the kinds that exist."""
    try:
        return KINDS_BY_NAME[kind]
    except KeyError:
        raise KeyError(f"unknown kind {kind!r}; known: {', '.join(KINDS_BY_NAME)}") from None
