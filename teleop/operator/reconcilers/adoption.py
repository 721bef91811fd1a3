"""Adoption: a CR taking over a Teleport resource that no one claims (``teleport.dev/adopt``).

The Go operator refuses every existing Teleport resource without ``teleport.dev/origin:
kubernetes``; the only way to bring one under a CR is to add the label by hand
(gravitational/teleport#40209 asks for better). teleop adds an opt-in: a CR annotated
``teleport.dev/adopt: "true"`` takes over a resource of its name that carries **no** origin label
at all (created with ``tctl``, the web UI, or before the operator existed). The reconciler then
writes it with teleop's labels, records a Normal ``Adopted`` event and sets
TeleportResourceOwned=True with the reason ``Adopted``; from then on it is owned like any other.

A resource whose origin label names another manager (``teleport.dev/origin: config-file``,
``okta``, ...) is someone else's on purpose: adoption does not apply and the refusal stays, with a
message saying why. Without the annotation nothing changes.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.apis.conventions import ANNOTATION_ADOPT, ORIGIN_LABEL, annotation_flag
from teleop.operator.reconcilers import messages as msg
from teleop.operator.reconcilers.header import labels_of
from teleop.runtime import KubeObject

__all__ = ["may_adopt", "refusal_message"]


def _origin(existing: Message) -> str:
    return labels_of(existing).get(ORIGIN_LABEL) or ""


def may_adopt(existing: Message, cr: KubeObject) -> bool:
    """Whether ``cr`` may take over the unowned ``existing`` (annotated, and no origin label)."""
    annotations = (cr.get("metadata") or {}).get("annotations") or {}
    return not _origin(existing) and annotation_flag(annotations, ANNOTATION_ADOPT)


def refusal_message(what: str, name: str, existing: Message) -> str:
    """Why the unowned ``existing`` is left alone, and what to do about it."""
    origin = _origin(existing)
    if origin:
        return msg.not_adoptable(what, name, origin)
    return msg.not_owned(what, name)
