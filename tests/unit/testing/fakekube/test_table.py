"""Table rendering of custom resources, one kube-apiserver fact per test.

Sources (kubernetes/kubernetes, staging/src/k8s.io/...):
- C = apiextensions-apiserver/pkg/registry/customresource/tableconvertor/tableconvertor.go
- H = apiextensions-apiserver/pkg/apis/apiextensions/helpers.go (serveDefaultColumnsIfEmpty)
- J = client-go/util/jsonpath/jsonpath.go (PrintResults: maps and slices as JSON)
- D = apimachinery/pkg/util/duration/duration.go (HumanDuration)
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from teleop.testing.fakekube.table import find_first, human_duration, render_table

_OBJ: dict[str, Any] = {
    "apiVersion": "g/v1",
    "kind": "K",
    "metadata": {"name": "a", "namespace": "ns", "creationTimestamp": "2026-01-01T00:00:00Z"},
    "spec": {"roles": ["x", "y"], "n": 3, "f": 2.5, "on": True, "labels": {"b": "2", "a": "<1>"}},
    "status": {
        "conditions": [{"type": "Synced", "status": "False"}, {"type": "Ready", "status": "True"}]
    },
}


def _cols(*cols: dict[str, Any]) -> dict[str, Any]:
    return {"name": "v1", "additionalPrinterColumns": list(cols)}


def test_name_column_first_then_printer_columns() -> None:
    # C: headers start with Name (string/name); description defaults to the JSONPath text.
    t = render_table(
        _cols({"name": "Ready", "type": "string", "jsonPath": ".status.x"}), [], list_meta={}
    )
    assert [c["name"] for c in t["columnDefinitions"]] == ["Name", "Ready"]
    assert t["columnDefinitions"][0]["format"] == "name"
    assert t["columnDefinitions"][1] == {
        "name": "Ready",
        "type": "string",
        "format": "",
        "description": "Custom resource definition column (in JSONPath format): .status.x",
        "priority": 0,
    }
    assert t["kind"] == "Table"
    assert t["apiVersion"] == "meta.k8s.io/v1"
    assert t["rows"] == []


def test_no_printer_columns_gives_name_and_age() -> None:
    # H: serveDefaultColumnsIfEmpty adds Age (date, .metadata.creationTimestamp).
    t = render_table(
        {"name": "v1"}, [_OBJ], list_meta={}, now=datetime(2026, 1, 1, 0, 5, tzinfo=UTC)
    )
    assert [(c["name"], c["type"]) for c in t["columnDefinitions"]] == [
        ("Name", "string"),
        ("Age", "date"),
    ]
    assert t["columnDefinitions"][1]["description"].startswith("CreationTimestamp is a timestamp")
    assert t["rows"][0]["cells"] == ["a", "5m"]


def test_date_without_now_keeps_the_raw_timestamp() -> None:
    t = render_table({"name": "v1"}, [_OBJ], list_meta={})
    assert t["rows"][0]["cells"] == ["a", "2026-01-01T00:00:00Z"]


def test_filter_expression_picks_the_matching_condition() -> None:
    col = {
        "name": "Ready",
        "type": "string",
        "jsonPath": '.status.conditions[?(@.type=="Ready")].status',
    }
    t = render_table(_cols(col), [_OBJ], list_meta={})
    assert t["rows"][0]["cells"] == ["a", "True"]


def test_cells_by_type() -> None:
    # C: cellForJSONValue; J: string columns print slices and maps as compact JSON.
    cols = [
        {"name": "Roles", "type": "string", "jsonPath": ".spec.roles"},
        {"name": "Labels", "type": "string", "jsonPath": ".spec.labels"},
        {"name": "N", "type": "integer", "jsonPath": ".spec.n"},
        {"name": "F", "type": "integer", "jsonPath": ".spec.f"},
        {"name": "Num", "type": "number", "jsonPath": ".spec.n"},
        {"name": "On", "type": "boolean", "jsonPath": ".spec.on"},
        {"name": "NStr", "type": "string", "jsonPath": ".spec.n"},
        {"name": "Bad", "type": "integer", "jsonPath": ".spec.on"},
        {"name": "Missing", "type": "string", "jsonPath": ".spec.nope"},
        {"name": "First", "type": "string", "jsonPath": ".spec.roles[0]"},
    ]
    t = render_table(_cols(*cols), [_OBJ], list_meta={})
    assert t["rows"][0]["cells"] == [
        "a",
        '["x","y"]',
        '{"a":"\\u003c1\\u003e","b":"2"}',
        3,
        2,
        3.0,
        True,
        "3",
        None,
        None,
        "x",
    ]


def test_invalid_date_cell() -> None:
    obj = {"metadata": {"name": "a"}, "spec": {"t": "not a date"}}
    t = render_table(
        _cols({"name": "T", "type": "date", "jsonPath": ".spec.t"}),
        [obj],
        list_meta={},
        now=datetime.now(UTC),
    )
    assert t["rows"][0]["cells"] == ["a", "<invalid>"]


def test_row_object_is_partial_object_metadata_by_default() -> None:
    t = render_table({"name": "v1"}, [_OBJ], list_meta={"resourceVersion": "7", "continue": ""})
    assert t["rows"][0]["object"] == {
        "kind": "PartialObjectMetadata",
        "apiVersion": "meta.k8s.io/v1",
        "metadata": _OBJ["metadata"],
    }
    assert t["metadata"] == {"resourceVersion": "7"}


def test_include_object_and_none() -> None:
    assert (
        render_table({"name": "v1"}, [_OBJ], list_meta={}, include_object="Object")["rows"][0][
            "object"
        ]
        is _OBJ
    )
    assert (
        "object"
        not in render_table({"name": "v1"}, [_OBJ], list_meta={}, include_object="None")["rows"][0]
    )


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (-5, "<invalid>"),
        (-1, "0s"),
        (59, "59s"),
        (119, "119s"),
        (120, "2m"),
        (150, "2m30s"),
        (600, "10m"),
        (3 * 3600, "3h"),
        (3 * 3600 + 120, "3h2m"),
        (9 * 3600, "9h"),
        (50 * 3600, "2d2h"),
        (8 * 86400, "8d"),
        (800 * 86400, "2y70d"),
        (9 * 365 * 86400, "9y"),
    ],
)
def test_human_duration(seconds: int, text: str) -> None:
    # D: HumanDuration thresholds.
    assert human_duration(timedelta(seconds=seconds).total_seconds()) == text


def test_find_first_paths() -> None:
    assert find_first(_OBJ, "{.metadata.name}") == (True, "a")
    assert find_first(_OBJ, ".spec.roles[*]") == (True, "x")
    assert find_first(_OBJ, ".spec.roles[-1]") == (True, "y")
    assert find_first({"m": {"a.b": 1}}, ".m['a.b']") == (True, 1)
    assert find_first({"m": {"a.b": 1}}, ".m.a\\.b") == (True, 1)
    assert find_first(_OBJ, ".nope.x") == (False, None)


def test_no_headers_gives_null_column_definitions() -> None:
    # apimachinery meta/v1 types.go: Table.ColumnDefinitions `json:"columnDefinitions"`.
    t = render_table({"name": "v1"}, [_OBJ], list_meta={}, no_headers=True)
    assert t["columnDefinitions"] is None
    assert t["rows"][0]["cells"][0] == "a"
