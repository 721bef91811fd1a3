"""Role validation and defaults, as Teleport's ``RoleV6.CheckAndSetDefaults`` applies them.

An operator writes a role and reads it back; whatever Teleport fills in on the way shows up as a
difference, so the fake must fill in the same things (``api/types/role.go``):

- every version: ``kind`` = ``role``; options ``cert_format`` = ``standard``,
  ``max_session_ttl`` = 30h when unset or not positive, ``enhanced_recording`` =
  [``command``, ``network``], ``record_session`` = {desktop: true, default: ``best_effort``},
  ``desktop_clipboard``, ``desktop_directory_sharing`` and ``ssh_file_copy`` = true,
  ``create_desktop_user`` and ``create_db_user`` = false, ``idp.saml.enabled`` = true for v7 and
  older; allow/deny ``namespaces`` = [``default``] when unset;
- v3: node labels ``{*: *}`` when there are logins (else empty), app/kube/db labels ``{*: *}``;
- v3, v4, v5: ``allow.kubernetes_resources`` = [{kind: pod, namespace: *, name: *}] when the role
  matches Kubernetes clusters by label and lists none;
- v3 to v6: every Kubernetes resource without verbs gets verbs [``*``];
- v7: ``allow.kubernetes_resources`` = [{kind: *, namespace: *, name: *, verbs: [*]}] when it
  matches clusters and lists none; v8 the same plus ``api_group: *``;
- any other version: ``unrecognized role version``.

Validation keeps Teleport's messages for what an operator can hit: unknown enum values, bad
``enhanced_recording`` and ``lock`` options, wildcard logins, rules without resources or verbs.
"""

from __future__ import annotations

from typing import Any

from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.validation import check_enums

__all__ = ["MAX_CERT_DURATION_NS", "ROLE_VERSIONS", "check_and_set_role_defaults"]

MAX_CERT_DURATION_NS = 30 * 3600 * 10**9
ROLE_VERSIONS = ("v3", "v4", "v5", "v6", "v7", "v8")
_LEGACY_SAML_RBAC = ("v1", "v2", "v3", "v4", "v5", "v6", "v7")
_BPF_EVENTS = ("command", "disk", "network")


def _set_labels(labels: Any, values: dict[str, list[str]]) -> None:
    labels.Values.clear()
    for key, vals in values.items():
        labels.Values[key].Values.extend(vals)


def _has_kube_matchers(cond: Any) -> bool:
    return bool(len(cond.KubernetesLabels.Values) or cond.KubernetesLabelsExpression)


def check_and_set_role_defaults(role: Any) -> None:
    """Validate ``role`` (a ``types.RoleV6``) in place and fill in Teleport's defaults."""
    role.Kind = "role"
    version = role.Version
    if version not in ROLE_VERSIONS:
        raise BadParameter(f"unrecognized role version: {version}")
    check_enums(role, "role")
    spec = role.Spec
    opts = spec.Options
    if not opts.CertificateFormat:
        opts.CertificateFormat = "standard"
    if opts.MaxSessionTTL <= 0:
        opts.MaxSessionTTL = MAX_CERT_DURATION_NS
    if not opts.BPF:
        opts.BPF.extend(["command", "network"])
    if not opts.HasField("RecordSession"):
        opts.RecordSession.Desktop.Value = True
        opts.RecordSession.Default = "best_effort"
    for name, default in (
        ("DesktopClipboard", True),
        ("DesktopDirectorySharing", True),
        ("CreateDesktopUser", False),
        ("CreateDatabaseUser", False),
        ("SSHFileCopy", True),
    ):
        if not opts.HasField(name):
            getattr(opts, name).Value = default
    if not opts.HasField("IDP") and version in _LEGACY_SAML_RBAC:
        opts.IDP.SAML.Enabled.Value = True
    if not spec.Allow.Namespaces:
        spec.Allow.Namespaces.append("default")
    if not spec.Deny.Namespaces:
        spec.Deny.Namespaces.append("default")

    allow = spec.Allow
    if version == "v3":
        if not spec.Allow.HasField("NodeLabels"):
            _set_labels(allow.NodeLabels, {"*": ["*"]} if allow.Logins else {})
        for field in ("AppLabels", "KubernetesLabels", "DatabaseLabels"):
            if not allow.HasField(field):
                _set_labels(getattr(allow, field), {"*": ["*"]})
    if (
        version in ("v3", "v4", "v5")
        and not allow.KubernetesResources
        and _has_kube_matchers(allow)
    ):
        allow.KubernetesResources.add(Kind="pod", Namespace="*", Name="*")
    if version in ("v3", "v4", "v5", "v6"):
        for cond in (spec.Allow, spec.Deny):
            for res in cond.KubernetesResources:
                if not res.Verbs:
                    res.Verbs.append("*")
    elif not allow.KubernetesResources and _has_kube_matchers(allow):
        res = allow.KubernetesResources.add(Kind="*", Namespace="*", Name="*", Verbs=["*"])
        if version == "v8":
            res.APIGroup = "*"

    for opt in opts.BPF:
        if opt not in _BPF_EVENTS:
            raise BadParameter(f"invalid value for role option enhanced_recording: {opt}")
    if opts.Lock not in ("", "best_effort", "strict"):
        raise BadParameter(f"invalid value for role option lock: {opts.Lock}")
    if "*" in allow.Logins:
        raise BadParameter("wildcard matcher is not allowed in logins")
    for side, cond in (("allow", spec.Allow), ("deny", spec.Deny)):
        for i, rule in enumerate(cond.Rules):
            if not rule.Resources:
                raise BadParameter(
                    f"failed to process '{side}' rule {i}: missing resources to match"
                )
            if not rule.Verbs:
                raise BadParameter(f"failed to process '{side}' rule {i}: missing verbs")
