"""A bounded least-recently-used map, the cache behind every part of the event correlator.

client-go bounds each correlator cache (aggregation, observation, spam filter) at 4096 keys
with ``golang/groupcache/lru``: an operator that emits events about many objects must not grow
without limit, and forgetting an old key only costs a fresh Event instead of a count++.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Generic, TypeVar

__all__ = ["LRU"]

K = TypeVar("K")
V = TypeVar("V")


class LRU(Generic[K, V]):
    """``get`` refreshes a key; ``put`` evicts the least recently used key beyond ``size``."""

    def __init__(self, size: int) -> None:
        if size < 1:
            raise ValueError("LRU size must be positive")
        self._size = size
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key: K, value: V) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self._size:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data
