"""``NamespacesLister``: one ``Lister`` over the informers of several namespaces.

With ``--namespaces a,b`` a kind has one informer per namespace (the cache is namespaced, like the
Go operator's, so RBAC can stay per namespace), but its reconciler reads through one lister: this
one sends ``get`` to the lister of the object's namespace and joins ``list`` across them. It is a
``Lister`` so the reconcilers take it unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping

from teleop.runtime import KubeObject, Lister, ResourceType
from teleop.runtime.cache import Store

__all__ = ["NamespacesLister"]

_Objects = list[KubeObject]


class NamespacesLister(Lister):
    """``get``/``list`` across the listers of several namespaces (keyed by namespace)."""

    def __init__(self, listers: Mapping[str, Lister], resource_type: ResourceType) -> None:
        super().__init__(Store(), resource_type)
        self._listers = dict(listers)

    def get(self, namespace: str | None, name: str) -> KubeObject | None:
        lister = self._listers.get(namespace or "")
        return None if lister is None else lister.get(namespace, name)

    def list(self, namespace: str | None = None) -> _Objects:
        if namespace is not None:
            lister = self._listers.get(namespace)
            return [] if lister is None else lister.list(namespace)
        return [obj for lister in self._listers.values() for obj in lister.list()]

    def by_index(self, index: str, value: str) -> _Objects:
        return [obj for lister in self._listers.values() for obj in lister.by_index(index, value)]
