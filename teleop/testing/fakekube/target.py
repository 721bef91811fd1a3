"""The request-independent vocabulary of the write path: targets, options, results, hooks.

Kept apart from ``writes.py`` so that kind hooks (``kinds.py``) and admission checks can name
these types without importing the writer itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from teleop.testing.fakekube.errors import Cause
from teleop.testing.fakekube.resources import ResourceType
from teleop.testing.fakekube.store import Stored

__all__ = ["KindHooks", "Target", "WriteOptions", "WriteResult"]


@dataclass(frozen=True, slots=True)
class Target:
    """What a request addresses."""

    rt: ResourceType
    version: str
    namespace: str
    name: str
    subresource: str = ""


@dataclass(frozen=True, slots=True)
class WriteOptions:
    field_validation: str = "Warn"
    dry_run: bool = False
    field_manager: str = ""
    force: bool = False


@dataclass(slots=True)
class WriteResult:
    """The response body (an object or a Status) plus warnings."""

    code: int
    obj: dict[str, Any]
    raw: bytes
    warnings: list[str] = field(default_factory=list)


class KindHooks(Protocol):
    """Kind-specific steps around a write."""

    def prepare(
        self, target: Target, new: dict[str, Any], old: dict[str, Any] | None
    ) -> tuple[list[Cause], list[str]]:
        """Mutate ``new`` in place (defaults, pruning, computed status).

        Returns the validation causes and the paths of unknown fields that were pruned.
        """
        ...

    def committed(self, target: Target, stored: Stored, old: dict[str, Any] | None) -> None:
        """Called after a commit (``stored`` is the new revision, or the deleted one)."""
        ...
