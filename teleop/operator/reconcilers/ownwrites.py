"""Our own CR writes, remembered until the informer's cache has caught up with them.

The reconciler reads CRs from the informer's cache, which lags behind the API server. Adding the
finalizer enqueues the CR again (the finalizer list changed); if that reconcile ran on the cached
object from before our status write, it would see a stale status and write it again (and, with a
stale ``appliedHash``, might even rewrite Teleport). So each write we make records the object the
API server returned, and the resourceVersions it supersedes. While the cache still shows one of
those superseded versions, the reconciler uses the returned object instead; once the cache shows
any other version (ours or someone else's), the entry is dropped and the cache is the truth.

Per reconciler instance (no module state); a key is never reconciled twice at once, so no lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from teleop.runtime import KubeObject

__all__ = ["OwnWrites"]

_Key = tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Entry:
    superseded: frozenset[str]
    latest: KubeObject


def _key(obj: KubeObject) -> _Key:
    md = obj.get("metadata") or {}
    return (md.get("namespace") or "", md.get("name") or "")


def _rv(obj: KubeObject) -> str:
    return str((obj.get("metadata") or {}).get("resourceVersion") or "")


class OwnWrites:
    """See the module docstring."""

    def __init__(self) -> None:
        self._entries: dict[_Key, _Entry] = {}

    def record(self, before: KubeObject, after: KubeObject) -> None:
        """We turned ``before`` into ``after`` (the API server's response)."""
        key = _key(after)
        old = self._entries.get(key)
        superseded = {_rv(before)} | (set(old.superseded) if old is not None else set())
        superseded.discard(_rv(after))
        self._entries[key] = _Entry(frozenset(superseded), after)

    def current(self, namespace: str, name: str, cached: KubeObject | None) -> KubeObject | None:
        """The freshest known state of a CR given what the cache holds."""
        key = (namespace, name)
        entry = self._entries.get(key)
        if entry is None:
            return cached
        if cached is not None and _rv(cached) in entry.superseded:
            return entry.latest
        del self._entries[key]
        return cached

    def __len__(self) -> int:
        return len(self._entries)
