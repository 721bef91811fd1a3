"""The committed CRDs and samples against fakekube over HTTP: what the API server accepts and rejects.

fakekube reproduces kube-apiserver's CRD handling (structural schema checks, pruning, validation
with 422 causes, the status subresource, discovery and server-side Table printing).
"""

from __future__ import annotations

import copy
from typing import Any

import pytest

from teleop.operator.apis import KINDS, KindSpec, kind_spec
from tests.fakekube.helpers import CRDS, TABLE, Api
from tests.unit.operator.samples import load_sample, samples

NS = "default"


def path(kind: KindSpec, version: str | None = None, name: str = "") -> str:
    v = version or kind.storage_version
    base = f"/apis/{kind.group}/{v}/namespaces/{NS}/{kind.plural}"
    return f"{base}/{name}" if name else base


def cr(kind: KindSpec, name: str, spec: dict[str, Any]) -> dict[str, Any]:
    return {
        "apiVersion": kind.api_version,
        "kind": kind.kind,
        "metadata": {"name": name},
        "spec": spec,
    }


async def test_every_crd_is_established(installed: Api) -> None:
    for kind in KINDS:
        r = await installed.get(f"{CRDS}/{kind.crd_name}")
        assert r.status == 200
        conditions = {c["type"]: c["status"] for c in r.body["status"]["conditions"]}
        assert conditions == {"NamesAccepted": "True", "Established": "True"}
        assert r.body["status"]["acceptedNames"]["kind"] == kind.kind


async def test_discovery_lists_names_and_the_teleport_category(installed: Api) -> None:
    for kind in KINDS:
        for version in kind.versions:
            r = await installed.get(f"/apis/{kind.group}/{version}")
            assert r.status == 200
            entry = next(e for e in r.body["resources"] if e["name"] == kind.plural)
            assert entry["kind"] == kind.kind
            assert entry["namespaced"] is True
            assert entry["categories"] == ["teleport"]
            assert entry.get("shortNames", []) == list(kind.short_names)
            assert f"{kind.plural}/status" in {e["name"] for e in r.body["resources"]}


async def test_every_sample_is_accepted_unchanged(installed: Api) -> None:
    for kind, sample in samples():
        r = await installed.post(path(kind), sample)
        assert r.status == 201, (kind.kind, r.body)
        assert r.body["spec"] == sample["spec"], kind.kind
        assert r.warnings == [], kind.kind


async def test_teleport_role_also_serves_v6(installed: Api) -> None:
    role = kind_spec("TeleportRole")
    body = {**load_sample(role), "apiVersion": "resources.teleport.dev/v6"}
    r = await installed.post(path(role, "v6"), body)
    assert r.status == 201, r.body
    assert r.body["apiVersion"] == "resources.teleport.dev/v6"
    r = await installed.get(path(role, "v5", body["metadata"]["name"]))
    assert r.body["spec"] == body["spec"]


# Wrong types and formats are "must be of type" (TypeInvalid); enums are NotSupported.
BAD = [
    ("TeleportRoleV7", {"allow": {"logins": 5}}, "spec.allow.logins", "FieldValueTypeInvalid"),
    (
        "TeleportRole",
        {"options": {"max_session_ttl": "8x"}},
        "spec.options.max_session_ttl",
        "FieldValueTypeInvalid",
    ),
    (
        "TeleportSAMLConnector",
        {"force_authn": "maybe"},
        "spec.force_authn",
        "FieldValueNotSupported",
    ),
    (
        "TeleportRoleV6",
        {"options": {"cert_extensions": [{"mode": "sometimes"}]}},
        "spec.options.cert_extensions[0].mode",
        "FieldValueNotSupported",
    ),
    ("TeleportOIDCConnector", {"max_age": "a day"}, "spec.max_age", "FieldValueTypeInvalid"),
    (
        "TeleportUser",
        {"traits": {"logins": "alice"}},
        "spec.traits.logins",
        "FieldValueTypeInvalid",
    ),
    ("TeleportLoginRule", {"priority": "first"}, "spec.priority", "FieldValueTypeInvalid"),
    (
        "TeleportProvisionToken",
        {"roles": ["Node"], "github": []},
        "spec.github",
        "FieldValueTypeInvalid",
    ),
]


