"""A CR's status as one value: conditions, observedGeneration, teleportRevision, appliedHash.

The Go operator writes each condition with its own ``Status().Update``, several API writes per
reconcile. teleop computes the whole new status first (``StatusBuilder``), then writes it with one
merge patch on ``/status``, and only when it differs from the cached status (``status_patch``
returns None). ``set_condition`` behaves like ``meta.SetStatusCondition``: the
``lastTransitionTime`` changes only when the condition's status flips, so an unchanged CR yields an
identical status and no write.

Messages are cut to the 32768 characters ``metav1.Condition`` allows.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from teleop.operator.apis import conditions as c
from teleop.runtime import KubeClient, KubeObject, PatchType, ResourceType

__all__ = [
    "MAX_MESSAGE",
    "StatusBuilder",
    "find_condition",
    "format_time",
    "set_condition",
    "status_patch",
    "write_status",
]

MAX_MESSAGE = 32768
_ELLIPSIS = " …"


def format_time(now: datetime) -> str:
    """RFC 3339 in UTC with second precision, as metav1.Time serializes."""
    return now.strftime("%Y-%m-%dT%H:%M:%SZ")


def truncate(message: str) -> str:
    if len(message) <= MAX_MESSAGE:
        return message
    return message[: MAX_MESSAGE - len(_ELLIPSIS)] + _ELLIPSIS


def find_condition(conditions: list[dict[str, Any]], type_: str) -> dict[str, Any] | None:
    return next((cond for cond in conditions if cond.get("type") == type_), None)


def set_condition(
    conditions: list[dict[str, Any]],
    type_: str,
    status: str,
    reason: str,
    message: str,
    *,
    now: str,
    generation: int | None = None,
) -> None:
    """Set one condition in place; ``lastTransitionTime`` moves only when ``status`` flips."""
    new: dict[str, Any] = {
        "type": type_,
        "status": status,
        "reason": reason,
        "message": truncate(message),
        "lastTransitionTime": now,
    }
    if generation is not None:
        new["observedGeneration"] = generation
    old = find_condition(conditions, type_)
    if old is None:
        conditions.append(new)
        return
    if old.get("status") == status and old.get("lastTransitionTime"):
        new["lastTransitionTime"] = old["lastTransitionTime"]
    old.clear()
    old.update(new)


class StatusBuilder:
    """The new status of one CR, starting from its cached status (which it never mutates)."""

    def __init__(self, cr: KubeObject, now: datetime) -> None:
        self.old: dict[str, Any] = copy.deepcopy(cr.get("status") or {})
        self.new: dict[str, Any] = copy.deepcopy(self.old)
        self.generation: int | None = (cr.get("metadata") or {}).get("generation")
        self.now = format_time(now)
        self.new.setdefault("conditions", [])
        if self.generation is not None:
            self.new["observedGeneration"] = self.generation

    @property
    def conditions(self) -> list[dict[str, Any]]:
        conds: list[dict[str, Any]] = self.new["conditions"]
        return conds

    def set(self, type_: str, ok: bool, reason: str, message: str) -> None:
        status = c.STATUS_TRUE if ok else c.STATUS_FALSE
        set_condition(
            self.conditions,
            type_,
            status,
            reason,
            message,
            now=self.now,
            generation=self.generation,
        )

    def keep_if_true(self, type_: str) -> bool:
        """If condition ``type_`` is True, keep its reason and message (refreshing its
        observedGeneration) and return True; else return False."""
        cond = find_condition(self.conditions, type_)
        if cond is None or cond.get("status") != c.STATUS_TRUE:
            return False
        self.set(type_, True, str(cond.get("reason")), str(cond.get("message", "")))
        return True

    def ready(self, ok: bool, reason: str, message: str) -> None:
        self.set(c.CONDITION_READY, ok, reason, message)

    def applied(self, revision: str, hash_: str) -> None:
        self.new["teleportRevision"] = revision
        self.new["appliedHash"] = hash_

    @property
    def applied_hash(self) -> str | None:
        value = self.old.get("appliedHash")
        return value if isinstance(value, str) else None

    @property
    def applied_revision(self) -> str | None:
        value = self.old.get("teleportRevision")
        return value if isinstance(value, str) else None

    def patch(self) -> dict[str, Any] | None:
        return status_patch(self.old, self.new)


def status_patch(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any] | None:
    """The merge patch turning status ``old`` into ``new``; None when they are equal."""
    if dict(old) == dict(new):
        return None
    body: dict[str, Any] = dict(new)
    for key in old:
        if key not in new:
            body[key] = None
    return {"status": body}


async def write_status(
    client: KubeClient, rt: ResourceType, cr: KubeObject, builder: StatusBuilder
) -> KubeObject | None:
    """Write the builder's status if it changed (one merge patch on /status).

    Returns the object the API server answered with, or None when nothing was written.
    """
    patch = builder.patch()
    if patch is None:
        return None
    md = cr.get("metadata") or {}
    return await client.patch(
        rt,
        md["name"],
        patch,
        namespace=md.get("namespace"),
        patch_type=PatchType.MERGE,
        subresource="status",
    )
