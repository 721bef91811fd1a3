"""Shared test helpers: the committed manifests, the samples, and a sample as a Teleport resource.

``teleport_json`` turns a sample CR into the Teleport resource's JSON the way the Go operator's
``ToTeleport`` does (kind and version from the kind, name, labels plus the origin label, the
``description`` annotation, the spec), so tests can decode it into the kind's message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from teleop.operator.apis import KINDS, KindSpec, kind_spec
from teleop.operator.apis.conventions import (
    ANNOTATION_DESCRIPTION,
    ORIGIN_KUBERNETES,
    ORIGIN_LABEL,
)

ROOT = Path(__file__).resolve().parents[3]
CRDS_DIR = ROOT / "manifests" / "crds"
SAMPLES_DIR = ROOT / "manifests" / "samples"


def sample_file(kind: KindSpec) -> Path:
    return SAMPLES_DIR / f"{kind.kind.removeprefix('Teleport').lower()}.yaml"


def load_sample(kind: KindSpec) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(sample_file(kind).read_text(encoding="utf-8"))
    return doc


def samples() -> list[tuple[KindSpec, dict[str, Any]]]:
    """Every kind with its sample, roles first (the user sample names them)."""
    ordered = sorted(KINDS, key=lambda k: k.teleport_kind != "role")
    return [(kind, load_sample(kind)) for kind in ordered]


def kind_of(cr: dict[str, Any]) -> KindSpec:
    return kind_spec(cr["kind"])


def teleport_json(kind: KindSpec, cr: dict[str, Any]) -> dict[str, Any]:
    """The Teleport resource (JSON form) the operator would write for ``cr``."""
    meta = cr["metadata"]
    labels = {**(meta.get("labels") or {}), ORIGIN_LABEL: ORIGIN_KUBERNETES}
    metadata: dict[str, Any] = {"name": meta["name"], "labels": labels}
    description = (meta.get("annotations") or {}).get(ANNOTATION_DESCRIPTION)
    if description:
        metadata["description"] = description
    spec = cr.get("spec") or {}
    if kind.promoted_fields:
        return {"metadata": metadata, "version": kind.teleport_version, **spec}
    return {
        "kind": kind.teleport_kind,
        "version": kind.teleport_version,
        **({"sub_kind": kind.sub_kind} if kind.sub_kind else {}),
        "metadata": metadata,
        "spec": spec,
    }
