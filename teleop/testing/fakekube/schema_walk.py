"""One pass over a custom resource: copy, prune, drop nulls, default, validate.

kube-apiserver runs these as separate passes over a decoded object (apiextensions-apiserver
``pkg/apiserver/schema/pruning/algorithm.go``, ``schema/defaulting/prunenulls.go`` and
``algorithm.go``, then validation). fakekube fuses them into one recursive walk that builds the
result as a new tree, so ``apply`` copies the input exactly once and never mutates it. The fused
walk keeps the observable order of the real passes:

- pruning: fields without a schema are removed (and their dotted path recorded) unless the node
  has ``x-kubernetes-preserve-unknown-fields``; known properties under such a node are still
  pruned. ``apiVersion``, ``kind`` and ``metadata`` of the root and of every
  ``x-kubernetes-embedded-resource`` are never pruned; an embedded resource's ``metadata`` keeps
  only ObjectMeta fields, as the apiserver's ObjectMeta round trip does (``schema/objectmeta``).
  ``additionalProperties: true`` keeps keys but empties objects below them (no schema there);
- a ``null`` in a non-nullable field without a default is dropped; with a default it is replaced
  by the default, like a missing field; list items are never dropped, only defaulted;
- defaults are deep-copied and then walked, so defaults inside defaults apply;
- validation sees the final value: an object's own errors come before its children's; when
  ``minProperties``/``maxProperties`` fail the children are still pruned and defaulted but not
  validated; embedded-resource checks and list-type duplicates follow all schema errors.
"""

from __future__ import annotations

import re
from typing import Any, Final

from teleop.testing.fakekube.schema_cause import OMIT, Cause, make_cause
from teleop.testing.fakekube.schema_node import Node, json_copy
from teleop.testing.fakekube.schema_validate import (
    check_enum_last,
    check_items,
    check_list_type,
    check_object,
    check_required,
    check_value,
    validate_tree,
)

__all__ = ["Walk"]

_META: Final = frozenset({"apiVersion", "kind", "metadata"})
_OBJECT_META: Final = frozenset(
    {
        "name",
        "generateName",
        "namespace",
        "selfLink",
        "uid",
        "resourceVersion",
        "generation",
        "creationTimestamp",
        "deletionTimestamp",
        "deletionGracePeriodSeconds",
        "labels",
        "annotations",
        "ownerReferences",
        "finalizers",
        "managedFields",
    }
)


_DNS1035: Final = re.compile(r"[a-z]([-a-z0-9]*[a-z0-9])?")
_DNS1035_MSG: Final = (
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
    "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or "
    "'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
)


def _dns1035(s: str) -> list[str]:
    """k8s.io/apimachinery/pkg/util/validation ``IsDNS1035Label`` messages."""
    errs = []
    if len(s) > 63:
        errs.append("must be no more than 63 characters")
    if not _DNS1035.fullmatch(s):
        errs.append(_DNS1035_MSG)
    return errs


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


