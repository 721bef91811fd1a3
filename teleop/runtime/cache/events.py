"""The interface between an informer and whoever listens to it.

An informer calls these methods, one at a time and in order, for every change it sees. A resync
(re-delivery from the cache, no API traffic) arrives as ``on_update(obj, obj)`` with identical
resourceVersions. ``on_delete`` may receive a ``DeletedFinalStateUnknown`` when a relist found the
object gone and its last state was not observed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from teleop.runtime.client.objects import KubeObject

__all__ = ["DeletedFinalStateUnknown", "ResourceEventHandler"]


@dataclass(frozen=True, slots=True)
class DeletedFinalStateUnknown:
    """An object deleted while the watch was down: ``obj`` is the last state the cache held."""

    key: str
    obj: KubeObject


class ResourceEventHandler(Protocol):
    """Receives an informer's notifications. Handlers must not block for long."""

    def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None: ...

    def on_update(self, old: KubeObject, new: KubeObject) -> None: ...

    def on_delete(self, obj: KubeObject | DeletedFinalStateUnknown) -> None: ...
