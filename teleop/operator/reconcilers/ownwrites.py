"""Our own CR writes, remembered until the informer's cache has caught up with them.

The reconciler reads CRs from the informer's cache, which lags behind the API server. Adding the
finalizer enqueues the CR again (the finalizer list changed); if that reconcile ran on the cached
object from before our status write, it would see a stale status and write it again (and, with a
stale ``appliedHash``, might even rewrite Teleport). So each write we make records the object the
API server returned, and the resourceVersions it supersedes. While the cache still shows one of
those superseded versions, the reconciler uses the returned object instead; once the cache shows
any other version (ours or someone else's), the entry is dropped and the cache is the truth.

It also remembers the last few resourceVersions the API server returned to our writes of each CR,
for ``is_own_result``: the watch event that merely echoes one of our writes (the finalizer patch,
a status write) need not reconcile the CR again (see ``predicates.OwnWriteEcho``). Those are kept
apart from the entries above, which ``current`` drops as soon as the cache catches up, and
forgotten when the CR is deleted. The watch may deliver the echo of a finalizer patch before the
patch's response has been read; while such a patch is in flight (``expect``), an update from the
very resourceVersion it is conditional on to exactly the finalizers it writes is recognised too:
if it was someone else's identical change, our conditional patch fails with a conflict and the CR
is reconciled again anyway.

Per reconciler instance (no module state); a key is never reconciled twice at once, so no lock.
"""

from __future__ import annotations

from dataclasses import dataclass

from teleop.runtime import KubeObject

__all__ = ["OwnWrites"]

_Key = tuple[str, str]
_KEEP_RETURNED = 4
"""How many of our latest returned resourceVersions per CR ``is_own_result`` recognises."""


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
        self._returned: dict[_Key, tuple[str, ...]] = {}
        self._pending: dict[_Key, tuple[str, tuple[str, ...]]] = {}

    def expect(self, before: KubeObject, finalizers: list[str]) -> None:
        """A patch of ``before``'s finalizers (conditional on its resourceVersion) is in flight."""
        self._pending[_key(before)] = (_rv(before), tuple(finalizers))

    def settle(self, obj: KubeObject) -> None:
        """The in-flight patch of ``obj`` has returned or failed."""
        self._pending.pop(_key(obj), None)

    def record(self, before: KubeObject, after: KubeObject) -> None:
        """We turned ``before`` into ``after`` (the API server's response)."""
        key = _key(after)
        old = self._entries.get(key)
        superseded = {_rv(before)} | (set(old.superseded) if old is not None else set())
        superseded.discard(_rv(after))
        self._entries[key] = _Entry(frozenset(superseded), after)
        rv = _rv(after)
        if rv:
            self._returned[key] = (*self._returned.get(key, ())[1 - _KEEP_RETURNED :], rv)

    def is_own_result(self, obj: KubeObject, previous: KubeObject | None = None) -> bool:
        """Whether ``obj``'s resourceVersion is one the API server returned to one of our writes,
        or ``previous`` -> ``obj`` is the in-flight finalizer patch (see the module docstring)."""
        rv, key = _rv(obj), _key(obj)
        if rv and rv in self._returned.get(key, ()):
            return True
        pending = self._pending.get(key)
        if pending is None or previous is None or not rv:
            return False
        finalizers = tuple((obj.get("metadata") or {}).get("finalizers") or ())
        return pending == (_rv(previous), finalizers)

    def forget(self, obj: KubeObject) -> None:
        """The CR is gone: drop the resourceVersions remembered for ``is_own_result``."""
        self._returned.pop(_key(obj), None)

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
