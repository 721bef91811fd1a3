"""Object metadata rules shared by every write: names, timestamps, generation, finalizers.

These are the ObjectMeta behaviours kube-apiserver applies to all kinds (``ValidateObjectMeta``,
``ValidateObjectMetaUpdate`` and the generic registry store), kept separate from the request
flow in ``writes.py`` so that each rule is one small function with one test.
"""

from __future__ import annotations

import re
import secrets
import uuid
from datetime import UTC, datetime
from typing import Any

from teleop.testing.fakekube.errors import Cause

__all__ = [
    "canonical",
    "finalizer_causes",
    "finalizer_warnings",
    "generate_name",
    "name_causes",
    "rfc3339",
    "spec_view",
]

_DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
_STANDARD_FINALIZERS = frozenset({"kubernetes", "orphan", "foregroundDeletion"})
_ALNUM = "bcdfghjklmnpqrstvwxz2456789"


def rfc3339(when: datetime) -> str:
    """A metav1.Time: whole seconds, UTC, ``Z``."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_uid() -> str:
    return str(uuid.uuid4())


def generate_name(prefix: str) -> str:
    """``generateName`` + 5 random characters from the same alphabet the real server uses."""
    return prefix + "".join(secrets.choice(_ALNUM) for _ in range(5))


def canonical(obj: dict[str, Any], api_version: str, kind: str) -> dict[str, Any]:
    """The object with ``apiVersion``, ``kind``, ``metadata`` first (stored bytes rely on it)."""
    out: dict[str, Any] = {"apiVersion": api_version, "kind": kind, "metadata": obj["metadata"]}
    for k, v in obj.items():
        if k not in out:
            out[k] = v
    return out


def spec_view(obj: dict[str, Any], *, has_status: bool) -> dict[str, Any]:
    """What counts as spec for generation: all but metadata (and status with a subresource)."""
    skip = {"metadata", "apiVersion", "kind"}
    if has_status:
        skip.add("status")
    return {k: v for k, v in obj.items() if k not in skip}


def name_causes(name: str) -> list[Cause]:
    if not name:
        return [
            Cause(
                "FieldValueRequired",
                "Required value: name or generateName is required",
                "metadata.name",
            )
        ]
    if len(name) > 253 or not _DNS_SUBDOMAIN.match(name):
        return [
            Cause(
                "FieldValueInvalid",
                f'Invalid value: "{name}": a lowercase RFC 1123 subdomain must consist of lower '
                "case alphanumeric characters, '-' or '.', and must start and end with an "
                "alphanumeric character",
                "metadata.name",
            )
        ]
    return []


def finalizer_warnings(finalizers: list[str]) -> list[str]:
    """kube-apiserver warns about finalizers that are not domain-qualified paths."""
    return [
        f'metadata.finalizers: "{f}": prefer a domain-qualified finalizer name including a path '
        "(/) to avoid accidental conflicts with other finalizer writers"
        for f in finalizers
        if "/" not in f and f not in _STANDARD_FINALIZERS
    ]


def finalizer_causes(old: dict[str, Any], new: dict[str, Any]) -> list[Cause]:
    """No new finalizers once deletionTimestamp is set (``ValidateObjectMetaUpdate``)."""
    if not old["metadata"].get("deletionTimestamp"):
        return []
    before = set(old["metadata"].get("finalizers") or [])
    extra = sorted(set(new["metadata"].get("finalizers") or []) - before)
    if not extra:
        return []
    listed = ", ".join(f'"{f}"' for f in extra)
    return [
        Cause(
            "FieldValueForbidden",
            "Forbidden: no new finalizers can be added if the object is being deleted, "
            f"found new finalizers []string{{{listed}}}",
            "metadata.finalizers",
        )
    ]
