"""The Kubernetes ``ResourceType`` of a kind's CRs (storage version), for clients and informers."""

from __future__ import annotations

from teleop.operator.apis import KindSpec
from teleop.runtime import ResourceType

__all__ = ["cr_resource_type"]


def cr_resource_type(kind: KindSpec) -> ResourceType:
    return ResourceType(kind.group, kind.storage_version, kind.plural, kind.kind, namespaced=True)
