"""Status condition types, reasons and messages of teleop's custom resources.

The first three condition types and their reasons are the Go operator's, spelled exactly,
because users and tooling (Argo CD, Flux, alerts) match on them. The messages are teleop's own
(``teleop.operator.reconcilers.messages``): each says what is wrong and what to do next.
``Ready`` is teleop's summary condition: the CRDs print its status and reason as the Ready and
Reason columns, so ``kubectl get teleport`` shows at a glance what is wrong.
"""

from __future__ import annotations

__all__ = [
    "CONDITION_OWNED",
    "CONDITION_READY",
    "CONDITION_RECONCILED",
    "CONDITION_VALID_STRUCTURE",
    "REASON_FAILED_TO_DECODE",
    "REASON_MUTATION_ERROR",
    "REASON_NEW_RESOURCE",
    "REASON_NO_ERROR",
    "REASON_ORIGIN_LABEL_MATCHING",
    "REASON_ORIGIN_LABEL_NOT_MATCHING",
    "REASON_TELEPORT_ERROR",
    "STATUS_FALSE",
    "STATUS_TRUE",
    "STATUS_UNKNOWN",
]

STATUS_TRUE = "True"
STATUS_FALSE = "False"
STATUS_UNKNOWN = "Unknown"

CONDITION_READY = "Ready"
"""teleop's summary: True once the Teleport resource matches the CR; else the failing reason."""
CONDITION_VALID_STRUCTURE = "ValidStructure"
CONDITION_RECONCILED = "SuccessfullyReconciled"
CONDITION_OWNED = "TeleportResourceOwned"

REASON_NO_ERROR = "NoError"
REASON_FAILED_TO_DECODE = "FailedToDecode"
REASON_TELEPORT_ERROR = "TeleportError"
REASON_MUTATION_ERROR = "MutationError"
REASON_NEW_RESOURCE = "NewResource"
REASON_ORIGIN_LABEL_MATCHING = "OriginLabelMatching"
REASON_ORIGIN_LABEL_NOT_MATCHING = "OriginLabelNotMatching"
