"""Transforms applied to objects before they enter an informer's cache.

client-go's ``TransformFunc`` lets an informer drop what nobody reads before the object is stored
for hours. ``managedFields`` (server-side apply bookkeeping) is often the largest part of an
object and no controller here reads it, so informers strip it by default; it is the standard
lever for informer memory.
"""

from __future__ import annotations

from collections.abc import Callable

from teleop.runtime.client.objects import KubeObject

__all__ = ["Transform", "strip_managed_fields"]

Transform = Callable[[KubeObject], KubeObject]
"""Takes a freshly decoded object (owned by the caller, safe to mutate) and returns what to cache."""


def strip_managed_fields(obj: KubeObject) -> KubeObject:
    """Drop ``metadata.managedFields`` in place."""
    m = obj.get("metadata")
    if m is not None:
        m.pop("managedFields", None)
    return obj
