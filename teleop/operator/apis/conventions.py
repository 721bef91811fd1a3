"""Finalizer, annotations and labels by which teleop's CRs and Teleport resources are marked.

The values are the Go operator's (``apis/resources/constants.go``, ``types.OriginLabel``), so a
cluster can move between it and teleop without touching its CRs, Secrets or Teleport resources.
``adopt`` is teleop's addition (gravitational/teleport#40209 asks for it): it lets the operator
take over a Teleport resource that lacks the origin label. Boolean annotations are read like Go's
``strconv.ParseBool``, where an unparsable value counts as false.
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = [
    "ANNOTATION_ADOPT",
    "ANNOTATION_DESCRIPTION",
    "ANNOTATION_IGNORE",
    "ANNOTATION_KEEP",
    "ANNOTATION_SECRET_LOOKUP",
    "FINALIZER",
    "ORIGIN_KUBERNETES",
    "ORIGIN_LABEL",
    "OWNER_NAMESPACE_LABEL",
    "OWNER_NAME_LABEL",
    "SECRET_SCHEME",
    "annotation_flag",
]

FINALIZER = "resources.teleport.dev/deletion"
"""On every CR teleop manages, so the Teleport resource is deleted before the CR goes away."""

ANNOTATION_IGNORE = "teleport.dev/ignore"
"""``true``: leave the CR alone (no Teleport calls); deleting it only removes the finalizer."""
ANNOTATION_KEEP = "teleport.dev/keep"
"""``true``: deleting the CR leaves the Teleport resource in place."""
ANNOTATION_ADOPT = "teleport.dev/adopt"
"""``true``: take over an existing Teleport resource that lacks the origin label."""
ANNOTATION_DESCRIPTION = "description"
"""Copied into the Teleport resource's ``metadata.description``."""

ORIGIN_LABEL = "teleport.dev/origin"
ORIGIN_KUBERNETES = "kubernetes"
"""``teleport.dev/origin: kubernetes`` on a Teleport resource marks it as the operator's."""
OWNER_NAMESPACE_LABEL = "resources.teleport.dev/custom-resource-namespace"
OWNER_NAME_LABEL = "resources.teleport.dev/custom-resource-name"
"""The CR that owns a Teleport resource (the Go operator master's label names). Teleport names are
cluster-global while CRs are namespaced, so when teleop watches several namespaces it records the
owning CR here and refuses a second CR that names the same Teleport resource."""

ANNOTATION_SECRET_LOOKUP = "resources.teleport.dev/allow-lookup-from-cr"
"""On a Secret: ``*`` or a comma list of CR names allowed to read it through ``secret://``."""
SECRET_SCHEME = "secret://"
"""A spec value ``secret://<secret-name>/<key>`` is replaced by that Secret key's value."""

_TRUE = frozenset({"1", "t", "T", "TRUE", "true", "True"})


def annotation_flag(annotations: Mapping[str, str] | None, key: str) -> bool:
    """Whether ``annotations[key]`` is true as Go's ParseBool reads it (absent or bad: False)."""
    return (annotations or {}).get(key) in _TRUE
