"""Which CR owns a Teleport resource, when several namespaces could name the same one.

Teleport names are cluster-global while CRs are namespaced: with ``--namespaces a,b`` or
``--all-namespaces``, ``a/admins`` and ``b/admins`` (same kind) would both write the Teleport role
``admins`` and flap it between their specs forever. So in that mode the operator records the
owning CR on the Teleport resource, in the Go operator master's labels
``resources.teleport.dev/custom-resource-namespace`` and ``…/custom-resource-name``
(``stamp_owner``), and a CR finding another CR's name there (``other_owner``) gets
TeleportResourceOwned=False/``OwnedByAnotherCR`` and is never written, nor deleted on its behalf.

A resource with the origin label but without these labels (written by teleop watching one
namespace, or by the Go operator) stays ours, for compatibility: the first CR to write it records
itself. With one watched namespace the labels are not written (two CRs of one namespace cannot
share a name), so a single-namespace deployment writes exactly what it always did; labels left
by an earlier multi-namespace run are still honoured.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message

from teleop.operator.apis.conventions import OWNER_NAME_LABEL, OWNER_NAMESPACE_LABEL
from teleop.operator.reconcilers.header import labels_of, metadata_of
from teleop.runtime import KubeObject

__all__ = [
    "REASON_OWNED_BY_ANOTHER_CR",
    "other_owner",
    "owned_by_another_cr",
    "stamp_owner",
]

REASON_OWNED_BY_ANOTHER_CR = "OwnedByAnotherCR"
"""TeleportResourceOwned=False: another CR (other namespace, same name) manages the resource."""


def _identity(cr: KubeObject) -> tuple[str, str]:
    md: dict[str, Any] = cr.get("metadata") or {}
    return str(md.get("namespace") or ""), str(md.get("name") or "")


def stamp_owner(message: Message, cr: KubeObject) -> None:
    """Record ``cr`` as the owner in ``message``'s labels."""
    namespace, name = _identity(cr)
    labels = metadata_of(message).Labels
    labels[OWNER_NAMESPACE_LABEL] = namespace
    labels[OWNER_NAME_LABEL] = name


def other_owner(resource: Message, cr: KubeObject) -> str | None:
    """``namespace/name`` of the CR recorded on ``resource`` if it is not ``cr``, else None."""
    labels = labels_of(resource)
    namespace = labels.get(OWNER_NAMESPACE_LABEL)
    name = labels.get(OWNER_NAME_LABEL)
    if namespace is None and name is None:
        return None
    if (namespace or "", name or "") == _identity(cr):
        return None
    return f"{namespace or '?'}/{name or '?'}"


def owned_by_another_cr(what: str, name: str, other: str) -> str:
    """The condition message and Warning event text for a conflicting CR."""
    return (
        f"The {what} {name!r} in Teleport is managed by the CR {other} (its "
        f"{OWNER_NAMESPACE_LABEL} and {OWNER_NAME_LABEL} labels say so); Teleport names are "
        "cluster-wide, so two CRs cannot manage one resource. Refusing to reconcile: delete or "
        "rename one of the CRs."
    )
