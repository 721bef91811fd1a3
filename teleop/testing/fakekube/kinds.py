"""Kind-specific write hooks: custom resources, CRDs, namespaces and Leases.

``Kinds.hooks(rt)`` hands the writer the hook object for a resource type. CRDs are served as soon
as they are written: the hook computes the NamesAccepted and Established conditions before the
commit and (re)registers the custom resource type after it; deleting a CRD deletes its objects and
closes their watches. Namespaces get ``phase: Active`` and, once deleted, are marked Terminating,
emptied (objects with finalizers wait for them) and removed when the last object is gone.
"""

from __future__ import annotations

import base64
from typing import Any

from teleop.runtime.clock import Clock
from teleop.testing.fakekube.errors import Cause
from teleop.testing.fakekube.meta import canonical, rfc3339
from teleop.testing.fakekube.resources import ResourceRegistry, ResourceType
from teleop.testing.fakekube.schema import StructuralSchema
from teleop.testing.fakekube.store import Store, Stored
from teleop.testing.fakekube.target import KindHooks, Target, WriteOptions
from teleop.testing.fakekube.validation import (
    crd_schema_causes,
    lease_causes,
    load_schema,
    run_schema,
)
from teleop.testing.fakekube.watch import WatchHub
from teleop.testing.fakekube.writes import Writer

__all__ = ["Kinds", "crd_resource_type"]

_CRDS = ("apiextensions.k8s.io", "customresourcedefinitions")
_NAMESPACES = ("", "namespaces")
_LEASES = ("coordination.k8s.io", "leases")
_SECRETS = ("", "secrets")


def crd_resource_type(crd: dict[str, Any]) -> ResourceType:
    spec = crd["spec"]
    names = spec["names"]
    versions = [v for v in spec.get("versions", []) if v.get("served", True)]
    storage = next((v for v in spec["versions"] if v.get("storage")), spec["versions"][0])
    return ResourceType(
        group=spec["group"],
        versions=[v["name"] for v in versions],
        storage_version=storage["name"],
        plural=names["plural"],
        singular=names.get("singular") or names["kind"].lower(),
        kind=names["kind"],
        namespaced=spec.get("scope", "Namespaced") == "Namespaced",
        short_names=list(names.get("shortNames") or []),
        categories=list(names.get("categories") or []),
        has_status="status" in (storage.get("subresources") or {}),
        rv_required_on_update=True,
        tracks_generation=True,
        strategic_merge=False,
        crd=crd,
    )


def _crd_causes(crd: dict[str, Any]) -> list[Cause]:
    spec = crd.get("spec")
    if not isinstance(spec, dict):
        return [Cause("FieldValueRequired", "Required value", "spec")]
    causes: list[Cause] = []
    names = spec.get("names") or {}
    for f in ("plural", "kind"):
        if not names.get(f):
            causes.append(Cause("FieldValueRequired", "Required value", f"spec.names.{f}"))
    if not spec.get("group"):
        causes.append(Cause("FieldValueRequired", "Required value", "spec.group"))
    versions = spec.get("versions") or []
    if not versions:
        causes.append(Cause("FieldValueRequired", "Required value", "spec.versions"))
    elif sum(1 for v in versions if v.get("storage")) != 1:
        causes.append(
            Cause(
                "FieldValueInvalid",
                "Invalid value: must have exactly one version marked as storage version",
                "spec.versions",
            )
        )
    name = crd["metadata"].get("name", "")
    expected = f"{names.get('plural')}.{spec.get('group')}"
    if not causes and name != expected:
        causes.append(
            Cause(
                "FieldValueInvalid",
                f'Invalid value: "{name}": must be spec.names.plural+"."+spec.group',
                "metadata.name",
            )
        )
    return causes


def _condition(type_: str, reason: str, message: str, old: list[Any], now: str) -> dict[str, Any]:
    prior = next((c for c in old if isinstance(c, dict) and c.get("type") == type_), None)
    when = prior["lastTransitionTime"] if prior and prior.get("status") == "True" else now
    return {
        "type": type_,
        "status": "True",
        "lastTransitionTime": when,
        "reason": reason,
        "message": message,
    }


class _Plain:
    """Hooks for namespaced built-ins: only namespace finalisation after deletes."""

    def __init__(self, kinds: Kinds) -> None:
        self._kinds = kinds

    def prepare(
        self, target: Target, new: dict[str, Any], old: dict[str, Any] | None
    ) -> tuple[list[Cause], list[str]]:
        if target.rt.key == _LEASES:
            return lease_causes(new), []
        if target.rt.key == _SECRETS and "stringData" in new:
            # the Secret REST strategy folds write-only stringData into data (base64)
            data = dict(new.get("data") or {})
            for k, v in (new.pop("stringData") or {}).items():
                data[k] = base64.b64encode(str(v).encode()).decode()
            new["data"] = data
        return [], []

    def committed(self, target: Target, stored: Stored, old: dict[str, Any] | None) -> None:
        name = stored.obj["metadata"]["name"]
        if (
            target.rt.namespaced
            and self._kinds.store.get(target.rt.store_key, target.namespace, name) is None
        ):
            self._kinds.maybe_finalize(target.namespace)


class _CustomResource(_Plain):
    """Schema validation, pruning and defaulting for one CRD's objects."""

    def __init__(self, kinds: Kinds, rt: ResourceType) -> None:
        super().__init__(kinds)
        self._schemas: dict[str, StructuralSchema | None] = {}
        for version in rt.versions:
            v = rt.crd_version(version) or {}
            self._schemas[version] = load_schema((v.get("schema") or {}).get("openAPIV3Schema"))

    def prepare(
        self, target: Target, new: dict[str, Any], old: dict[str, Any] | None
    ) -> tuple[list[Cause], list[str]]:
        schema = self._schemas.get(target.version)
        if schema is None:
            return [], []
        out = run_schema(schema, new)
        fixed = canonical(out.obj, target.rt.api_version(), target.rt.kind)
        fixed["metadata"] = new["metadata"]
        new.clear()
        new.update(fixed)
        return out.causes, out.pruned


