"""The generated CRDs: committed files are current, shapes match the kinds table and apiserver rules.

Structural validity is checked twice: by crdgen's own self-check and by fakekube's reproduction of
kube-apiserver's CRD schema rules (teleop.testing.fakekube.schema).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from teleop.operator.apis import KINDS, KindSpec, kind_spec
from teleop.operator.crdgen import (
    HEADER,
    KUSTOMIZATION,
    crd_for,
    render_crds,
    stale_files,
    status_schema,
    structural_problems,
    write_crds,
)
from teleop.testing.fakekube.schema import validate_crd_schema
from tests.unit.operator.samples import CRDS_DIR

READY = '.status.conditions[?(@.type=="Ready")]'


def test_committed_crds_are_current() -> None:
    rendered = render_crds()
    committed = {p.name: p.read_text(encoding="utf-8") for p in CRDS_DIR.glob("*.yaml")}
    stale = sorted(
        name for name in set(rendered) | set(committed) if rendered.get(name) != committed.get(name)
    )
    assert not stale, f"manifests/crds is stale ({', '.join(stale)}): run `make crds`"
    assert stale_files(CRDS_DIR) == []


def test_render_is_deterministic() -> None:
    assert render_crds() == render_crds()


def test_files_and_kustomization() -> None:
    files = render_crds()
    assert set(files) == {k.file_name for k in KINDS} | {KUSTOMIZATION}
    assert all(text.startswith(HEADER) for text in files.values())
    kustomization = yaml.safe_load(files[KUSTOMIZATION])
    assert kustomization["resources"] == [k.file_name for k in KINDS]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_crd_shape(kind: KindSpec) -> None:
    crd = yaml.safe_load(render_crds()[kind.file_name])
    assert crd == crd_for(kind)
    assert crd["metadata"]["name"] == kind.crd_name
    spec = crd["spec"]
    assert spec["group"] == "resources.teleport.dev"
    assert spec["scope"] == "Namespaced"
    names = spec["names"]
    assert names["kind"] == kind.kind
    assert names["plural"] == kind.plural
    assert names["singular"] == kind.singular
    assert names["listKind"] == kind.kind + "List"
    assert names.get("shortNames", []) == list(kind.short_names)
    assert names["categories"] == ["teleport"]
    versions = spec["versions"]
    assert [v["name"] for v in versions] == list(kind.versions)
    assert [v["storage"] for v in versions] == [True] + [False] * (len(versions) - 1)
    assert all(v["served"] for v in versions)
    for v in versions:
        assert v["subresources"] == {"status": {}}
        schema = v["schema"]["openAPIV3Schema"]
        assert validate_crd_schema(schema) == []
        assert structural_problems(schema) == []
        assert schema["properties"]["status"] == status_schema()
        assert schema["properties"]["metadata"] == {"type": "object"}


def columns(kind: KindSpec) -> list[tuple[str, str, str]]:
    version = crd_for(kind)["spec"]["versions"][0]
    return [(c["name"], c["jsonPath"], c["type"]) for c in version["additionalPrinterColumns"]]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_ready_reason_age_columns(kind: KindSpec) -> None:
    cols = columns(kind)
    assert cols[:2] == [
        ("Ready", f"{READY}.status", "string"),
        ("Reason", f"{READY}.reason", "string"),
    ]
    assert cols[-1] == ("Age", ".metadata.creationTimestamp", "date")


def test_kind_specific_columns() -> None:
    assert columns(kind_spec("TeleportProvisionToken"))[2:-1] == [
        ("Join Method", ".spec.join_method", "string"),
        ("System Roles", ".spec.roles", "string"),
    ]
    assert columns(kind_spec("TeleportUser"))[2:-1] == [("Roles", ".spec.roles", "string")]
    assert columns(kind_spec("TeleportRole"))[2:-1] == []
    assert columns(kind_spec("TeleportLoginRule"))[2:-1] == [
        ("Priority", ".spec.priority", "integer")
    ]


def spec_of(kind: str, version: int = 0) -> dict[str, Any]:
    crd = crd_for(kind_spec(kind))
    schema: dict[str, Any] = crd["spec"]["versions"][version]["schema"]["openAPIV3Schema"]
    return dict(schema["properties"]["spec"])


def test_role_versions_share_the_schema() -> None:
    assert spec_of("TeleportRole", 0) == spec_of("TeleportRole", 1)


def test_schema_quirks() -> None:
    role = spec_of("TeleportRoleV7")["properties"]
    allow = role["allow"]["properties"]
    assert allow["node_labels"] == {
        "type": "object",
        "additionalProperties": {"x-kubernetes-preserve-unknown-fields": True},
    }
    assert allow["logins"] == {"type": "array", "items": {"type": "string"}}
    assert role["options"]["properties"]["max_session_ttl"] == {
        "type": "string",
        "format": "duration",
    }
    mode = role["options"]["properties"]["cert_extensions"]["items"]["properties"]["mode"]
    assert mode["x-kubernetes-int-or-string"] is True
    assert "extension" in mode["enum"]
    user = spec_of("TeleportUser")["properties"]
    assert user["traits"] == {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    }
    oidc = spec_of("TeleportOIDCConnector")["properties"]
    assert oidc["redirect_url"] == {"type": "array", "items": {"type": "string"}}
    assert oidc["max_age"] == {"type": "string", "format": "duration"}
    saml = spec_of("TeleportSAMLConnector")["properties"]
    assert saml["force_authn"]["x-kubernetes-int-or-string"] is True
    assert set(saml["force_authn"]["enum"]) >= {"yes", "no", 0, 1, 2}


def test_login_rule_spec_is_the_promoted_fields() -> None:
    spec = spec_of("TeleportLoginRule")
    assert list(spec["properties"]) == ["priority", "traits_expression", "traits_map"]
    assert spec["properties"]["priority"] == {"type": "integer", "format": "int32"}
    assert spec["properties"]["traits_map"]["additionalProperties"] == {
        "type": "array",
        "items": {"type": "string"},
    }


def test_status_schema() -> None:
    status = status_schema()["properties"]
    assert status["teleportResourceID"] == {"type": "integer", "format": "int64"}
    assert status["observedGeneration"]["format"] == "int64"
    conditions = status["conditions"]
    assert conditions["x-kubernetes-list-type"] == "map"
    assert conditions["x-kubernetes-list-map-keys"] == ["type"]
    item = conditions["items"]
    assert item["required"] == ["lastTransitionTime", "message", "reason", "status", "type"]
    assert item["properties"]["status"]["enum"] == ["True", "False", "Unknown"]
    assert item["properties"]["lastTransitionTime"]["format"] == "date-time"


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"type": "object", "properties": {"a": {}}}, ".a: no type"),
        ({"type": "array"}, "array without items"),
        (
            {"type": "object", "properties": {}, "additionalProperties": {"type": "string"}},
            "properties and additionalProperties together",
        ),
        ({"x-kubernetes-int-or-string": True, "type": "string"}, "int-or-string with a type"),
        (
            {"type": "object", "anyOf": [{"type": "string"}]},
            "anyOf: type is not allowed inside a junctor",
        ),
        ({"type": "list"}, "unknown type 'list'"),
    ],
)
def test_structural_self_check(schema: dict[str, Any], problem: str) -> None:
    problems = structural_problems(schema)
    assert any(problem in p for p in problems), problems
    assert validate_crd_schema(schema) != []


def test_structural_self_check_allows_int_or_string_any_of() -> None:
    schema = {
        "type": "object",
        "properties": {
            "port": {
                "x-kubernetes-int-or-string": True,
                "anyOf": [{"type": "integer"}, {"type": "string"}],
            },
            "free": {"x-kubernetes-preserve-unknown-fields": True},
        },
    }
    assert structural_problems(schema) == []


def test_write_crds(tmp_path: Path) -> None:
    out = tmp_path / "crds"
    out.mkdir()
    (out / "resources.teleport.dev_gone.yaml").write_text("old")
    (out / "unrelated.txt").write_text("keep")
    written = write_crds(out)
    assert sorted(p.name for p in written) == sorted(render_crds())
    assert not (out / "resources.teleport.dev_gone.yaml").exists()
    assert (out / "unrelated.txt").read_text() == "keep"
    assert {p.name: p.read_text() for p in written} == render_crds()
    assert write_crds(out) == written
    assert stale_files(out) == []
    (out / KUSTOMIZATION).write_text("changed")
    (out / "resources.teleport.dev_extra.yaml").write_text("x")
    assert stale_files(out) == [KUSTOMIZATION, "resources.teleport.dev_extra.yaml"]
    assert stale_files(tmp_path / "missing") == sorted(render_crds())
