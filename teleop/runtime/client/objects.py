"""Resource types and helpers for unstructured objects.

The runtime works on unstructured objects (plain ``dict`` decoded from JSON) for any
group/version/kind, as controller-runtime's unstructured client does: it avoids generated models
(slow to build, and unable to hold Teleport's string-or-list label values) and keeps one code
path for built-in and custom resources.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

__all__ = [
    "KubeObject",
    "ResourceType",
    "api_path",
    "meta",
    "object_key",
]

KubeObject = dict[str, Any]
"""An object as the API server sends it: decoded JSON."""


@dataclass(frozen=True, slots=True)
class ResourceType:
    """Everything needed to address a resource on the API server.

    ``group`` is "" for the core group. ``plural`` is the URL segment (``configmaps``).
    """

    group: str
    version: str
    plural: str
    kind: str
    namespaced: bool = True

    @property
    def api_version(self) -> str:
        return f"{self.group}/{self.version}" if self.group else self.version

    def __str__(self) -> str:
        return (
            f"{self.plural}.{self.version}.{self.group}"
            if self.group
            else f"{self.plural}.{self.version}"
        )


def api_path(
    rt: ResourceType,
    *,
    namespace: str | None = None,
    name: str | None = None,
    subresource: str | None = None,
) -> str:
    """The URL path for a collection, an object or one of its subresources.

    ``namespace=None`` on a namespaced type addresses the collection across all namespaces.
    """
    root = f"/apis/{rt.group}/{rt.version}" if rt.group else f"/api/{rt.version}"
    parts = [root]
    # Names are escaped so that no value ("..", "a/b", "x?y") can address another object.
    if rt.namespaced and namespace:
        parts.append(f"namespaces/{_segment(namespace)}")
    parts.append(rt.plural)
    if name is not None:
        parts.append(_segment(name))
        if subresource:
            parts.append(subresource)
    return "/".join(parts)


def _segment(value: str) -> str:
    """One URL path segment: percent-escaped, and never "." or ".." (which URLs normalise away)."""
    if value in (".", ".."):
        raise ValueError(f"{value!r} is not a valid object name")
    return quote(value, safe="")


def meta(obj: KubeObject) -> dict[str, Any]:
    """``obj["metadata"]``, created empty when missing."""
    m = obj.get("metadata")
    if m is None:
        m = obj["metadata"] = {}
    return m


def object_key(obj: KubeObject) -> str:
    """The cache key client-go uses: ``namespace/name``, or ``name`` when cluster-scoped."""
    m = obj.get("metadata") or {}
    ns = m.get("namespace") or ""
    return f"{ns}/{m['name']}" if ns else str(m["name"])
