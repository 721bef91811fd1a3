"""teleop.operator.resources: one small adapter per Teleport kind, and ``setup_controllers``.

Each module names its kind's Teleport calls and quirks (see ``reconcilers.adapter``);
``setup_controllers`` registers a controller per kind on a ``Manager``, gated on the features
Teleport's Ping reports.
"""

from teleop.operator.reconcilers import ReconcilerOptions
from teleop.operator.resources.registry import ADAPTERS, adapter_for
from teleop.operator.resources.setup import SetupResult, setup_controllers

__all__ = ["ADAPTERS", "ReconcilerOptions", "SetupResult", "adapter_for", "setup_controllers"]
