"""Status condition types, reasons and messages of teleop's custom resources.

The first three condition types and all their reasons and messages are the Go operator's
(``controllers/reconcilers/utils.go``, ``generic.go``), spelled exactly, because users and tooling
match on them. ``Ready`` is teleop's own summary condition: the CRDs print its status and reason
as the Ready and Reason columns, so ``kubectl get teleport`` shows at a glance what is wrong.
Messages that carry an error are templates with one ``{error}`` field (``str.format``).
"""

from __future__ import annotations

__all__ = [
    "CONDITION_OWNED",
    "CONDITION_READY",
    "CONDITION_RECONCILED",
    "CONDITION_VALID_STRUCTURE",
    "MESSAGE_DECODED",
    "MESSAGE_FAILED_TO_DECODE",
    "MESSAGE_MUTATION_ERROR",
    "MESSAGE_NEW_RESOURCE",
    "MESSAGE_ORIGIN_LABEL_MATCHING",
    "MESSAGE_ORIGIN_LABEL_NOT_MATCHING",
    "MESSAGE_RECONCILED",
    "MESSAGE_TELEPORT_ERROR",
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

MESSAGE_DECODED = "Kubernetes CR was successfully decoded."
MESSAGE_FAILED_TO_DECODE = "Failed to decode Kubernetes CR: {error}"
MESSAGE_RECONCILED = (
    "Teleport Resource was successfully reconciled, no error was returned by Teleport."
)
MESSAGE_TELEPORT_ERROR = "Teleport returned the error: {error}"
MESSAGE_MUTATION_ERROR = (
    "The reconciliation failed, the operator failed to mutate the resource before creating it "
    "in Teleport. Mutation failed with error: {error}"
)
MESSAGE_NEW_RESOURCE = (
    "No existing Teleport Resource found with that name. "
    "The created Resource is owned by the operator."
)
MESSAGE_ORIGIN_LABEL_MATCHING = "Teleport Resource has the Kubernetes origin label."
MESSAGE_ORIGIN_LABEL_NOT_MATCHING = (
    "A Resource with the same name already exists in Teleport and does not have the Kubernetes "
    "origin label. Refusing to reconcile."
)