class Walk:
    """State of one ``apply``: the causes found and the paths pruned so far."""

    __slots__ = ("causes", "embedded", "lists", "pruned")

    def __init__(self) -> None:
        self.causes: list[Cause] = []
        self.embedded: list[Cause] = []
        self.lists: list[Cause] = []
        self.pruned: list[str] = []

    def all_causes(self) -> list[Cause]:
        """Schema errors, then embedded-resource errors, then list-type duplicates."""
        return self.causes + self.embedded + self.lists

    def root(self, n: Node, obj: dict[str, Any], path: str) -> dict[str, Any]:
        """Walk a whole resource: the root behaves as an embedded resource."""
        return self._map(n, obj, path, self.causes, root=True)

    def value(self, n: Node | None, v: Any, path: str, out: list[Cause] | None) -> Any:
        """Copy ``v`` under schema ``n``; validation causes go to ``out`` (None: no checks)."""
        if n is None:
            return self._no_schema(v, path)
        if isinstance(v, dict):
            return self._map(n, v, path, out, root=False)
        if isinstance(v, list):
            return self._list(n, v, path, out)
        if out is not None:
            check_value(out, n, v, path)
            if v is not None and n.enum is not None:
                check_enum_last(out, n, v, path)
        return v

    def _no_schema(self, v: Any, path: str) -> Any:
        if isinstance(v, dict):
            self.pruned.extend(_join(path, k) for k in v)
            return {}
        if isinstance(v, list):
            return [self._no_schema(x, f"{path}[{i}]") for i, x in enumerate(v)]
        return v

    def _map(
        self, n: Node, v: dict[str, Any], path: str, out: list[Cause] | None, *, root: bool
    ) -> dict[str, Any]:
        res: dict[str, Any] = {}
        kids: list[Cause] | None = [] if out is not None else None
        embedded = root or n.embedded
        props = n.properties
        for k, x in v.items():
            cpath = _join(path, k)
            if embedded and k in _META:
                res[k] = self._meta(k, x, cpath, root)
                child = props.get(k)
                if kids is not None and child is not None:
                    validate_tree(kids, child, res[k], cpath)
                continue
            child = props.get(k)
            if child is None:
                if not n.additional_set:
                    if n.preserve:
                        res[k] = json_copy(x)
                    else:
                        self.pruned.append(cpath)
                    continue
                child = n.additional
            if x is None and child is not None and not child.nullable:
                if not child.has_default:
                    continue
                x = json_copy(child.default)
            res[k] = self.value(child, x, cpath, kids)
        for k, child in props.items():
            if child.has_default and k not in res:
                res[k] = self.value(child, json_copy(child.default), _join(path, k), kids)
        if out is not None and kids is not None:
            check_value(out, n, res, path)
            if n.enum is not None:
                check_enum_last(out, n, res, path)
            if check_object(out, n, res, path):
                out.extend(kids)
                check_required(out, n, res, path)
        if n.embedded and not root:
            self._check_embedded(res, path)
        return res

    def _meta(self, k: str, x: Any, cpath: str, root: bool) -> Any:
        if root or k != "metadata" or not isinstance(x, dict):
            return json_copy(x)
        meta: dict[str, Any] = {}
        for mk, mv in x.items():
            if mk not in _OBJECT_META:
                self.pruned.append(f"{cpath}.{mk}")
            elif not (mk == "creationTimestamp" and mv is None):
                meta[mk] = json_copy(mv)
        return meta

    def _check_embedded(self, v: dict[str, Any], path: str) -> None:
        # schema/objectmeta/validation.go validateEmbeddedResource.
        out = self.embedded
        for k in ("apiVersion", "kind"):
            cpath = _join(path, k)
            x = v.get(k)
            if not isinstance(x, str):
                if k in v:
                    out.append(make_cause("FieldValueInvalid", cpath, x, "must be a string"))
                else:
                    out.append(make_cause("FieldValueRequired", cpath, OMIT))
            elif not x:
                out.append(make_cause("FieldValueRequired", cpath, OMIT))
            elif k == "apiVersion" and x.count("/") > 1:
                detail = f"unexpected GroupVersion string: {x}"
                out.append(make_cause("FieldValueInvalid", cpath, x, detail))
            elif k == "kind" and (errs := _dns1035(x.lower())):
                detail = "may have mixed case, but should otherwise match: " + ",".join(errs)
                out.append(make_cause("FieldValueInvalid", cpath, x, detail))

    def _list(self, n: Node, v: list[Any], path: str, out: list[Cause] | None) -> list[Any]:
        items = n.items
        kids: list[Cause] | None = [] if out is not None else None
        res: list[Any] = []
        for i, x in enumerate(v):
            cpath = f"{path}[{i}]"
            if items is None:
                res.append(json_copy(x) if n.preserve else self._no_schema(x, cpath))
                continue
            if x is None and not items.nullable and items.has_default:
                x = json_copy(items.default)
            res.append(self.value(items, x, cpath, kids))
        if out is not None and kids is not None:
            check_value(out, n, res, path)
            out.extend(kids)
            check_items(out, n, res, path)
            if n.enum is not None:
                check_enum_last(out, n, res, path)
        if n.list_type:
            check_list_type(self.lists, n, res, path)
        return res
