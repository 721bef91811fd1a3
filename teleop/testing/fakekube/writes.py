"""The write path: create, update (PUT), patch, server-side apply and delete.

Every mutation goes through ``_commit``, which is where kube-apiserver's cross-cutting rules live:
a write that changes nothing keeps its resourceVersion and emits no event; generation moves only
with spec (and when deletion starts); status is separated from the main resource in both
directions; an object that is being deleted loses its last finalizer and is gone, its DELETED
event still carrying that finalizer. Kind-specific behaviour (CRDs, namespaces, Leases, custom
resource schemas) is plugged in through ``KindHooks`` so this module stays generic.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import yaml

from teleop.runtime.clock import Clock
from teleop.testing.fakekube.admission import check_namespace, check_preconditions, decode_object
from teleop.testing.fakekube.errors import (
    ApiError,
    Cause,
    already_exists,
    bad_request,
    conflict,
    invalid,
    not_found,
    success_status,
)
from teleop.testing.fakekube.meta import (
    finalizer_causes,
    finalizer_warnings,
    generate_name,
    name_causes,
    new_uid,
    rfc3339,
    spec_view,
)
from teleop.testing.fakekube.patch import apply_merge, json_patch, merge_patch
from teleop.testing.fakekube.records import WriteRecord
from teleop.testing.fakekube.resources import ResourceType
from teleop.testing.fakekube.store import Store, Stored, encode
from teleop.testing.fakekube.target import KindHooks, Target, WriteOptions, WriteResult

__all__ = ["Writer"]

_ETCD_LIMIT = 1572864
_IMMUTABLE_META = ("uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds")
_NAMESPACES = ("", "namespaces")


class Writer:
    """Applies the write rules against the store and logs every accepted write."""

    def __init__(
        self,
        store: Store,
        records: list[WriteRecord],
        hooks: Callable[[ResourceType], KindHooks | None],
        clock: Clock,
    ) -> None:
        self.clock = clock
        self.store = store
        self.records = records
        self._hooks = hooks

    # ---- create -------------------------------------------------------------------------------

    def create(self, t: Target, body: Any, opts: WriteOptions) -> WriteResult:
        if t.subresource:
            raise ApiError(405, "MethodNotAllowed", "create is not supported on subresources")
        obj = decode_object(t, body)
        meta = obj["metadata"]
        if not meta.get("name") and meta.get("generateName"):
            meta["name"] = generate_name(str(meta["generateName"]))
        name = str(meta.get("name") or "")
        causes = name_causes(name)
        if causes:
            raise invalid(t.rt.group, t.rt.kind, name, causes)
        check_namespace(self.store, t, name)
        if meta.get("resourceVersion"):
            # etcd3 store.Create; a plain error, so the Status has code 500 and no reason
            raise ApiError(500, "", "resourceVersion should not be set on objects to be created")
        if self.store.get(t.rt.store_key, t.namespace, name) is not None:
            raise already_exists(t.rt.group, t.rt.plural, name)
        for k in (
            "resourceVersion",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "managedFields",
        ):
            meta.pop(k, None)
        meta["uid"] = new_uid()
        meta["creationTimestamp"] = rfc3339(self.clock.now())
        if t.rt.tracks_generation:
            meta["generation"] = 1
        if t.rt.has_status:
            obj.pop("status", None)
        warnings = self._validate(t, obj, None, opts)
        return self._commit(t, "create", obj, None, opts, warnings, code=201)

    # ---- update / patch / apply ----------------------------------------------------------------

    def update(self, t: Target, body: Any, opts: WriteOptions) -> WriteResult:
        obj = decode_object(t, body)
        old = self._get(t)
        rv = obj["metadata"].get("resourceVersion")
        if not rv and t.rt.rv_required_on_update:
            raise invalid(
                t.rt.group,
                t.rt.kind,
                t.name,
                [
                    Cause(
                        "FieldValueInvalid",
                        "Invalid value: 0x0: must be specified for an update",
                        "metadata.resourceVersion",
                    )
                ],
            )
        return self._update(t, "update", obj, old, opts)

    def patch(self, t: Target, content_type: str, data: bytes, opts: WriteOptions) -> WriteResult:
        ctype = content_type.split(";", 1)[0].strip()
        if ctype == "application/apply-patch+yaml":
            return self._apply(t, data, opts)
        try:
            patch = json.loads(data or b"null")
        except ValueError as e:
            raise bad_request(f"error decoding patch: {e}") from None
        if ctype == "application/strategic-merge-patch+json" and not t.rt.strategic_merge:
            raise ApiError(
                415,
                "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types "
                "include: application/json-patch+json, application/merge-patch+json, "
                "application/apply-patch+yaml",
            )
        old = self._get(t)
        base = t.rt.present(json.loads(self._stored(t).raw), t.version)
        if ctype == "application/json-patch+json":
            patched = json_patch(base, patch)
        elif ctype in ("application/merge-patch+json", "application/strategic-merge-patch+json"):
            if not isinstance(patch, dict):
                raise bad_request("patch body must be a JSON object")
            patched = merge_patch(base, patch, strategic=ctype.startswith("application/strategic"))
        else:
            raise ApiError(415, "UnsupportedMediaType", f"unsupported patch type: {ctype}")
        if not isinstance(patched, dict):
            raise bad_request("patch produced a non-object")
        obj = decode_object(t, patched)
        return self._update(t, "patch", obj, old, opts)

    def _apply(self, t: Target, data: bytes, opts: WriteOptions) -> WriteResult:
        if not opts.field_manager:
            raise bad_request("PATCH, application/apply-patch+yaml requires fieldManager")
        try:
            applied = yaml.safe_load(data)
        except yaml.YAMLError as e:
            raise bad_request(f"error decoding YAML: {e}") from None
        if not isinstance(applied, dict):
            raise bad_request("apply patch must be an object")
        current = self._stored_or_none(t)
        if current is None:
            if t.subresource:
                raise not_found(t.rt.group, t.rt.plural, t.name)
            applied.setdefault("metadata", {})["name"] = t.name
            return self.create(t, applied, opts)
        base = t.rt.present(json.loads(current.raw), t.version)
        merged = apply_merge(base, applied)
        merged["metadata"]["resourceVersion"] = current.obj["metadata"]["resourceVersion"]
        if applied.get("metadata", {}).get("resourceVersion"):
            merged["metadata"]["resourceVersion"] = applied["metadata"]["resourceVersion"]
        obj = decode_object(t, merged)
        return self._update(t, "apply", obj, current.obj, opts)

    def _update(
        self, t: Target, verb: str, obj: dict[str, Any], old: dict[str, Any], opts: WriteOptions
    ) -> WriteResult:
        meta = obj["metadata"]
        old_meta = old["metadata"]
        if meta.get("name", t.name) != t.name:
            raise bad_request(
                f"the name of the object ({meta.get('name')}) does not match the name on the URL ({t.name})"
            )
        rv = meta.get("resourceVersion")
        if rv and rv != old_meta["resourceVersion"]:
            raise conflict(
                t.rt.group,
                t.rt.plural,
                t.name,
                "the object has been modified; please apply your changes to the latest version "
                "and try again",
            )
        if t.subresource == "status":
            new = json.loads(self._stored(t).raw)
            if "status" in obj:
                new["status"] = obj["status"]
            else:
                new.pop("status", None)
        else:
            new = obj
            if t.rt.has_status:
                if "status" in old:
                    new["status"] = old["status"]
                else:
                    new.pop("status", None)
            nmeta = new["metadata"]
            for k in _IMMUTABLE_META:
                if k in old_meta:
                    nmeta[k] = old_meta[k]
                else:
                    nmeta.pop(k, None)
            if "generation" in old_meta:
                nmeta["generation"] = old_meta["generation"]
            if "managedFields" in old_meta:
                nmeta["managedFields"] = old_meta["managedFields"]
        new["metadata"]["resourceVersion"] = old_meta["resourceVersion"]
        if t.rt.namespaced:
            new["metadata"]["namespace"] = t.namespace
        new["metadata"]["name"] = t.name
        causes = finalizer_causes(old, new)
        if causes:
            raise invalid(t.rt.group, t.rt.kind, t.name, causes)
        warnings = self._validate(t, new, old, opts)
        if t.rt.tracks_generation and spec_view(new, has_status=t.rt.has_status) != spec_view(
            old, has_status=t.rt.has_status
        ):
            new["metadata"]["generation"] = int(old_meta.get("generation") or 0) + 1
        return self._commit(t, verb, new, old, opts, warnings)

    # ---- delete --------------------------------------------------------------------------------

    def delete(self, t: Target, options: dict[str, Any], opts: WriteOptions) -> WriteResult:
        old = self._get(t)
        meta = old["metadata"]
        check_preconditions(t, meta, options)
        if meta.get("finalizers") or t.rt.key == _NAMESPACES:
            if meta.get("deletionTimestamp"):
                stored = self._stored(t)
                self._record(t, "delete", stored, changed=False)
                return WriteResult(200, stored.obj, stored.raw)
            new = json.loads(self._stored(t).raw)
            new["metadata"]["deletionTimestamp"] = rfc3339(self.clock.now())
            new["metadata"]["deletionGracePeriodSeconds"] = 0
            if t.rt.key == _NAMESPACES:
                new["status"] = {**(new.get("status") or {}), "phase": "Terminating"}
            if t.rt.tracks_generation:
                new["metadata"]["generation"] = int(meta.get("generation") or 0) + 1
            return self._commit(t, "delete", new, old, opts, [])
        if opts.dry_run:
            return self._status_result(t, meta)
        stored = self.store.delete(t.rt.store_key, old)
        self._record(t, "delete", stored, changed=True)
        hooks = self._hooks(t.rt)
        if hooks is not None:
            hooks.committed(t, stored, old)
        return self._status_result(t, meta)

    def remove(self, t: Target) -> None:
        """Delete now, bypassing finalizers (namespace and CRD cleanup)."""
        old = self.store.get(t.rt.store_key, t.namespace, t.name)
        if old is None:
            return
        stored = self.store.delete(t.rt.store_key, old.obj)
        hooks = self._hooks(t.rt)
        if hooks is not None:
            hooks.committed(t, stored, old.obj)

    def _status_result(self, t: Target, meta: dict[str, Any]) -> WriteResult:
        details: dict[str, Any] = {"name": t.name}
        if t.rt.group:
            details["group"] = t.rt.group
        details["kind"] = t.rt.plural
        details["uid"] = meta.get("uid", "")
        body = success_status(details)
        return WriteResult(200, body, encode(body))

    # ---- shared steps --------------------------------------------------------------------------

    def _validate(
        self, t: Target, new: dict[str, Any], old: dict[str, Any] | None, opts: WriteOptions
    ) -> list[str]:
        causes: list[Cause] = []
        warnings: list[str] = []
        hooks = self._hooks(t.rt)
        if hooks is not None:
            found, pruned = hooks.prepare(t, new, old)
            causes.extend(found)
            if pruned:
                unknown = [f'unknown field "{p}"' for p in pruned]
                if opts.field_validation == "Strict":
                    raise bad_request("strict decoding error: " + ", ".join(unknown))
                if opts.field_validation == "Warn":
                    warnings.extend(unknown)
        if causes:
            raise invalid(t.rt.group, t.rt.kind, t.name or new["metadata"].get("name", ""), causes)
        finalizers = new["metadata"].get("finalizers") or []
        if finalizers:
            before = set((old or {}).get("metadata", {}).get("finalizers") or [])
            warnings.extend(finalizer_warnings([f for f in finalizers if f not in before]))
        return warnings

    def _commit(
        self,
        t: Target,
        verb: str,
        new: dict[str, Any],
        old: dict[str, Any] | None,
        opts: WriteOptions,
        warnings: list[str],
        code: int = 200,
    ) -> WriteResult:
        if old is not None and new == old:
            stored = self._stored(t)
            if not opts.dry_run:
                self._record(t, verb, stored, changed=False)
            return WriteResult(code, stored.obj, stored.raw, warnings)
        raw = encode(new)
        if len(raw) > _ETCD_LIMIT:
            raise ApiError(500, "", "etcdserver: request is too large")
        if opts.dry_run:
            return WriteResult(code, new, raw, warnings)
        if (
            old is not None
            and new["metadata"].get("deletionTimestamp")
            and not new["metadata"].get("finalizers")
            and t.rt.key != _NAMESPACES
        ):
            stored = self.store.delete(t.rt.store_key, old)
            new["metadata"]["resourceVersion"] = str(stored.rv)
            result = Stored(new, encode(new), stored.rv)
            self._record(t, verb, result, changed=True)
            hooks = self._hooks(t.rt)
            if hooks is not None:
                hooks.committed(t, stored, old)
            return WriteResult(code, result.obj, result.raw, warnings)
        stored = self.store.put(t.rt.store_key, new, old)
        self._record(t, verb, stored, changed=True)
        hooks = self._hooks(t.rt)
        if hooks is not None:
            hooks.committed(t, stored, old)
        return WriteResult(code, stored.obj, stored.raw, warnings)

    def _record(self, t: Target, verb: str, stored: Stored, *, changed: bool) -> None:
        meta = stored.obj["metadata"]
        self.records.append(
            WriteRecord(
                verb,
                t.rt.group,
                t.rt.plural,
                meta.get("namespace", ""),
                meta.get("name", ""),
                meta.get("resourceVersion", ""),
                changed,
                t.subresource,
            )
        )

    def _stored_or_none(self, t: Target) -> Stored | None:
        return self.store.get(t.rt.store_key, t.namespace, t.name)

    def _stored(self, t: Target) -> Stored:
        stored = self._stored_or_none(t)
        if stored is None:
            raise not_found(t.rt.group, t.rt.plural, t.name)
        return stored

    def _get(self, t: Target) -> dict[str, Any]:
        return self._stored(t).obj
