"""Label and field selectors, parsed once per request and matched per object.

Label selectors support the full set-based grammar kube-apiserver accepts (``=``, ``==``, ``!=``,
``in``, ``notin``, ``key``, ``!key``); field selectors support ``=``, ``==`` and ``!=`` on the
labels a resource declares (``metadata.name`` and ``metadata.namespace`` everywhere). A field label
the resource does not support is a 400, as on a real server.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from teleop.testing.fakekube.errors import bad_request

__all__ = ["FieldSelector", "LabelSelector"]

_TOKEN = re.compile(r"\s*(!=|==|=|\(|\)|,|!|[^\s!=(),]+)")


@dataclass(frozen=True, slots=True)
class _Req:
    key: str
    op: str  # in, notin, exists, !exists
    values: frozenset[str]

    def matches(self, labels: dict[str, str]) -> bool:
        if self.op == "exists":
            return self.key in labels
        if self.op == "!exists":
            return self.key not in labels
        if self.op == "in":
            return self.key in labels and labels[self.key] in self.values
        return self.key not in labels or labels[self.key] not in self.values


class LabelSelector:
    """A parsed label selector; ``LabelSelector.parse("")`` matches everything."""

    def __init__(self, reqs: list[_Req]) -> None:
        self._reqs = reqs

    @property
    def empty(self) -> bool:
        return not self._reqs

    @classmethod
    def parse(cls, text: str) -> LabelSelector:
        tokens = [m.group(1) for m in _TOKEN.finditer(text)]
        reqs: list[_Req] = []
        i = 0

        def fail() -> NoReturn:
            raise bad_request(f"unable to parse requirement: invalid label selector: {text!r}")

        while i < len(tokens):
            tok = tokens[i]
            if tok == "!":
                if i + 1 >= len(tokens):
                    fail()
                reqs.append(_Req(tokens[i + 1], "!exists", frozenset()))
                i += 2
            else:
                key = tok
                op = tokens[i + 1] if i + 1 < len(tokens) else ","
                if op == ",":
                    reqs.append(_Req(key, "exists", frozenset()))
                    i += 1
                elif op in ("=", "==", "!="):
                    if i + 2 >= len(tokens) or tokens[i + 2] == ",":
                        value, i = "", i + 2
                    else:
                        value, i = tokens[i + 2], i + 3
                    reqs.append(_Req(key, "in" if op != "!=" else "notin", frozenset({value})))
                elif op in ("in", "notin"):
                    if i + 2 >= len(tokens) or tokens[i + 2] != "(":
                        fail()
                    j = i + 3
                    values: set[str] = set()
                    while j < len(tokens) and tokens[j] != ")":
                        if tokens[j] != ",":
                            values.add(tokens[j])
                        j += 1
                    if j >= len(tokens):
                        fail()
                    reqs.append(_Req(key, op, frozenset(values)))
                    i = j + 1
                else:
                    fail()
            if i < len(tokens):
                if tokens[i] != ",":
                    fail()
                i += 1
        return cls(reqs)

    def matches(self, obj: dict[str, Any] | None) -> bool:
        if not self._reqs:
            return True
        if obj is None:
            return False
        labels = obj.get("metadata", {}).get("labels") or {}
        return all(r.matches(labels) for r in self._reqs)


def _field_value(obj: dict[str, Any], path: str) -> str:
    cur: Any = obj
    for part in path.split("."):
        if not isinstance(cur, dict):
            return ""
        cur = cur.get(part)
    if cur is None:
        return ""
    if isinstance(cur, bool):
        return "true" if cur else "false"
    return str(cur)


class FieldSelector:
    """A parsed field selector restricted to the labels a resource supports."""

    def __init__(self, terms: list[tuple[str, bool, str]]) -> None:
        self._terms = terms

    @property
    def empty(self) -> bool:
        return not self._terms

    def equals(self, path: str) -> str | None:
        """The value required for ``path`` by an equality term, if any (lets lists shortcut)."""
        for p, eq, v in self._terms:
            if p == path and eq:
                return v
        return None

    @classmethod
    def parse(cls, text: str, supported: Callable[[str], bool]) -> FieldSelector:
        terms: list[tuple[str, bool, str]] = []
        for part in filter(None, (p.strip() for p in text.split(","))):
            if "!=" in part:
                path, value = part.split("!=", 1)
                eq = False
            elif "==" in part:
                path, value = part.split("==", 1)
                eq = True
            elif "=" in part:
                path, value = part.split("=", 1)
                eq = True
            else:
                raise bad_request(f'invalid field selector: "{part}": no operator')
            path = path.strip()
            if not supported(path):
                raise bad_request(f"field label not supported: {path}")
            terms.append((path, eq, value.strip()))
        return cls(terms)

    def matches(self, obj: dict[str, Any] | None) -> bool:
        if obj is None:
            return False
        return all((_field_value(obj, path) == value) == eq for path, eq, value in self._terms)
