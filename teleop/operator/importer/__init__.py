"""teleop.operator.importer: ``teleop import``, an existing Teleport cluster into GitOps in one step.

``run_import`` lists the chosen kinds in Teleport and writes one CR manifest per resource with
``teleport.dev/adopt: "true"``, so applying them lets the operator take the resources over without
recreating them. ``to_manifest`` is the per-resource conversion, usable on its own.
"""

from teleop.operator.importer.command import ImportOptions, add_import_flags, run_import
from teleop.operator.importer.manifest import Converted, to_manifest
from teleop.operator.importer.sources import importable_kinds, parse_kinds

__all__ = [
    "Converted",
    "ImportOptions",
    "add_import_flags",
    "importable_kinds",
    "parse_kinds",
    "run_import",
    "to_manifest",
]
