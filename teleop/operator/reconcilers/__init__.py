"""teleop.operator.reconcilers: one generic reconciler for every kind, and what it is made of.

``GenericReconciler`` runs the Go operator's algorithm (single pass on create, at most one status
write, no Teleport write when nothing changed) over an ``Adapter`` that supplies a kind's Teleport
calls; ``FeatureUnavailableReconciler`` marks the CRs of kinds the cluster does not offer.
``compare``, ``status``, ``secretlookup`` and ``events`` are the pieces, importable on their own.
"""

from teleop.operator.reconcilers import events, messages
from teleop.operator.reconcilers.adapter import (
    Adapter,
    AdapterBase,
    MutationContext,
    MutationError,
)
from teleop.operator.reconcilers.compare import desired_hash, needs_write, same_resource
from teleop.operator.reconcilers.desired import build_desired
from teleop.operator.reconcilers.gated import FeatureUnavailableReconciler
from teleop.operator.reconcilers.generic import GenericReconciler, is_owned
from teleop.operator.reconcilers.options import ReconcilerOptions
from teleop.operator.reconcilers.predicates import OwnWriteEcho, cr_changed
from teleop.operator.reconcilers.resourcetype import cr_resource_type
from teleop.operator.reconcilers.secretlookup import (
    SecretLookupError,
    SecretLookupRefused,
    resolve,
)
from teleop.operator.reconcilers.status import StatusBuilder, set_condition, status_patch

__all__ = [
    "Adapter",
    "AdapterBase",
    "FeatureUnavailableReconciler",
    "GenericReconciler",
    "MutationContext",
    "MutationError",
    "OwnWriteEcho",
    "ReconcilerOptions",
    "SecretLookupError",
    "SecretLookupRefused",
    "StatusBuilder",
    "build_desired",
    "cr_changed",
    "cr_resource_type",
    "desired_hash",
    "events",
    "is_owned",
    "messages",
    "needs_write",
    "resolve",
    "same_resource",
    "set_condition",
    "status_patch",
]
