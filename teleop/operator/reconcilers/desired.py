"""The Teleport message a CR asks for, built like the Go operator's ``ToTeleport``.

kind and version come from the kind's table row (roles: the version their CR kind implies),
``metadata.name`` is the CR's name, ``metadata.labels`` are the CR's labels plus
``teleport.dev/origin: kubernetes``, ``metadata.description`` is the CR's ``description``
annotation, and the spec is the CR's ``spec`` decoded strictly (an unknown field is an error).
Kinds whose spec fields sit at the message root (login rules) take only their promoted fields.
Singleton kinds (``KindSpec.singleton_name``: the autoupdate config and version) accept only
their fixed name.

Errors are ``ConversionError`` naming the offending path (``spec.allow.rules[0].verbs: ...``).
"""

from __future__ import annotations

import re
from typing import Any

from google.protobuf.message import Message

from teleop.operator.apis import KindSpec
from teleop.operator.apis.conventions import ANNOTATION_DESCRIPTION, ORIGIN_KUBERNETES, ORIGIN_LABEL
from teleop.operator.reconcilers.header import metadata_of, stamp_kind_version
from teleop.runtime import KubeObject
from teleop.teleport.convert import ConversionError, Converter, decode

__all__ = ["build_desired", "check_name"]

# Teleport refuses names with path separators or whitespace and longer than a DNS subdomain;
# Kubernetes names are stricter already, this guards what reaches Teleport anyway.
_NAME = re.compile(r"^[^\s/\\]{1,253}$")


def check_name(name: str) -> None:
    if not _NAME.match(name):
        raise ConversionError("metadata.name", f"{name!r} is not a valid Teleport resource name")


def build_desired(kind: KindSpec, cr: KubeObject, *, converter: Converter | None = None) -> Message:
    """The resource ``cr`` describes; raises ConversionError.

    ``converter`` keeps the spec messages' JSON plans between calls (the reconciler passes its own).
    """
    md: dict[str, Any] = cr.get("metadata") or {}
    name: str = md.get("name") or ""
    check_name(name)
    if kind.singleton_name and name != kind.singleton_name:
        raise ConversionError(
            "metadata.name",
            f"must be {kind.singleton_name!r}: Teleport holds a single {kind.teleport_kind}, "
            "always named so; rename the CR",
        )
    spec = cr.get("spec")
    if spec is None:
        spec = {}
    if not isinstance(spec, dict):
        raise ConversionError("spec", "expected object")
    message = kind.message()
    if kind.spec_field:
        getattr(message, kind.spec_field).CopyFrom(
            decode(spec, kind.spec_message, path="spec", converter=converter)
        )
    else:
        for key in spec:
            if key not in kind.promoted_fields:
                raise ConversionError(f"spec.{key}", "unknown field")
        message.CopyFrom(decode(spec, kind.message, path="spec", converter=converter))
    stamp_kind_version(message, kind.teleport_kind, kind.teleport_version)
    meta = metadata_of(message)
    meta.Name = name
    labels = dict(md.get("labels") or {})
    labels[ORIGIN_LABEL] = ORIGIN_KUBERNETES
    meta.Labels.update(labels)
    description = (md.get("annotations") or {}).get(ANNOTATION_DESCRIPTION)
    if description:
        meta.Description = description
    return message
