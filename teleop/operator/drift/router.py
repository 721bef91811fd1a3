"""``EventRouter``: from a Teleport watch event to the CRs whose reconcile it calls for.

A CR's name is its Teleport resource's name, in every namespace teleop watches. For an event
about ``kind``/``name`` the router asks each reconciled CR kind serving that Teleport kind (three
CR kinds make roles) for a CR of that name: through the owner labels when the resource carries
them (``resources.teleport.dev/custom-resource-namespace``/``-name``, stamped when several
namespaces are watched), else with a direct cache lookup in each watched namespace, else (every
namespace watched) by scanning the cache for the name.

It skips what needs no reconcile, so the live path never loops on teleop's own writes:

- no CR of that name, or the CR is being deleted (its finalizer deletes the resource itself);
- a put whose revision is the one teleop last wrote for that CR (the reconciler's memory of its
  writes, or ``status.teleportRevision`` in the cache): that event is our own write. (When the
  event overtakes the write's own answer, the CR is enqueued once more; that reconcile finds
  nothing to write, since the revision is the one it just recorded.)

Everything else (a put with another revision, a delete of a resource whose CR still exists) is
enqueued on that kind's controller; the reconciler decides whether anything must be written.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from google.protobuf.message import Message

from teleop.operator.reconcilers.header import metadata_of
from teleop.runtime import KubeObject, Request
from teleop.teleport import types

__all__ = ["ChangeEvent", "EventRouter", "RouteTarget", "change_of"]

_OWNER_NAMESPACE = "resources.teleport.dev/custom-resource-namespace"
_OWNER_NAME = "resources.teleport.dev/custom-resource-name"
_MEMBERS = {
    "Role": "role",
    "User": "user",
    "ProvisionToken": "token",
    "OktaImportRule": "okta_import_rule",
}


class _Lister(Protocol):
    def get(self, namespace: str | None, name: str) -> KubeObject | None: ...

    def list(self, namespace: str | None = None) -> list[KubeObject]: ...


class _Enqueuer(Protocol):
    def enqueue(self, request: Request) -> None: ...


class _Written(Protocol):
    def __call__(self, namespace: str, name: str) -> str | None: ...


@dataclass(frozen=True, slots=True)
class RouteTarget:
    """One reconciled CR kind: its Teleport kind, cache, controller and write memory."""

    teleport_kind: str
    cr_kind: str
    lister: _Lister
    controller: _Enqueuer
    written_revision: _Written


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """What the router needs from a ``proto.Event``."""

    deleted: bool
    kind: str
    name: str
    revision: str
    labels: dict[str, str]


def change_of(event: types.Event) -> ChangeEvent | None:
    """The change a PUT or DELETE event describes (None for INIT and unknown members)."""
    if event.Type == types.INIT:
        return None
    member = event.WhichOneof("Resource")
    if member is None:
        return None
    resource: Message = getattr(event, member)
    header = member == "ResourceHeader"
    kind = event.ResourceHeader.Kind if header else _MEMBERS.get(member, "")
    md = metadata_of(resource)
    return ChangeEvent(
        deleted=event.Type == types.DELETE,
        kind=kind,
        name=md.Name,
        revision=md.Revision,
        labels=dict(md.Labels),
    )


class EventRouter:
    """Maps Teleport changes to reconcile requests (module docstring)."""

    def __init__(self, targets: Sequence[RouteTarget], namespaces: Sequence[str | None]) -> None:
        self._targets = tuple(targets)
        self._namespaces = tuple(namespaces)
        self.changes = 0
        """Changes looked at so far."""
        self.routed = 0
        """Requests enqueued so far."""
        self.skipped_own = 0
        """Puts recognised as teleop's own writes."""

    @property
    def kinds(self) -> tuple[str, ...]:
        """The Teleport kinds some target serves, sorted."""
        return tuple(sorted({t.teleport_kind for t in self._targets}))

    def route(self, change: ChangeEvent) -> int:
        """Enqueue the CRs ``change`` concerns; returns how many."""
        self.changes += 1
        count = 0
        for target in self._targets:
            if target.teleport_kind != change.kind:
                continue
            for cr in self._crs(target, change):
                md = cr.get("metadata") or {}
                if md.get("deletionTimestamp"):
                    continue
                request = Request(md.get("namespace") or "", md.get("name") or "")
                if not change.deleted and self._own(target, request, cr, change.revision):
                    self.skipped_own += 1
                    continue
                target.controller.enqueue(request)
                count += 1
        self.routed += count
        return count

    def enqueue_all(self, kinds: Collection[str] | None = None) -> int:
        """Enqueue every cached CR of the targets serving ``kinds`` (all when None), after the
        watch may have missed events."""
        count = 0
        for target in self._targets:
            if kinds is not None and target.teleport_kind not in kinds:
                continue
            for cr in target.lister.list():
                md = cr.get("metadata") or {}
                target.controller.enqueue(Request(md.get("namespace") or "", md.get("name") or ""))
                count += 1
        return count

    def _crs(self, target: RouteTarget, change: ChangeEvent) -> list[KubeObject]:
        owner_ns = change.labels.get(_OWNER_NAMESPACE)
        if owner_ns:
            cr = target.lister.get(owner_ns, change.labels.get(_OWNER_NAME) or change.name)
            return [] if cr is None else [cr]
        if None in self._namespaces:
            return [
                cr
                for cr in target.lister.list()
                if (cr.get("metadata") or {}).get("name") == change.name
            ]
        found = (target.lister.get(ns, change.name) for ns in self._namespaces)
        return [cr for cr in found if cr is not None]

    @staticmethod
    def _own(target: RouteTarget, request: Request, cr: KubeObject, revision: str) -> bool:
        if not revision:
            return False
        if target.written_revision(request.namespace, request.name) == revision:
            return True
        status = cr.get("status") or {}
        return bool(status.get("teleportRevision") == revision)
