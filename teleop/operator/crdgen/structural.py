"""A self-check that a generated CRD schema is structural, before anything is written.

kube-apiserver refuses a CRD whose ``openAPIV3Schema`` is not structural
(apiextensions-apiserver ``pkg/apiserver/schema``): every node needs a ``type`` unless it is
``x-kubernetes-int-or-string`` or ``x-kubernetes-preserve-unknown-fields``; ``properties`` and
``additionalProperties`` exclude each other; arrays need ``items``; junctors (``allOf``, ``anyOf``,
``oneOf``, ``not``) may not carry types. Schemas come from the .proto descriptors, so a new field
option or message shape could break a rule; ``render_crds`` runs this check and fails loudly
rather than emit a manifest the API server would reject at install time. The fakekube tests run
the apiserver's own rules on the result as well.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

__all__ = ["structural_problems"]

_TYPES = frozenset({"object", "array", "string", "integer", "number", "boolean"})
_JUNCTORS = ("allOf", "anyOf", "oneOf", "not")
_INT_OR_STRING_ANY_OF = [{"type": "integer"}, {"type": "string"}]
_FORBIDDEN_IN_JUNCTORS = ("type", "description", "default", "additionalProperties", "nullable")


def structural_problems(schema: Mapping[str, Any], path: str = "") -> list[str]:
    """Every rule ``schema`` breaks, as ``path: problem`` strings (empty when structural)."""
    return list(_node(schema, path or "<root>"))


def _node(s: Mapping[str, Any], path: str) -> Iterator[str]:
    typ = s.get("type")
    int_or_string = s.get("x-kubernetes-int-or-string") is True
    preserve = s.get("x-kubernetes-preserve-unknown-fields") is True
    if typ is None and not (int_or_string or preserve):
        yield f"{path}: no type"
    if typ is not None and typ not in _TYPES:
        yield f"{path}: unknown type {typ!r}"
    if typ is not None and int_or_string:
        yield f"{path}: x-kubernetes-int-or-string with a type"
    if "properties" in s and "additionalProperties" in s:
        yield f"{path}: properties and additionalProperties together"
    if typ == "array" and not isinstance(s.get("items"), Mapping):
        yield f"{path}: array without items"
    if typ not in (None, "object") and ("properties" in s or "additionalProperties" in s):
        yield f"{path}: properties on a {typ}"
    for junctor in _JUNCTORS:
        if junctor == "anyOf" and int_or_string and s.get("anyOf") == _INT_OR_STRING_ANY_OF:
            continue
        for sub in _junctor_members(s.get(junctor)):
            for key in _FORBIDDEN_IN_JUNCTORS:
                if key in sub:
                    yield f"{path}.{junctor}: {key} is not allowed inside a junctor"
    for name, sub in (s.get("properties") or {}).items():
        yield from _node(sub, f"{path}.{name}")
    extra = s.get("additionalProperties")
    if isinstance(extra, Mapping):
        yield from _node(extra, f"{path}.*")
    items = s.get("items")
    if isinstance(items, Mapping):
        yield from _node(items, f"{path}[]")


def _junctor_members(value: Any) -> list[Mapping[str, Any]]:
    if isinstance(value, Mapping):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, Mapping)]
    return []