class _Namespaces:
    def __init__(self, kinds: Kinds) -> None:
        self._kinds = kinds

    def prepare(
        self, target: Target, new: dict[str, Any], old: dict[str, Any] | None
    ) -> tuple[list[Cause], list[str]]:
        name = new["metadata"]["name"]
        labels = new["metadata"].setdefault("labels", {})
        labels["kubernetes.io/metadata.name"] = name
        if old is None:
            new.setdefault("spec", {}).setdefault("finalizers", ["kubernetes"])
            new["status"] = {"phase": "Active"}
        return [], []

    def committed(self, target: Target, stored: Stored, old: dict[str, Any] | None) -> None:
        deleting = stored.obj["metadata"].get("deletionTimestamp")
        if deleting and old is not None and not old["metadata"].get("deletionTimestamp"):
            self._kinds.empty_namespace(stored.obj["metadata"]["name"])


class _Crds:
    def __init__(self, kinds: Kinds) -> None:
        self._kinds = kinds

    def prepare(
        self, target: Target, new: dict[str, Any], old: dict[str, Any] | None
    ) -> tuple[list[Cause], list[str]]:
        causes = _crd_causes(new) or crd_schema_causes(new)
        if causes:
            return causes, []
        names = dict(new["spec"]["names"])
        names.setdefault("singular", names["kind"].lower())
        names.setdefault("listKind", names["kind"] + "List")
        prior = ((old or {}).get("status") or {}).get("conditions") or []
        now = rfc3339(self._kinds.clock.now())
        storage = next(v["name"] for v in new["spec"]["versions"] if v.get("storage"))
        stored_versions = list(((old or {}).get("status") or {}).get("storedVersions") or [])
        if storage not in stored_versions:
            stored_versions.append(storage)
        new["status"] = {
            "conditions": [
                _condition("NamesAccepted", "NoConflicts", "no conflicts found", prior, now),
                _condition(
                    "Established",
                    "InitialNamesAccepted",
                    "the initial names have been accepted",
                    prior,
                    now,
                ),
            ],
            "acceptedNames": names,
            "storedVersions": stored_versions,
        }
        return [], []

    def committed(self, target: Target, stored: Stored, old: dict[str, Any] | None) -> None:
        if self._kinds.store.get(_CRDS, "", stored.obj["metadata"]["name"]) is None:
            self._kinds.unserve(stored.obj)
        else:
            self._kinds.serve(stored.obj)


class Kinds:
    """Owns the hook objects and the CRD/namespace lifecycles that need the writer."""

    def __init__(
        self, store: Store, registry: ResourceRegistry, hub: WatchHub, clock: Clock
    ) -> None:
        self.clock = clock
        self.store = store
        self.registry = registry
        self.hub = hub
        self.writer: Writer | None = None
        self._plain = _Plain(self)
        self._special: dict[tuple[str, str], KindHooks] = {
            _CRDS: _Crds(self),
            _NAMESPACES: _Namespaces(self),
        }
        self._custom: dict[tuple[str, str], _CustomResource] = {}
        self._emptying: set[str] = set()

    def hooks(self, rt: ResourceType) -> KindHooks | None:
        special = self._special.get(rt.key)
        if special is not None:
            return special
        if rt.crd is not None:
            hooks = self._custom.get(rt.key)
            if hooks is None:
                hooks = self._custom[rt.key] = _CustomResource(self, rt)
            return hooks
        return self._plain if rt.namespaced else None

    def serve(self, crd: dict[str, Any]) -> None:
        rt = crd_resource_type(crd)
        self.registry.add(rt)
        self._custom.pop(rt.key, None)

    def unserve(self, crd: dict[str, Any]) -> None:
        rt = crd_resource_type(crd)
        current = self.registry.get(*rt.key)
        if current is None or self.writer is None:
            return
        for ns, name in list(self.store.bucket(rt.key)):
            self.writer.remove(Target(current, current.storage_version, ns, name))
        self.hub.close_resource(rt.key, "resource removed")
        self.store.drop_resource(rt.key)
        self.registry.remove(rt.key)
        self._custom.pop(rt.key, None)

    def empty_namespace(self, namespace: str) -> None:
        if self.writer is None:
            return
        self._emptying.add(namespace)
        try:
            self._delete_contents(namespace)
        finally:
            self._emptying.discard(namespace)
        self.maybe_finalize(namespace)

    def _delete_contents(self, namespace: str) -> None:
        assert self.writer is not None
        for key, stored in list(self.store.namespaces_in_use(namespace)):
            rt = self.registry.get(*key)
            if rt is None:
                continue
            meta = stored.obj["metadata"]
            if meta.get("deletionTimestamp"):
                continue
            self.writer.delete(
                Target(rt, rt.storage_version, namespace, meta["name"]), {}, WriteOptions()
            )

    def maybe_finalize(self, namespace: str) -> None:
        ns = self.store.get(_NAMESPACES, "", namespace)
        if ns is None or not ns.obj["metadata"].get("deletionTimestamp") or self.writer is None:
            return
        if namespace in self._emptying or self.store.has_objects_in(namespace):
            return
        rt = self.registry.get(*_NAMESPACES)
        if rt is not None:
            self.writer.remove(Target(rt, "v1", "", namespace))
