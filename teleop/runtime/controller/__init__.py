"""Controllers: a work queue, the sources that feed it and the workers that reconcile its keys.

``Controller`` reproduces controller-runtime's controller (requeue table, metrics, log fields,
cache-sync wait, graceful stop); ``Options`` carries its settings with controller-runtime's
defaults.
"""

from teleop.runtime.controller.controller import (
    CacheSyncTimeoutError,
    Controller,
    ReconcileTimeoutError,
    Source,
)
from teleop.runtime.controller.options import Options

__all__ = ["CacheSyncTimeoutError", "Controller", "Options", "ReconcileTimeoutError", "Source"]
