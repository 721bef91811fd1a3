"""Alternative output forms: ``as=Table`` (server-side printing) and ``as=PartialObjectMetadata``.

Custom resources are rendered by ``table.render_table`` (printer columns from the CRD); built-ins
get the default Name/Age table the real server uses for kinds without printer columns. Rows carry the object as
``PartialObjectMetadata`` (``includeObject=Metadata``, the default), or whole with ``Object``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from teleop.testing.fakekube.resources import ResourceType
from teleop.testing.fakekube.table import human_duration, render_table

__all__ = ["PARTIAL", "TABLE", "output_form", "partial", "render"]

TABLE = "Table"
PARTIAL = "PartialObjectMetadata"


def output_form(accept: str) -> str:
    """The ``as=`` of the first media type in ``Accept``: TABLE, PARTIAL or "" (the object)."""
    first = accept.split(",", 1)[0]
    params = dict(p.strip().split("=", 1) for p in first.split(";")[1:] if "=" in p)
    kind = params.get("as", "")
    if kind == "Table":
        return TABLE
    if kind in ("PartialObjectMetadata", "PartialObjectMetadataList"):
        return PARTIAL
    return ""


def partial(obj: dict[str, Any]) -> dict[str, Any]:
    """The ``PartialObjectMetadata`` form of an object (metadata-only clients)."""
    return {
        "kind": "PartialObjectMetadata",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": obj["metadata"],
    }


def _age(ts: str | None, now: datetime) -> str:
    if not ts:
        return "<unknown>"
    try:
        then = datetime.strptime(ts, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except ValueError:
        return "<invalid>"
    return human_duration((now - then).total_seconds())


def _row_object(obj: dict[str, Any], include: str) -> dict[str, Any] | None:
    if include == "None":
        return None
    if include == "Object":
        return obj
    return {
        "kind": "PartialObjectMetadata",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": obj["metadata"],
    }


def _default(
    objects: list[dict[str, Any]], list_meta: dict[str, Any], now: datetime
) -> dict[str, Any]:
    return {
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": list_meta,
        "columnDefinitions": [
            {
                "name": "Name",
                "type": "string",
                "format": "name",
                "description": "Name must be unique within a namespace.",
                "priority": 0,
            },
            {
                "name": "Age",
                "type": "string",
                "format": "",
                "description": "CreationTimestamp is a timestamp representing the server time "
                "when this object was created.",
                "priority": 0,
            },
        ],
        "rows": [
            {
                "cells": [
                    o["metadata"].get("name", ""),
                    _age(o["metadata"].get("creationTimestamp"), now),
                ],
                "object": o,
            }
            for o in objects
        ],
    }


def render(
    rt: ResourceType,
    version: str,
    objects: list[dict[str, Any]],
    list_meta: dict[str, Any],
    include: str = "Metadata",
    *,
    now: datetime,
    columns: bool = True,
) -> dict[str, Any]:
    """A meta.k8s.io/v1 Table for ``objects`` (already in the requested version)."""
    crd_version = rt.crd_version(version)
    if crd_version is not None:
        return render_table(
            crd_version,
            objects,
            list_meta=list_meta,
            include_object=include,
            no_headers=not columns,
            now=now,
        )
    table = _default(objects, list_meta, now)
    for row, obj in zip(table["rows"], objects, strict=True):
        ro = _row_object(obj, include)
        if ro is None:
            row.pop("object", None)
        else:
            row["object"] = ro
    if not columns:
        table["columnDefinitions"] = []
    return table
