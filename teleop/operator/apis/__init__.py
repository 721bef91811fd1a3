"""teleop.operator.apis: the custom resource kinds teleop serves and the conventions of their CRs.

``KINDS`` is the single table of kinds (names, versions, Teleport kind/version, message classes,
gates, printer columns) that the CRD generator, the reconcilers and the command read;
``conditions`` and ``conventions`` hold the status vocabulary and the finalizer/annotation/label
names shared with Teleport's Go operator.
"""

from teleop.operator.apis import conditions, conventions
from teleop.operator.apis.kinds import (
    GROUP,
    KINDS,
    KINDS_BY_NAME,
    KindSpec,
    PrinterColumn,
    kind_spec,
)

__all__ = [
    "GROUP",
    "KINDS",
    "KINDS_BY_NAME",
    "KindSpec",
    "PrinterColumn",
    "conditions",
    "conventions",
    "kind_spec",
]
