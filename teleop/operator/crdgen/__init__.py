"""teleop.operator.crdgen: the CustomResourceDefinitions of every kind in ``teleop.operator.apis``.

``render_crds()`` returns the manifests as file name -> YAML text and ``write_crds(dir)`` writes
them (``teleop crds`` / ``make crds`` write manifests/crds/), ``stale_files(dir)`` names what is
out of date; ``crd_for(kind)`` gives one CRD as a
dict. Spec schemas come from ``teleop.teleport.convert.schema_for``, the converter's own source.
"""

from teleop.operator.crdgen.crd import CATEGORY, cr_schema, crd_for, printer_columns, spec_schema
from teleop.operator.crdgen.output import (
    HEADER,
    KUSTOMIZATION,
    render_crds,
    stale_files,
    write_crds,
)
from teleop.operator.crdgen.status import condition_schema, status_schema
from teleop.operator.crdgen.structural import structural_problems

__all__ = [
    "CATEGORY",
    "HEADER",
    "KUSTOMIZATION",
    "condition_schema",
    "cr_schema",
    "crd_for",
    "printer_columns",
    "render_crds",
    "spec_schema",
    "stale_files",
    "status_schema",
    "structural_problems",
    "write_crds",
]
