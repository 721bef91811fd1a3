"""One Teleport resource → one CR manifest that adopts it, or the reason it cannot.

The manifest is what ``build_desired`` reads back into the same message: ``apiVersion``/``kind``
from the kind's ``KINDS`` row, ``metadata.name`` = the Teleport name, the Teleport labels as CR
labels, the description as the ``description`` annotation, ``teleport.dev/adopt: "true"`` so the
operator takes the existing resource over, and the spec in Teleport's JSON form
(``teleop.teleport.convert.encode``) with the fields Teleport manages itself cleared (the kind's
adapter says which: a user's ``created_by`` and ``status``, a token's ``status``).

Left out of the labels: ``teleport.dev/origin`` and the owner labels (the operator sets them) and
every ``teleport.internal/`` label. A resource is skipped, with its reason, when no CR can carry
it faithfully: a name that is not a Kubernetes object name (``alice@example.com``), a label that
is not a valid Kubernetes label, or an expiry (CRs have none, so adopting would make it
permanent). Secrets never reach a manifest: a connector's ``client_secret`` becomes
``secret://<name>-client-secret/client_secret`` and a note says which Secret to create; a SAML
connector's signing key is not returned by Teleport, so its manifest carries only the
certificate and a note says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from google.protobuf.message import Message

from teleop.operator.apis import KindSpec
from teleop.operator.apis.conventions import (
    ANNOTATION_ADOPT,
    ANNOTATION_DESCRIPTION,
    ORIGIN_LABEL,
    OWNER_NAME_LABEL,
    OWNER_NAMESPACE_LABEL,
    SECRET_SCHEME,
)
from teleop.operator.reconcilers.header import labels_of, metadata_of
from teleop.teleport.convert import encode

__all__ = ["INTERNAL_LABEL_PREFIX", "Converted", "is_internal", "to_manifest"]

INTERNAL_LABEL_PREFIX = "teleport.internal/"
_OPERATOR_LABELS = frozenset({ORIGIN_LABEL, OWNER_NAMESPACE_LABEL, OWNER_NAME_LABEL})
_K8S_NAME = re.compile(r"[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")
_LABEL_PART = re.compile(r"([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?")
_LABEL_PREFIX = re.compile(r"[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")
_CLIENT_SECRET_KINDS = frozenset({"github", "oidc"})


@dataclass
class Converted:
    """The manifest (None when skipped), why it was skipped, and notes for the user."""

    manifest: dict[str, Any] | None
    skipped: str = ""
    notes: list[str] = field(default_factory=list)


def is_internal(labels: dict[str, str]) -> bool:
    """Whether Teleport marks the resource as its own (bots, presets, system resources)."""
    return any(key.startswith(INTERNAL_LABEL_PREFIX) for key in labels)


def _label_problem(key: str, value: str) -> str | None:
    prefix, _, name = key.rpartition("/")
    if (
        (prefix and not _LABEL_PREFIX.fullmatch(prefix))
        or not name
        or not _LABEL_PART.fullmatch(name)
    ):
        return f"the label key {key!r} is not a valid Kubernetes label key"
    if not _LABEL_PART.fullmatch(value):
        return f"the label {key}={value!r} has a value Kubernetes labels cannot hold"
    return None


def _has_expiry(md: Any) -> bool:
    raw = getattr(md, "message", md)  # a header.v1 view wraps the message
    fields = raw.DESCRIPTOR.fields_by_name
    return any(f in fields and raw.HasField(f) for f in ("Expires", "expires"))


def _spec_of(kind: KindSpec, message: Message) -> dict[str, Any]:
    if kind.spec_field:
        return encode(getattr(message, kind.spec_field))
    whole = encode(message)
    return {key: whole[key] for key in kind.promoted_fields if key in whole}


def to_manifest(
    kind: KindSpec,
    message: Message,
    *,
    namespace: str | None = None,
    clear_server_fields: Any = None,
) -> Converted:
    """The CR manifest adopting ``message`` (see the module docstring)."""
    md = metadata_of(message)
    name = md.Name
    where = f"{kind.teleport_kind.replace('_', ' ')} {name!r}"
    if not _K8S_NAME.fullmatch(name):
        return Converted(None, f"{where}: the name is not a valid Kubernetes object name")
    if _has_expiry(md):
        return Converted(
            None, f"{where}: it expires, and a CR has no expiry (adopting would make it permanent)"
        )
    labels = {k: v for k, v in labels_of(message).items() if k not in _OPERATOR_LABELS}
    labels = {k: v for k, v in labels.items() if not k.startswith(INTERNAL_LABEL_PREFIX)}
    for key, value in sorted(labels.items()):
        problem = _label_problem(key, value)
        if problem is not None:
            return Converted(None, f"{where}: {problem}")

    copy = type(message)()
    copy.CopyFrom(message)
    if clear_server_fields is not None:
        clear_server_fields(copy)
    spec = _spec_of(kind, copy)
    notes: list[str] = []
    if kind.teleport_kind in _CLIENT_SECRET_KINDS:
        secret = f"{name}-client-secret"
        spec["client_secret"] = f"{SECRET_SCHEME}{secret}/client_secret"
        notes.append(
            f"{where}: create the Secret {secret!r} with the key client_secret and the "
            f"annotation resources.teleport.dev/allow-lookup-from-cr: {name!r} before applying "
            "(Teleport does not hand out the client secret)"
        )
    if kind.teleport_kind == "saml" and "signing_key_pair" in spec:
        spec["signing_key_pair"].pop("private_key", None)
        notes.append(
            f"{where}: Teleport does not return the SAML signing key, so the manifest holds "
            "only its certificate; review spec.signing_key_pair before applying"
        )

    metadata: dict[str, Any] = {"name": name}
    if namespace:
        metadata["namespace"] = namespace
    if labels:
        metadata["labels"] = dict(sorted(labels.items()))
    annotations = {ANNOTATION_ADOPT: "true"}
    if md.Description:
        annotations[ANNOTATION_DESCRIPTION] = md.Description
    metadata["annotations"] = annotations
    manifest = {
        "apiVersion": kind.api_version,
        "kind": kind.kind,
        "metadata": metadata,
        "spec": spec,
    }
    return Converted(manifest, notes=notes)
