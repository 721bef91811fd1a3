"""A read-only view of an informer's cache (client-go's generated listers, unstructured).

Controllers read through a ``Lister`` instead of the ``Store`` so that nothing but the informer
writes the cache. Objects are returned as cached, not copied, for speed: treat them as frozen
and deep-copy before changing one (as client-go requires of cache reads).
"""

from __future__ import annotations

from teleop.runtime.cache.store import NAMESPACE_INDEX, Store
from teleop.runtime.client.objects import KubeObject, ResourceType

__all__ = ["Lister"]

_Objects = list[KubeObject]


class Lister:
    """``get``/``list`` over one informer's cache."""

    def __init__(self, store: Store, resource_type: ResourceType) -> None:
        self._store = store
        self.resource_type = resource_type

    def get(self, namespace: str | None, name: str) -> KubeObject | None:
        """The cached object, or None. ``namespace`` is ignored for cluster-scoped types."""
        if self.resource_type.namespaced and namespace:
            return self._store.get(f"{namespace}/{name}")
        return self._store.get(name)

    def list(self, namespace: str | None = None) -> _Objects:
        """All cached objects, or those of one namespace."""
        if namespace is None:
            return self._store.list()
        return self._store.by_index(NAMESPACE_INDEX, namespace)

    def by_index(self, index: str, value: str) -> _Objects:
        """Objects found under ``value`` in the store's index ``index``."""
        return self._store.by_index(index, value)

    def __len__(self) -> int:
        return len(self._store)
