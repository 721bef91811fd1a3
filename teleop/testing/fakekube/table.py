"""Server-side printing of custom resources: the ``meta.k8s.io/v1`` ``Table`` kube-apiserver sends.

``kubectl get`` asks for ``Accept: application/json;as=Table;v=v1;g=meta.k8s.io`` and prints the
cells it gets back. The rules reproduced here come from apiextensions-apiserver
``pkg/registry/customresource/tableconvertor/tableconvertor.go`` and the CRD helpers:

- columns are ``Name`` (type ``string``, format ``name``, ObjectMeta's description) and then the
  version's ``additionalPrinterColumns``; a version without any gets a single ``Age`` column
  (``date``, ``.metadata.creationTimestamp``). A column without a description is described as
  ``Custom resource definition column (in JSONPath format): <path>``; ``format`` and
  ``priority`` are always present;
- a column's JSONPath is evaluated with missing keys allowed and only its first result is used;
  no result gives a ``null`` cell;
- ``string`` cells print maps and lists as compact JSON and scalars as Go prints them;
  ``integer`` cells truncate floats, ``number`` cells turn integers into floats, ``boolean`` cells
  keep booleans; a value of the wrong JSON type gives ``null``;
- ``date`` cells are printed by the server as a human age (``duration.HumanDuration``:
  ``5m``, ``3h20m``, ``4d``...) of ``now`` minus the timestamp, ``<invalid>`` when the string does
  not parse. fakekube's clock is injected, so pass ``now``; without it the cell keeps the raw
  RFC 3339 string;
- each row's ``object`` is a ``PartialObjectMetadata`` for ``includeObject=Metadata`` (the
  default), the whole object for ``Object``, and absent for ``None``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Final

from teleop.testing.fakekube.schema_cause import go_float

__all__ = ["find_first", "human_duration", "render_table"]

_NAME_DESCRIPTION: Final = (
    "Name must be unique within a namespace. Is required when creating resources, although some "
    "resources may allow a client to request the generation of an appropriate name "
    "automatically. Name is primarily intended for creation idempotence and configuration "
    "definition. Cannot be updated. More info: "
    "https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names"
)
_CREATION_DESCRIPTION: Final = (
    "CreationTimestamp is a timestamp representing the server time when this object was "
    "created. It is not guaranteed to be set in happens-before order across separate "
    "operations. Clients may not set this value. It is represented in RFC3339 form and is in "
    "UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: "
    "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata"
)
_AGE_COLUMN: Final = {
    "name": "Age",
    "type": "date",
    "description": _CREATION_DESCRIPTION,
    "jsonPath": ".metadata.creationTimestamp",
}
_TOKEN: Final = re.compile(
    r"""\.\.|\.\*|\[\*\]|\[\?\((?P<filter>.*?)\)\]|\[(?P<index>-?\d+)\]"""
    r"""|\[(?P<q>['"])(?P<qkey>.*?)(?P=q)\]|\.(?P<field>(?:\\.|[^.\[\\])+)"""
)
_FILTER: Final = re.compile(r"^@((?:\.[^.=!<>\s]+)+)\s*(?:(==|!=|<=|>=|<|>)\s*(.+?))?\s*$")


def _steps(path: str) -> list[tuple[str, Any]]:
    """Parse the JSONPath subset printer columns use (fields, indexes, ``*``, filters)."""
    p = path.strip()
    if p.startswith("{") and p.endswith("}"):
        p = p[1:-1]
    if p and not p.startswith((".", "[")):
        p = "." + p
    steps: list[tuple[str, Any]] = []
    pos = 0
    while pos < len(p):
        m = _TOKEN.match(p, pos)
        if m is None:
            raise ValueError(f"unrecognized column definition {path!r}")
        tok = m.group(0)
        if m.group("field") is not None:
            steps.append(("field", re.sub(r"\\(.)", r"\1", m.group("field"))))
        elif m.group("qkey") is not None:
            steps.append(("field", m.group("qkey")))
        elif m.group("index") is not None:
            steps.append(("index", int(m.group("index"))))
        elif m.group("filter") is not None:
            steps.append(("filter", _parse_filter(m.group("filter"))))
        elif tok in (".*", "[*]"):
            steps.append(("all", None))
        else:
            steps.append(("recursive", None))
        pos = m.end()
    return steps


def _parse_filter(expr: str) -> tuple[list[tuple[str, Any]], str, Any]:
    m = _FILTER.match(expr.strip())
    if m is None:
        raise ValueError(f"unsupported filter {expr!r}")
    sub = _steps(m.group(1))
    op = m.group(2) or ""
    lit: Any = None
    if op:
        raw = m.group(3)
        lit = raw[1:-1] if raw[:1] in "'\"" else json.loads(raw)
    return sub, op, lit


def _walk(values: list[Any], steps: list[tuple[str, Any]]) -> list[Any]:
    for kind, arg in steps:
        nxt: list[Any] = []
        for v in values:
            if kind == "field":
                if isinstance(v, Mapping) and arg in v:
                    nxt.append(v[arg])
            elif kind == "index":
                if isinstance(v, list) and -len(v) <= arg < len(v):
                    nxt.append(v[arg])
            elif kind == "all":
                if isinstance(v, list):
                    nxt.extend(v)
                elif isinstance(v, Mapping):
                    nxt.extend(v.values())
            elif kind == "filter" and isinstance(v, list):
                nxt.extend(x for x in v if _matches(x, arg))
            elif kind == "recursive":
                nxt.extend(_descendants(v))
        values = nxt
    return values


def _descendants(v: Any) -> list[Any]:
    out = [v]
    children = v.values() if isinstance(v, Mapping) else v if isinstance(v, list) else ()
    for c in children:
        out.extend(_descendants(c))
    return out


def _matches(x: Any, flt: tuple[list[tuple[str, Any]], str, Any]) -> bool:
    sub, op, lit = flt
    found = _walk([x], sub)
    if not found:
        return False
    if not op:
        return True
    left = found[0]
    try:
        if op == "==":
            return bool(left == lit)
        if op == "!=":
            return bool(left != lit)
        if op == "<":
            return bool(left < lit)
        if op == ">":
            return bool(left > lit)
        if op == "<=":
            return bool(left <= lit)
        return bool(left >= lit)
    except TypeError:
        return False


def find_first(obj: Any, json_path: str) -> tuple[bool, Any]:
    """``(found, value)`` of the first result of a printer-column JSONPath on ``obj``."""
    res = _walk([obj], _steps(json_path))
    return (True, res[0]) if res else (False, None)


def human_duration(seconds: float) -> str:
    """k8s.io/apimachinery ``duration.HumanDuration`` of a duration in seconds."""
    s = int(seconds)
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 120:
        return f"{s}s"
    minutes = s // 60
    if minutes < 10:
        return f"{minutes}m" if s % 60 == 0 else f"{minutes}m{s % 60}s"
    if minutes < 180:
        return f"{minutes}m"
    hours = s // 3600
    if hours < 8:
        return f"{hours}h" if minutes % 60 == 0 else f"{hours}h{minutes % 60}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        return f"{hours // 24}d" if hours % 24 == 0 else f"{hours // 24}d{hours % 24}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        dy = (hours // 24) % 365
        return f"{hours // 24 // 365}y" if dy == 0 else f"{hours // 24 // 365}y{dy}d"
    return f"{hours // 24 // 365}y"


def _text(v: Any) -> str:
    if isinstance(v, (dict, list)):
        # Go's json.Marshal: compact, sorted keys, HTML characters escaped.
        s = json.dumps(v, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
        return s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    if v is None:
        return "<no value>"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return go_float(v)
    return str(v)


def _cell(col_type: str, v: Any, now: datetime | None) -> Any:
    if col_type == "string":
        return _text(v)
    if v is None:
        return None
    if col_type == "integer" and not isinstance(v, bool) and isinstance(v, (int, float)):
        return int(v)
    if col_type == "number" and not isinstance(v, bool) and isinstance(v, (int, float)):
        return float(v)
    if col_type == "boolean" and isinstance(v, bool):
        return v
    if col_type == "date" and isinstance(v, str):
        try:
            ts = datetime.fromisoformat(v.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return "<invalid>"
        if ts.tzinfo is None:
            return "<invalid>"
        return v if now is None else human_duration((now - ts).total_seconds())
    return None


def _columns(crd_version: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    cols = crd_version.get("additionalPrinterColumns") or []
    return list(cols) if cols else [_AGE_COLUMN]


def render_table(
    crd_version: Mapping[str, Any],
    objects: list[dict[str, Any]],
    *,
    list_meta: Mapping[str, Any],
    include_object: str = "Metadata",
    no_headers: bool = False,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The Table for ``objects`` served under one CRD version (``spec.versions[*]``).

    ``list_meta`` gives ``resourceVersion``, ``continue`` and ``remainingItemCount`` (empty ones
    are left out). ``include_object`` is the ``includeObject`` query parameter
    (``Metadata``, ``Object`` or ``None``) and ``no_headers`` the ``TableOptions.noHeaders``.
    """
    cols = _columns(crd_version)
    parsed = [_steps(c.get("jsonPath", "")) for c in cols]
    defs: list[dict[str, Any]] = [
        {
            "name": "Name",
            "type": "string",
            "format": "name",
            "description": _NAME_DESCRIPTION,
            "priority": 0,
        }
    ]
    for c in cols:
        desc = c.get("description") or (
            f"Custom resource definition column (in JSONPath format): {c.get('jsonPath', '')}"
        )
        defs.append(
            {
                "name": c.get("name", ""),
                "type": c.get("type", ""),
                "format": c.get("format", ""),
                "description": desc,
                "priority": int(c.get("priority", 0)),
            }
        )
    rows = []
    for obj in objects:
        meta = obj.get("metadata") or {}
        cells: list[Any] = [meta.get("name", "")]
        for c, steps in zip(cols, parsed, strict=True):
            res = _walk([obj], steps)
            cells.append(_cell(c.get("type", ""), res[0], now) if res else None)
        row: dict[str, Any] = {"cells": cells}
        if include_object == "Object":
            row["object"] = obj
        elif include_object != "None":
            row["object"] = {
                "kind": "PartialObjectMetadata",
                "apiVersion": "meta.k8s.io/v1",
                "metadata": meta,
            }
        rows.append(row)
    table_meta = {
        k: list_meta[k]
        for k in ("resourceVersion", "continue", "remainingItemCount")
        if list_meta.get(k) not in (None, "")
    }
    table: dict[str, Any] = {
        "kind": "Table",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": table_meta,
    }
    # Table.columnDefinitions has no omitempty: without headers it is JSON null.
    table["columnDefinitions"] = None if no_headers else defs
    table["rows"] = rows
    return table
