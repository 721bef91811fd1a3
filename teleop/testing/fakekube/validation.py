"""Per-kind validation: Lease MicroTime fields and the bridge to the CRD schema engine.

Custom resources are validated, pruned and defaulted by ``schema.py``; this module is the one
place the write path meets it, converting its results into our ``Cause`` type so that the rest of
the server does not depend on the engine's internals.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from teleop.testing.fakekube.errors import Cause
from teleop.testing.fakekube.schema import StructuralSchema, validate_crd_schema

__all__ = [
    "SchemaOutcome",
    "crd_schema_causes",
    "lease_causes",
    "load_schema",
    "run_schema",
]

_MICRO = re.compile(r"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\.(\d{6})(Z|[+-]\d{2}:\d{2})$")


class SchemaOutcome:
    """A schema result converted to our own types."""

    def __init__(self, obj: dict[str, Any], pruned: list[str], causes: list[Cause]) -> None:
        self.obj = obj
        self.pruned = pruned
        self.causes = causes


def load_schema(openapi_v3_schema: dict[str, Any] | None) -> StructuralSchema | None:
    """The compiled structural schema for one CRD version (None when the version has none)."""
    if not openapi_v3_schema:
        return None
    return StructuralSchema.from_crd_version(openapi_v3_schema)


def run_schema(schema: StructuralSchema | None, obj: dict[str, Any]) -> SchemaOutcome:
    if schema is None:
        return SchemaOutcome(obj, [], [])
    res = schema.apply(obj)
    causes = [Cause(c.reason, c.message, c.field) for c in res.causes]
    return SchemaOutcome(res.obj, list(res.pruned), causes)


def crd_schema_causes(crd: dict[str, Any]) -> list[Cause]:
    """Schema problems that make a CRD itself invalid, one path per version."""
    out: list[Cause] = []
    for i, v in enumerate(crd.get("spec", {}).get("versions") or []):
        schema = (v.get("schema") or {}).get("openAPIV3Schema")
        if schema is None:
            continue
        path = f"spec.versions[{i}].schema.openAPIV3Schema"
        out.extend(
            Cause(c.reason, c.message, c.field) for c in validate_crd_schema(schema, path=path)
        )
    return out


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
