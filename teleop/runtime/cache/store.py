"""The indexed object store behind an informer (client-go's ``Indexer``/``threadSafeMap``).

Objects are kept by their key (``namespace/name``, or ``name`` when cluster-scoped). Besides the
built-in ``namespace`` index, callers register named index functions (``add_indexer``) mapping an
object to the values it should be found under (controller-runtime's field indexes), and query
them with ``by_index``. Everything runs on one event loop, so there are no locks: the informer's
dispatcher is the only writer, and readers see a consistent state between two awaits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from teleop.runtime.client.objects import KubeObject, object_key

__all__ = ["NAMESPACE_INDEX", "IndexFunc", "Store"]

_Objects = list[KubeObject]
_Keys = list[str]

IndexFunc = Callable[[KubeObject], Iterable[str]]
"""Maps an object to the index values it is found under (none, one or several)."""

NAMESPACE_INDEX = "namespace"


def _namespace_of(obj: KubeObject) -> Iterable[str]:
    return ((obj.get("metadata") or {}).get("namespace") or "",)


class Store:
    """Objects by key, with named secondary indexes."""

    def __init__(self) -> None:
        self._items: dict[str, KubeObject] = {}
        self._indexers: dict[str, IndexFunc] = {}
        # index name -> index value -> keys
        self._indices: dict[str, dict[str, set[str]]] = {}
        # index name -> key -> values the key is currently indexed under
        self._values: dict[str, dict[str, tuple[str, ...]]] = {}
        self.add_indexer(NAMESPACE_INDEX, _namespace_of)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: object) -> bool:
        return key in self._items

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    # -- indexes -----------------------------------------------------------------------------

    def add_indexer(self, name: str, fn: IndexFunc) -> None:
        """Register index ``name``; existing objects are indexed at once."""
        if name in self._indexers:
            raise ValueError(f"indexer {name!r} already exists")
        self._indexers[name] = fn
        self._indices[name] = {}
        self._values[name] = {}
        for key, obj in self._items.items():
            self._index_one(name, key, obj)

    def indexers(self) -> _Keys:
        return list(self._indexers)

    def by_index(self, name: str, value: str) -> _Objects:
        """The objects whose index function ``name`` produced ``value``."""
        try:
            index = self._indices[name]
        except KeyError:
            raise KeyError(f"no indexer named {name!r}") from None
        return [self._items[k] for k in index.get(value, ())]

    def index_keys(self, name: str, value: str) -> _Keys:
        """The keys of ``by_index(name, value)``."""
        return list(self._indices[name].get(value, ()))

    def _index_one(self, name: str, key: str, obj: KubeObject) -> None:
        values = tuple(dict.fromkeys(self._indexers[name](obj)))
        index = self._indices[name]
        for v in values:
            index.setdefault(v, set()).add(key)
        if values:
            self._values[name][key] = values

    def _unindex_one(self, name: str, key: str) -> None:
        values = self._values[name].pop(key, ())
        index = self._indices[name]
        for v in values:
            keys = index.get(v)
            if keys is not None:
                keys.discard(key)
                if not keys:
                    del index[v]

    # -- reads -------------------------------------------------------------------------------

    def get(self, key: str) -> KubeObject | None:
        return self._items.get(key)

    def list(self) -> _Objects:
        return list(self._items.values())

    def keys(self) -> _Keys:
        return list(self._items)

    # -- writes ------------------------------------------------------------------------------

    def put(self, obj: KubeObject) -> KubeObject | None:
        """Add or replace ``obj``; returns the object it replaced, if any."""
        key = object_key(obj)
        old = self._items.get(key)
        if old is not None:
            for name in self._indexers:
                self._unindex_one(name, key)
        self._items[key] = obj
        for name in self._indexers:
            self._index_one(name, key, obj)
        return old

    def delete(self, key: str) -> KubeObject | None:
        """Remove ``key``; returns the object that was stored, if any."""
        old = self._items.pop(key, None)
        if old is not None:
            for name in self._indexers:
                self._unindex_one(name, key)
        return old

    def replace(self, objs: Iterable[KubeObject]) -> None:
        """Make the store hold exactly ``objs`` (no notifications; see the informer)."""
        self._items.clear()
        for name in self._indexers:
            self._indices[name] = {}
            self._values[name] = {}
        for obj in objs:
            self.put(obj)
