"""fakekube's CRD schema engine: prune, default and validate custom resources like kube-apiserver.

The server compiles each served CRD version once with ``StructuralSchema.from_crd_version`` and
calls ``apply`` on every custom-resource write (create, update, patch, status). ``apply`` returns
a pruned and defaulted copy of the object, the dotted paths of the unknown fields it removed (for
``fieldValidation=Strict``/``Warn``) and the validation causes for a 422, worded as the real
apiserver words them (see ``schema_validate`` for the facts and their sources). A CRD's schema
is checked with ``validate_crd_schema`` before it is accepted, and ``format_invalid_message``
builds the 422 ``Status.message``.

Defaulting happens on write only: the real apiserver also defaults when reading from storage,
which makes no observable difference for a double whose storage never outlives its schema.
``x-kubernetes-validations`` (CEL) rules are accepted and ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from teleop.testing.fakekube.schema_cause import Cause, format_invalid_message
from teleop.testing.fakekube.schema_crd import validate_crd_schema
from teleop.testing.fakekube.schema_node import Node, compile_node
from teleop.testing.fakekube.schema_walk import Walk

__all__ = [
    "Cause",
    "SchemaResult",
    "StructuralSchema",
    "format_invalid_message",
    "validate_crd_schema",
]


@dataclass(frozen=True, slots=True)
class SchemaResult:
    """What ``apply`` found: the new object, the pruned field paths and the causes."""

    obj: dict[str, Any]
    pruned: list[str] = field(default_factory=list)
    causes: list[Cause] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when there is nothing to report as a 422."""
        return not self.causes


class StructuralSchema:
    """One CRD version's ``openAPIV3Schema``, compiled once and applied many times."""

    __slots__ = ("_root", "source")

    def __init__(self, root: Node, source: Mapping[str, Any]) -> None:
        self._root = root
        self.source = source

    @classmethod
    def from_crd_version(cls, openapi_v3_schema: Mapping[str, Any]) -> StructuralSchema:
        """Compile ``spec.versions[*].schema.openAPIV3Schema`` (assumed already validated)."""
        return cls(compile_node(openapi_v3_schema), openapi_v3_schema)

    def apply(self, obj: Mapping[str, Any], *, path: str = "") -> SchemaResult:
        """Prune, default and validate a copy of ``obj``; ``obj`` itself is left untouched.

        ``path`` prefixes every reported field (empty for a whole resource). ``pruned`` is
        sorted, as the apiserver sorts its unknown-field paths.
        """
        walk = Walk()
        out = walk.root(self._root, dict(obj), path)
        walk.pruned.sort()
        return SchemaResult(obj=out, pruned=walk.pruned, causes=walk.all_causes())
