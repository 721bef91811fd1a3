"""Every teleop kind converges from its sample in manifests/samples.

The samples are applied the way a user would (``kubectl apply --server-side -k``); each CR must
reach ``Ready=True``, and, where the suite can see faketeleport's store, the Teleport resource
must exist under the CR's name. Against a real OSS Teleport the kinds gated on Enterprise
features (OIDC, SAML, Okta) are left out: teleop does not start their controllers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from e2e.conftest import SAMPLES, World
from e2e.harness import REPO, http_get_json, http_request, wait_for
from teleop.operator.apis import KINDS, KindSpec


@dataclass(frozen=True)
class Sample:
    kind: KindSpec
    name: str

    @property
    def ref(self) -> str:
        return f"{self.kind.plural}.{self.kind.group}/{self.name}"


def load_samples() -> list[Sample]:
    by_kind = {k.kind: k for k in KINDS}
    listed = yaml.safe_load((SAMPLES / "kustomization.yaml").read_text(encoding="utf-8"))
    out = []
    for file in listed["resources"]:
        doc = yaml.safe_load((SAMPLES / file).read_text(encoding="utf-8"))
        out.append(Sample(by_kind[doc["kind"]], doc["metadata"]["name"]))
    return out


def expected(world: World, samples: list[Sample]) -> list[Sample]:
    if world.settings.teleport == "real":
        return [s for s in samples if not s.kind.gates]
    return samples


def ready_condition(obj: dict[str, Any]) -> dict[str, Any] | None:
    conditions = (obj.get("status") or {}).get("conditions") or []
    return next((c for c in conditions if c.get("type") == "Ready"), None)


@pytest.fixture
def applied(world: World) -> Iterator[list[Sample]]:
    samples = load_samples()
    assert {s.kind.kind for s in samples} == {k.kind for k in KINDS}, "a kind has no sample"
    # The Secrets two connector samples read their client secret from (placeholder values).
    from teleop.operator.demo_samples import demo_secrets
    from teleop.operator.demo_samples import load_samples as load_sample_docs

    secrets = demo_secrets(load_sample_docs(SAMPLES), world.settings.namespace)
    world.kubectl.run("apply", "--server-side", "-f", "-", stdin=yaml.safe_dump_all(secrets))
    world.kubectl.run("apply", "--server-side", "-k", str(SAMPLES))
    if world.fakekube is not None:  # from here on, the write log holds only teleop's writes
        http_request("DELETE", f"{world.fakekube}/fakekube/writes")
    yield samples
    # Leave the namespace as it was for the next scenario; teleop removes its finalizers.
    world.kubectl.run("delete", "-k", str(SAMPLES), "--wait=false", check=False)
    for secret in secrets:
        world.kubectl.run("delete", "secret", secret["metadata"]["name"], check=False)


def test_every_kind_converges_from_its_sample(world: World, applied: list[Sample]) -> None:
    want = expected(world, applied)
    last: dict[str, str] = {}

    def all_ready() -> bool | None:
        for s in want:
            obj = world.kubectl.get_json(s.ref)
            cond = ready_condition(obj)
            last[s.ref] = (
                "no Ready condition"
                if cond is None
                else f"{cond.get('status')} " + (f"{cond.get('reason')}: {cond.get('message')}")
            )
        return True if all(v.startswith("True") for v in last.values()) else None

    try:
        wait_for("every sample to be Ready", all_ready, world.settings.timeout, every=1.0)
    except AssertionError as e:
        table = "\n".join(f"  {ref}: {state}" for ref, state in sorted(last.items()))
        raise AssertionError(f"{e}\n{table}\n{world.log_tails()}") from None

    if world.control is not None:
        for s in want:
            stored = http_get_json(f"{world.control}/resources/{s.kind.teleport_kind}")
            assert s.name in {r["name"] for r in stored}, (s.ref, stored)

    if world.fakekube is not None:
        # Least privilege in practice: every write teleop made is granted by manifests/rbac.
        writes = http_get_json(f"{world.fakekube}/fakekube/writes")
        assert writes, "teleop wrote nothing (finalizers, status, Lease renewals)"
        granted = role_grants()
        made = {
            (w["group"], w["resource"] + (f"/{w['subresource']}" if w["subresource"] else ""),
             w["verb"])
            for w in writes
        }  # fmt: skip
        assert made - granted == set(), f"writes outside the Role: {sorted(made - granted)}"


def role_grants() -> set[tuple[str, str, str]]:
    role = yaml.safe_load((REPO / "manifests" / "rbac" / "role.yaml").read_text(encoding="utf-8"))
    return {
        (group, resource, verb)
        for rule in role["rules"]
        for group in rule["apiGroups"]
        for resource in rule["resources"]
        for verb in rule["verbs"]
    }
