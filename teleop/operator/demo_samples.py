"""The demo's world: the CRDs, its namespace, the sample CRs and the Secrets they refer to.

The samples are read from ``manifests/samples`` in the order of its ``kustomization.yaml`` (roles
before the user that names them). They are found next to the package in a source checkout or an
editable install, or in the current directory; ``--demo-samples DIR`` points elsewhere. (Shipping
them as package data would make ``pip install teleop && teleop run --demo`` work from anywhere;
until then the demo needs a checkout.)

Two samples read a client secret through ``secret://<secret>/<key>``; the demo creates those
Secrets with a placeholder value and the ``allow-lookup-from-cr`` annotation naming the CR, as the
samples' comments tell a user to do by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import teleop
from teleop.operator.apis import KINDS_BY_NAME, KindSpec
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP, SECRET_SCHEME
from teleop.operator.crdgen import KUSTOMIZATION, render_crds
from teleop.runtime import ApiError, KubeClient, KubeObject, ResourceType

__all__ = [
    "CRDS",
    "NAMESPACES",
    "SECRETS",
    "Sample",
    "apply_samples",
    "demo_secrets",
    "find_samples_dir",
    "install",
    "load_samples",
    "resource_type",
]

CRDS = ResourceType(
    "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", False
)
NAMESPACES = ResourceType("", "v1", "namespaces", "Namespace", False)
SECRETS = ResourceType("", "v1", "secrets", "Secret")
_PLACEHOLDER = "teleop-demo-placeholder"


@dataclass(frozen=True, slots=True)
class Sample:
    """One sample CR, its kind and the file it came from."""

    kind: KindSpec
    body: KubeObject
    source: Path

    @property
    def name(self) -> str:
        return str(self.body["metadata"]["name"])


def resource_type(kind: KindSpec, version: str | None = None) -> ResourceType:
    return ResourceType(kind.group, version or kind.storage_version, kind.plural, kind.kind)


def find_samples_dir(explicit: str | None = None) -> Path | None:
    """``explicit``, else ``manifests/samples`` next to the package, else under the cwd."""
    if explicit:
        return Path(explicit)
    candidates = (
        Path(teleop.__file__).resolve().parents[1] / "manifests" / "samples",
        Path.cwd() / "manifests" / "samples",
    )
    return next((c for c in candidates if c.is_dir()), None)


def load_samples(directory: Path) -> list[Sample]:
    """Every teleop CR in ``directory``, in kustomization order (else by file name)."""
    kustomization = directory / KUSTOMIZATION
    if kustomization.is_file():
        listed = yaml.safe_load(kustomization.read_text(encoding="utf-8")) or {}
        files = [directory / str(name) for name in listed.get("resources", [])]
    else:
        files = sorted(p for p in directory.glob("*.yaml") if p.name != KUSTOMIZATION)
    samples: list[Sample] = []
    for path in files:
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if isinstance(doc, dict) and doc.get("kind") in KINDS_BY_NAME:
                samples.append(Sample(KINDS_BY_NAME[doc["kind"]], doc, path))
    return samples


def _secret_refs(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, str) and value.startswith(SECRET_SCHEME):
        name, _, key = value.removeprefix(SECRET_SCHEME).partition("/")
        yield name, key
    elif isinstance(value, dict):
        for item in value.values():
            yield from _secret_refs(item)
    elif isinstance(value, list):
        for item in value:
            yield from _secret_refs(item)


def demo_secrets(samples: list[Sample], namespace: str) -> list[KubeObject]:
    """The Secrets the samples look up, with placeholder values, readable by those CRs."""
    secrets: dict[str, KubeObject] = {}
    for sample in samples:
        for name, key in _secret_refs(sample.body.get("spec")):
            secret = secrets.setdefault(
                name,
                {
                    "apiVersion": "v1",
                    "kind": "Secret",
                    "metadata": {"name": name, "namespace": namespace, "annotations": {}},
                    "stringData": {},
                },
            )
            secret["stringData"][key] = _PLACEHOLDER
            annotations = secret["metadata"]["annotations"]
            readers = [r for r in annotations.get(ANNOTATION_SECRET_LOOKUP, "").split(",") if r]
            annotations[ANNOTATION_SECRET_LOOKUP] = ",".join([*readers, sample.name])
    return list(secrets.values())


async def install(kube: KubeClient, namespace: str, samples: list[Sample]) -> None:
    """Create the CRDs and the namespace (the operator's prerequisites)."""
    for name, text in render_crds().items():
        if name != KUSTOMIZATION:
            await kube.create(CRDS, yaml.safe_load(text))
    await kube.create(
        NAMESPACES, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}}
    )
    for secret in demo_secrets(samples, namespace):
        await kube.create(SECRETS, secret, namespace=namespace)


async def apply_samples(kube: KubeClient, namespace: str, samples: list[Sample]) -> list[str]:
    """Create every sample CR in ``namespace``; one line per sample the API server refused."""
    refused: list[str] = []
    for sample in samples:
        version = str(sample.body["apiVersion"]).rpartition("/")[2]
        body = {**sample.body, "metadata": {**sample.body["metadata"], "namespace": namespace}}
        try:
            await kube.create(resource_type(sample.kind, version), body, namespace=namespace)
        except ApiError as exc:
            refused.append(f"{sample.source.name}: {sample.kind.kind}/{sample.name}: {exc}")
    return refused