@pytest.mark.parametrize(("kind_name", "spec", "field", "reason"), BAD, ids=[b[2] for b in BAD])
async def test_bad_input_is_rejected_early(
    installed: Api, kind_name: str, spec: dict[str, Any], field: str, reason: str
) -> None:
    kind = kind_spec(kind_name)
    r = await installed.post(path(kind), cr(kind, "bad", spec))
    assert r.status == 422, r.body
    assert r.body["reason"] == "Invalid"
    causes = [(c["field"], c["reason"]) for c in r.body["details"]["causes"]]
    assert (field, reason) in causes, causes


async def test_label_values_may_be_a_string_or_a_list(installed: Api) -> None:
    kind = kind_spec("TeleportRoleV7")
    labels = {"env": "dev", "region": ["eu-west-1", "us-east-1"], "*": "*"}
    spec = {"allow": {"node_labels": labels, "kubernetes_labels": {"team": ["a"]}}}
    r = await installed.post(path(kind), cr(kind, "labels", spec))
    assert r.status == 201, r.body
    assert r.body["spec"] == spec


async def test_unknown_fields_are_pruned(installed: Api) -> None:
    kind = kind_spec("TeleportRoleV7")
    spec = {"allow": {"logins": ["root"], "bogus": 1}, "extra": {"x": 1}}
    r = await installed.post(path(kind), cr(kind, "pruned", spec))
    assert r.status == 201, r.body
    assert r.body["spec"] == {"allow": {"logins": ["root"]}}
    stored = await installed.get(path(kind, name="pruned"))
    assert stored.body["spec"] == {"allow": {"logins": ["root"]}}


def condition(type_: str, status: str, reason: str, message: str = "") -> dict[str, Any]:
    return {
        "type": type_,
        "status": status,
        "reason": reason,
        "message": message,
        "lastTransitionTime": "2026-01-01T00:00:00Z",
    }


async def test_status_and_printer_columns(installed: Api) -> None:
    kind = kind_spec("TeleportProvisionToken")
    created = await installed.post(path(kind), load_sample(kind))
    assert created.status == 201, created.body
    name = created.body["metadata"]["name"]
    body = copy.deepcopy(created.body)
    body["status"] = {
        "conditions": [
            condition("Ready", "False", "TeleportError", "Teleport returned the error: boom"),
            condition("SuccessfullyReconciled", "False", "TeleportError"),
        ],
        "observedGeneration": 1,
        "teleportResourceID": 7,
    }
    r = await installed.put(path(kind, name=name) + "/status", body)
    assert r.status == 200, r.body
    table = await installed.get(path(kind), headers={"Accept": TABLE})
    assert table.status == 200, table.body
    names = [c["name"] for c in table.body["columnDefinitions"]]
    assert names == ["Name", "Ready", "Reason", "Join Method", "System Roles", "Age"]
    [row] = table.body["rows"]
    assert row["cells"][:5] == [name, "False", "TeleportError", "github", '["Bot"]']


@pytest.mark.parametrize(
    ("conditions", "field"),
    [
        ([{"type": "Ready", "status": "True"}], "status.conditions[0].reason"),
        ([condition("Ready", "Maybe", "Why")], "status.conditions[0].status"),
        ([condition("Ready", "True", "not camel")], "status.conditions[0].reason"),
        (
            [condition("Ready", "True", "A"), condition("Ready", "False", "B")],
            "status.conditions[1]",
        ),
    ],
)
async def test_malformed_conditions_are_rejected(
    installed: Api, conditions: list[dict[str, Any]], field: str
) -> None:
    kind = kind_spec("TeleportUser")
    created = await installed.post(path(kind), cr(kind, "bob", {"roles": ["developer"]}))
    body = {**created.body, "status": {"conditions": conditions}}
    r = await installed.put(path(kind, name="bob") + "/status", body)
    assert r.status == 422, r.body
    assert field in [c["field"] for c in r.body["details"]["causes"]], r.body
