"""manifests/samples: one sample per kind, namespace-less, decodable into the kind's spec message."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from teleop.operator.apis import KINDS, KindSpec
from teleop.teleport.convert import decode, encode
from tests.unit.operator.samples import SAMPLES_DIR, load_sample, sample_file, teleport_json


def test_one_sample_per_kind_and_a_kustomization() -> None:
    files = {p.name for p in SAMPLES_DIR.glob("*.yaml")}
    expected = [sample_file(k).name for k in KINDS]
    assert files == {*expected, "kustomization.yaml"}
    kustomization = yaml.safe_load((SAMPLES_DIR / "kustomization.yaml").read_text())
    resources = kustomization["resources"]
    assert sorted(resources) == sorted(expected)
    roles = [sample_file(k).name for k in KINDS if k.teleport_kind == "role"]
    assert max(resources.index(r) for r in roles) < resources.index("user.yaml")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_sample_is_a_namespace_less_cr_of_its_kind(kind: KindSpec) -> None:
    cr = load_sample(kind)
    assert cr["kind"] == kind.kind
    assert cr["apiVersion"] == kind.api_version
    assert "namespace" not in cr["metadata"]
    assert cr["spec"]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_sample_spec_decodes_into_the_spec_message(kind: KindSpec) -> None:
    spec = load_sample(kind)["spec"]
    if kind.promoted_fields:
        assert set(spec) <= set(kind.promoted_fields)
    message = decode(spec, kind.spec_message)
    assert isinstance(message, kind.spec_message)
    assert decode(encode(message), kind.spec_message) == message


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.kind)
def test_sample_decodes_as_the_teleport_resource(kind: KindSpec) -> None:
    resource: Any = decode(teleport_json(kind, load_sample(kind)), kind.message, path="")
    assert isinstance(resource, kind.message)
    out = encode(resource)
    assert out["version"] == kind.teleport_version
    assert out["metadata"]["labels"]["teleport.dev/origin"] == "kubernetes"
    if not kind.promoted_fields:
        assert out["kind"] == kind.teleport_kind


def test_connectors_reference_secrets() -> None:
    for name in ("TeleportGithubConnector", "TeleportOIDCConnector"):
        kind = next(k for k in KINDS if k.kind == name)
        assert load_sample(kind)["spec"]["client_secret"].startswith("secret://")
