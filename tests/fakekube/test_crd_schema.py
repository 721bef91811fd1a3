"""Conformance over the socket: CRD schemas prune, default and validate custom resources.

What a real kube-apiserver does, as pinned in the unit tests of ``fakekube.schema`` and
``fakekube.table``, must also be what a client sees through fakekube's HTTP API: 422 ``Invalid``
statuses with ``details.causes`` on create, update, patch and the status subresource, pruned and
defaulted objects on read, and ``meta.k8s.io/v1`` Tables built from ``additionalPrinterColumns``.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from teleop.testing.fakekube import FakeKube

CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions"
GADGETS = "/apis/schema.test/v1/namespaces/default/gadgets"
PLAIN = "/apis/schema.test/v1/namespaces/default/plains"
TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io"
MERGE = "application/merge-patch+json"

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "spec": {
            "type": "object",
            "required": ["size"],
            "properties": {
                "size": {"type": "integer", "minimum": 1},
                "mode": {"type": "string", "enum": ["auto", "manual"], "default": "auto"},
                "roles": {"type": "array", "items": {"type": "string"}},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
            },
        },
        "status": {
            "type": "object",
            "properties": {
                "phase": {"type": "string"},
                "conditions": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"type": {"type": "string"}, "status": {"type": "string"}},
                    },
                },
            },
        },
    },
}


def _crd(plural: str, kind: str, columns: list[dict[str, Any]]) -> dict[str, Any]:
    version: dict[str, Any] = {
        "name": "v1",
        "served": True,
        "storage": True,
        "subresources": {"status": {}},
        "schema": {"openAPIV3Schema": _SCHEMA},
    }
    if columns:
        version["additionalPrinterColumns"] = columns
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": f"{plural}.schema.test"},
        "spec": {
            "group": "schema.test",
            "scope": "Namespaced",
            "names": {"plural": plural, "singular": kind.lower(), "kind": kind},
            "versions": [version],
        },
    }


_COLUMNS = [
    {
        "name": "Ready",
        "type": "string",
        "jsonPath": '.status.conditions[?(@.type=="Ready")].status',
    },
    {"name": "Size", "type": "integer", "jsonPath": ".spec.size"},
    {"name": "Roles", "type": "string", "jsonPath": ".spec.roles", "priority": 1},
]


def _gadget(name: str, **spec: Any) -> dict[str, Any]:
    return {
        "apiVersion": "schema.test/v1",
        "kind": "Gadget",
        "metadata": {"name": name},
        "spec": spec,
    }


class _Client:
    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        ctype: str = "application/json",
        accept: str = "application/json",
        params: dict[str, str] | None = None,
    ) -> tuple[int, Any, list[str]]:
        data = None if body is None else json.dumps(body)
        headers = {"Content-Type": ctype, "Accept": accept}
        async with self.session.request(
            method, path, data=data, headers=headers, params=params
        ) as r:
            return r.status, await r.json(), r.headers.getall("Warning", [])


@pytest.fixture
async def kube(fakekube: FakeKube) -> AsyncIterator[_Client]:
    async with aiohttp.ClientSession(fakekube.url) as session:
        client = _Client(session)
        for plural, kind, cols in (("gadgets", "Gadget", _COLUMNS), ("plains", "Plain", [])):
            status, body, _ = await client.call("POST", CRDS, _crd(plural, kind, cols))
            assert status == 201, body
        yield client


def _assert_invalid(body: Any, name: str, causes: list[dict[str, str]]) -> None:
    assert body["kind"] == "Status"
    assert body["reason"] == "Invalid"
    assert body["code"] == 422
    assert body["details"]["kind"] == "Gadget"
    assert body["details"]["group"] == "schema.test"
    assert body["details"]["name"] == name
    assert body["details"]["causes"] == causes


async def test_create_with_a_type_error_is_422_with_the_apiserver_cause(kube: _Client) -> None:
    status, body, _ = await kube.call("POST", GADGETS, _gadget("g", size="big"))
    assert status == 422
    detail = 'Invalid value: "string": spec.size in body must be of type integer: "string"'
    _assert_invalid(
        body, "g", [{"reason": "FieldValueTypeInvalid", "message": detail, "field": "spec.size"}]
    )
    # One cause: the aggregate is printed without brackets.
    assert body["message"] == f'Gadget.schema.test "g" is invalid: spec.size: {detail}'


async def test_several_causes_are_bracketed_in_the_message(kube: _Client) -> None:
    status, body, _ = await kube.call("POST", GADGETS, _gadget("g", mode="turbo"))
    assert status == 422
    assert [c["field"] for c in body["details"]["causes"]] == ["spec.mode", "spec.size"]
    assert body["message"] == (
        'Gadget.schema.test "g" is invalid: ['
        'spec.mode: Unsupported value: "turbo": supported values: "auto", "manual", '
        "spec.size: Required value]"
    )


async def test_update_and_patch_are_validated(kube: _Client) -> None:
    status, created, _ = await kube.call("POST", GADGETS, _gadget("g", size=1))
    assert status == 201
    bad = {**created, "spec": {"size": 0}}
    status, body, _ = await kube.call("PUT", f"{GADGETS}/g", bad)
    assert status == 422
    assert body["details"]["causes"] == [
        {
            "reason": "FieldValueInvalid",
            "message": "Invalid value: 0: spec.size in body should be greater than or equal to 1",
            "field": "spec.size",
        }
    ]
    status, body, _ = await kube.call(
        "PATCH", f"{GADGETS}/g", {"spec": {"roles": "admin"}}, ctype=MERGE
    )
    assert status == 422
    assert body["details"]["causes"][0]["field"] == "spec.roles"
    assert body["details"]["causes"][0]["reason"] == "FieldValueTypeInvalid"


async def test_unknown_fields_are_pruned_and_visible_on_read(kube: _Client) -> None:
    obj = _gadget("g", size=2, bogus=True, extra={"kept": {"deep": 1}})
    status, _, warnings = await kube.call("POST", GADGETS, obj)
    assert status == 201
    assert any('unknown field \\"spec.bogus\\"' in w for w in warnings), warnings
    status, body, _ = await kube.call("GET", f"{GADGETS}/g")
    assert status == 200
    assert "bogus" not in body["spec"]
    assert body["spec"]["extra"] == {"kept": {"deep": 1}}


async def test_defaults_are_visible_on_read(kube: _Client) -> None:
    status, _, _ = await kube.call("POST", GADGETS, _gadget("g", size=2))
    assert status == 201
    _, body, _ = await kube.call("GET", f"{GADGETS}/g")
    assert body["spec"]["mode"] == "auto"


async def test_status_subresource_is_validated_against_the_schema(kube: _Client) -> None:
    status, _, _ = await kube.call("POST", GADGETS, _gadget("g", size=2))
    assert status == 201
    status, body, _ = await kube.call(
        "PATCH", f"{GADGETS}/g/status", {"status": {"phase": 3}}, ctype=MERGE
    )
    assert status == 422
    _assert_invalid(
        body,
        "g",
        [
            {
                "reason": "FieldValueTypeInvalid",
                "message": 'Invalid value: "integer": status.phase in body must be of type '
                'string: "integer"',
                "field": "status.phase",
            }
        ],
    )
    status, body, _ = await kube.call(
        "PATCH", f"{GADGETS}/g/status", {"status": {"phase": "Up", "junk": 1}}, ctype=MERGE
    )
    assert status == 200
    assert body["status"] == {"phase": "Up"}


async def test_table_uses_printer_columns(kube: _Client) -> None:
    await kube.call("POST", GADGETS, _gadget("g", size=2, roles=["a", "b"]))
    await kube.call(
        "PATCH",
        f"{GADGETS}/g/status",
        {"status": {"conditions": [{"type": "Ready", "status": "True"}]}},
        ctype=MERGE,
    )
    status, table, _ = await kube.call("GET", GADGETS, accept=TABLE)
    assert status == 200
    assert table["kind"] == "Table"
    assert table["apiVersion"] == "meta.k8s.io/v1"
    assert [(c["name"], c["type"], c["priority"]) for c in table["columnDefinitions"]] == [
        ("Name", "string", 0),
        ("Ready", "string", 0),
        ("Size", "integer", 0),
        ("Roles", "string", 1),
    ]
    [row] = table["rows"]
    assert row["cells"] == ["g", "True", 2, '["a","b"]']
    assert row["object"]["kind"] == "PartialObjectMetadata"
    assert row["object"]["metadata"]["name"] == "g"
    assert table["metadata"]["resourceVersion"]


async def test_table_without_printer_columns_has_name_and_age(kube: _Client) -> None:
    plain = {"apiVersion": "schema.test/v1", "kind": "Plain", "metadata": {"name": "p"}}
    plain["spec"] = {"size": 1}
    status, _, _ = await kube.call("POST", PLAIN, plain)
    assert status == 201
    status, table, _ = await kube.call("GET", f"{PLAIN}/p", accept=TABLE)
    assert status == 200
    cols = table["columnDefinitions"]
    assert [(c["name"], c["type"]) for c in cols] == [("Name", "string"), ("Age", "date")]
    assert table["rows"][0]["cells"][0] == "p"


async def test_a_warning_with_control_characters_is_dropped_not_fatal(kube: _Client) -> None:
    # An unknown field's name can hold any character; kube-apiserver drops such a warning
    # rather than writing a control character into a header (aiohttp would drop the connection).
    status, body, warnings = await kube.call(
        "POST", GADGETS, _gadget("g", size=2, **{"bad\x0bname": 1})
    )
    assert status == 201, body
    assert not [w for w in warnings if "bad" in w], warnings
