"""The kinds the fake serves: built-in resource types and the registry that CRDs extend.

A ``ResourceType`` is everything the HTTP layer, discovery and the write rules need to know about
one group/resource: its kind names, scope, served versions, subresources and the handful of
behaviour switches that differ between kinds on a real server (whether a PUT must carry a
resourceVersion, whether generation is tracked, whether strategic-merge patches are accepted).
Objects are stored once per group/resource, in the storage version; other served versions are a
rewrite of ``apiVersion`` on the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from teleop.testing.fakekube.events import core_to_events_v1, events_v1_to_core

__all__ = ["ResourceRegistry", "ResourceType", "builtin_types"]


@dataclass(slots=True)
class ResourceType:
    """One group/resource as served by the fake."""

    group: str
    versions: list[str]
    storage_version: str
    plural: str
    singular: str
    kind: str
    namespaced: bool
    short_names: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    has_status: bool = False
    rv_required_on_update: bool = False
    tracks_generation: bool = False
    strategic_merge: bool = True
    crd: dict[str, Any] | None = None
    field_labels: frozenset[str] = frozenset()
    storage: tuple[str, str] | None = None
    to_storage: Callable[[dict[str, Any]], dict[str, Any]] | None = None
    from_storage: Callable[[dict[str, Any]], dict[str, Any]] | None = None

    @property
    def key(self) -> tuple[str, str]:
        """The identity of the resource: (group, plural)."""
        return (self.group, self.plural)

    @property
    def store_key(self) -> tuple[str, str]:
        """Where its objects live: its own key, or another resource's it is a view of."""
        return self.storage or self.key

    def present(self, obj: dict[str, Any], version: str) -> dict[str, Any]:
        """A stored object as this resource serves it in ``version``."""
        if self.from_storage is not None:
            return self.from_storage(obj)
        if version == self.storage_version:
            return obj
        return {**obj, "apiVersion": self.api_version(version)}

    def api_version(self, version: str | None = None) -> str:
        v = version or self.storage_version
        return f"{self.group}/{v}" if self.group else v

    @property
    def list_kind(self) -> str:
        return f"{self.kind}List"

    def crd_version(self, version: str) -> dict[str, Any] | None:
        """The CRD's ``spec.versions`` entry for ``version`` (custom resources only)."""
        if self.crd is None:
            return None
        for v in self.crd.get("spec", {}).get("versions", []):
            if v.get("name") == version:
                return dict(v)
        return None


def builtin_types() -> list[ResourceType]:
    """The built-in kinds: core v1 basics, events, leases and CRDs themselves."""
    event_fields = frozenset(
        {
            "involvedObject.kind",
            "involvedObject.namespace",
            "involvedObject.name",
            "involvedObject.uid",
            "involvedObject.apiVersion",
            "involvedObject.resourceVersion",
            "involvedObject.fieldPath",
            "reason",
            "reportingComponent",
            "source",
            "type",
        }
    )
    return [
        ResourceType(
            "", ["v1"], "v1", "namespaces", "namespace", "Namespace", False, ["ns"], [], True
        ),
        ResourceType(
            "", ["v1"], "v1", "secrets", "secret", "Secret", True, field_labels=frozenset({"type"})
        ),
        ResourceType("", ["v1"], "v1", "configmaps", "configmap", "ConfigMap", True, ["cm"]),
        ResourceType(
            "", ["v1"], "v1", "serviceaccounts", "serviceaccount", "ServiceAccount", True, ["sa"]
        ),
        ResourceType(
            "", ["v1"], "v1", "events", "event", "Event", True, ["ev"], field_labels=event_fields
        ),
        ResourceType(
            "events.k8s.io", ["v1"], "v1", "events", "event", "Event", True, ["ev"],
            storage=("", "events"), to_storage=events_v1_to_core, from_storage=core_to_events_v1,
        ),
        ResourceType(
            "coordination.k8s.io", ["v1"], "v1", "leases", "lease", "Lease", True,
            rv_required_on_update=True,
        ),
        ResourceType(
            "apiextensions.k8s.io", ["v1"], "v1", "customresourcedefinitions",
            "customresourcedefinition", "CustomResourceDefinition", False, ["crd", "crds"],
            ["api-extensions"], has_status=True, tracks_generation=True, strategic_merge=False,
        ),
    ]  # fmt: skip


class ResourceRegistry:
    """Resource types by group/resource and by group/version/resource, plus name lookups."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], ResourceType] = {}
        for rt in builtin_types():
            self.add(rt)

    def add(self, rt: ResourceType) -> None:
        self._by_key[rt.key] = rt

    def remove(self, key: tuple[str, str]) -> None:
        self._by_key.pop(key, None)

    def get(self, group: str, plural: str) -> ResourceType | None:
        return self._by_key.get((group, plural))

    def lookup(self, group: str, version: str, plural: str) -> ResourceType | None:
        rt = self._by_key.get((group, plural))
        if rt is None or version not in rt.versions:
            return None
        return rt

    def all(self) -> list[ResourceType]:
        return list(self._by_key.values())

    def group_versions(self) -> dict[str, list[str]]:
        """Served versions per named group, preferred (storage) version first."""
        out: dict[str, list[str]] = {}
        for rt in self._by_key.values():
            if not rt.group:
                continue
            versions = out.setdefault(rt.group, [])
            for v in [rt.storage_version, *rt.versions]:
                if v not in versions:
                    versions.append(v)
        return out
