"""One kind's CustomResourceDefinition (apiextensions.k8s.io/v1) as a plain dict.

The ``spec`` schema is ``teleop.teleport.convert.schema_for`` of the kind's spec message, the same
descriptors and options ``decode`` reads, so the API server admits what the operator can decode
and prunes nothing it needs (one source of truth). TeleportLoginRule's spec is the subset of the
LoginRule message's root fields the Go operator promotes into ``spec``. Every version of a kind
serves the same schema (TeleportRole v5 and v6, as in the Go operator; no conversion needed).

On top of the Go operator's CRDs, teleop adds the ``teleport`` category (``kubectl get teleport``
lists every teleop resource) and Ready/Reason printer columns read from the ``Ready`` condition.
"""

from __future__ import annotations

from typing import Any

from teleop.operator.apis import KindSpec, PrinterColumn
from teleop.operator.apis.conditions import CONDITION_READY
from teleop.operator.crdgen.status import status_schema
from teleop.teleport.convert import schema_for

__all__ = ["CATEGORY", "cr_schema", "crd_for", "printer_columns", "spec_schema"]

CATEGORY = "teleport"
"""The category every teleop CRD joins: ``kubectl get teleport``."""

_READY_PATH = f'.status.conditions[?(@.type=="{CONDITION_READY}")]'
_READY = PrinterColumn(
    "Ready", f"{_READY_PATH}.status", description="Whether the Teleport resource matches the CR."
)
_REASON = PrinterColumn(
    "Reason", f"{_READY_PATH}.reason", description="Why the resource is or is not ready."
)
_AGE = PrinterColumn(
    "Age", ".metadata.creationTimestamp", "date", description="The age of this resource"
)
_API_VERSION_DOC = (
    "APIVersion defines the versioned schema of this representation of an object. Servers "
    "should convert recognized schemas to the latest internal value, and may reject "
    "unrecognized values. More info: https://git.k8s.io/community/contributors/devel/"
    "sig-architecture/api-conventions.md#resources"
)
_KIND_DOC = (
    "Kind is a string value representing the REST resource this object represents. Servers "
    "may infer this from the endpoint the client submits requests to. Cannot be updated. In "
    "CamelCase. More info: https://git.k8s.io/community/contributors/devel/"
    "sig-architecture/api-conventions.md#types-kinds"
)


def spec_schema(kind: KindSpec) -> dict[str, Any]:
    """The structural schema of ``kind``'s CR ``spec``."""
    schema = schema_for(kind.spec_message)
    if kind.promoted_fields:
        properties = schema.get("properties", {})
        missing = [f for f in kind.promoted_fields if f not in properties]
        if missing:
            raise ValueError(f"{kind.kind}: {kind.message.__name__} has no fields {missing}")
        schema["properties"] = {f: properties[f] for f in kind.promoted_fields}
    description = f"{kind.teleport_kind} resource definition {kind.teleport_version} from Teleport"
    return {"description": description, **schema}


def cr_schema(kind: KindSpec) -> dict[str, Any]:
    """The whole ``openAPIV3Schema`` of one version of ``kind``."""
    return {
        "description": f"{kind.kind} is the Schema for the {kind.plural} API",
        "type": "object",
        "properties": {
            "apiVersion": {"description": _API_VERSION_DOC, "type": "string"},
            "kind": {"description": _KIND_DOC, "type": "string"},
            "metadata": {"type": "object"},
            "spec": spec_schema(kind),
            "status": status_schema(),
        },
    }


def printer_columns(kind: KindSpec) -> list[dict[str, Any]]:
    """Ready, Reason, the kind's own columns, Age."""
    columns = (_READY, _REASON, *kind.printer_columns, _AGE)
    out: list[dict[str, Any]] = []
    for c in columns:
        column = {"name": c.name, "type": c.type, "jsonPath": c.json_path}
        if c.description:
            column["description"] = c.description
        out.append(column)
    return out


def crd_for(kind: KindSpec) -> dict[str, Any]:
    """``kind``'s CustomResourceDefinition: Namespaced, all versions served, first = storage."""
    versions = [
        {
            "name": version,
            "served": True,
            "storage": i == 0,
            "schema": {"openAPIV3Schema": cr_schema(kind)},
            "subresources": {"status": {}},
            "additionalPrinterColumns": printer_columns(kind),
        }
        for i, version in enumerate(kind.versions)
    ]
    names: dict[str, Any] = {
        "kind": kind.kind,
        "listKind": kind.list_kind,
        "plural": kind.plural,
        "singular": kind.singular,
        "categories": [CATEGORY],
    }
    if kind.short_names:
        names["shortNames"] = list(kind.short_names)
    return {
        "apiVersion": "apiextensions.k8s.io/v1",
        "kind": "CustomResourceDefinition",
        "metadata": {"name": kind.crd_name},
        "spec": {
            "group": kind.group,
            "names": names,
            "scope": "Namespaced",
            "versions": versions,
        },
    }
