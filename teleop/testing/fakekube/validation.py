"""Per-kind validation: Lease MicroTime fields and the seam to the CRD schema module.

Custom resources are validated, pruned and defaulted by ``schema.py`` (a colleague's module,
written in parallel). It is reached through ``importlib`` and small Protocols so that this package
type-checks and runs whether or not that module is present yet; without it custom resources are
stored as sent. Table rendering (``table.py``) is reached the same way.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, Protocol

from teleop.testing.fakekube.errors import Cause

__all__ = ["CrSchema", "SchemaOutcome", "lease_causes", "load_schema", "load_table_renderer"]

_MICRO = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.(\d{6})(Z|[+-]\d{2}:\d{2})$")


class _CauseLike(Protocol):
    @property
    def reason(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def field(self) -> str: ...


class _ResultLike(Protocol):
    @property
    def obj(self) -> dict[str, Any]: ...
    @property
    def pruned(self) -> Sequence[str]: ...
    @property
    def causes(self) -> Sequence[_CauseLike]: ...


class CrSchema(Protocol):
    """What the fake needs from ``schema.StructuralSchema``."""

    def apply(self, obj: dict[str, Any], *, path: str = "") -> _ResultLike: ...


class SchemaOutcome:
    """A schema result converted to our own types."""

    def __init__(self, obj: dict[str, Any], pruned: list[str], causes: list[Cause]) -> None:
        self.obj = obj
        self.pruned = pruned
        self.causes = causes


class _TableRenderer(Protocol):
    def __call__(
        self,
        crd_version: dict[str, Any],
        objects: list[dict[str, Any]],
        *,
        list_meta: dict[str, Any],
    ) -> dict[str, Any]: ...


def load_schema(openapi_v3_schema: dict[str, Any] | None) -> CrSchema | None:
    """The structural schema for one CRD version, or None (no schema, or no schema module)."""
    if not openapi_v3_schema:
        return None
    try:
        mod = importlib.import_module("teleop.testing.fakekube.schema")
    except ImportError:
        return None
    schema: CrSchema = mod.StructuralSchema.from_crd_version(openapi_v3_schema)
    return schema


def run_schema(schema: CrSchema | None, obj: dict[str, Any]) -> SchemaOutcome:
    if schema is None:
        return SchemaOutcome(obj, [], [])
    res = schema.apply(obj)
    causes = [Cause(c.reason, c.message, c.field) for c in res.causes]
    return SchemaOutcome(res.obj, list(res.pruned), causes)


def load_table_renderer() -> _TableRenderer | None:
    try:
        mod = importlib.import_module("teleop.testing.fakekube.table")
    except ImportError:
        return None
    renderer: _TableRenderer = mod.render_table
    return renderer


def _micro_time(value: Any, field: str) -> tuple[str | None, Cause | None]:
    if value is None:
        return None, None
    m = _MICRO.match(value) if isinstance(value, str) else None
    if m is None:
        return None, Cause(
            "FieldValueInvalid",
            f"Invalid value: {value!r}: must be a MicroTime: RFC 3339 with exactly 6 fractional "
            "digits",
            field,
        )
    if m.group(3) == "Z":
        return value, None
    parsed = datetime.fromisoformat(value).astimezone(UTC)
    return parsed.strftime("%Y-%m-%dT%H:%M:%S.%fZ"), None


def lease_causes(obj: dict[str, Any]) -> list[Cause]:
    """Validate (and normalise to Z, in place) the Lease MicroTime fields."""
    spec = obj.get("spec")
    if not isinstance(spec, dict):
        return []
    causes: list[Cause] = []
    for name in ("acquireTime", "renewTime"):
        fixed, cause = _micro_time(spec.get(name), f"spec.{name}")
        if cause is not None:
            causes.append(cause)
        elif fixed is not None:
            spec[name] = fixed
    return causes
