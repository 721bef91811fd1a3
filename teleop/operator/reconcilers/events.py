"""Reasons of the Kubernetes Events teleop records on its CRs.

Every Teleport write gets a Normal event, every refusal and error a Warning one, so
``kubectl describe`` tells the story of a CR without reading the operator's logs. Reasons are
CamelCase constants (tooling matches on them); messages are written where the event is recorded.
"""

from __future__ import annotations

__all__ = [
    "ADOPTED",
    "CREATED",
    "DELETED",
    "DELETE_SKIPPED",
    "DRIFT_CORRECTED",
    "FEATURE_UNAVAILABLE",
    "IGNORED",
    "INVALID_SPEC",
    "KEPT",
    "MUTATION_FAILED",
    "NORMAL",
    "NOT_OWNED",
    "TELEPORT_ERROR",
    "UPDATED",
    "WARNING",
]

NORMAL = "Normal"
WARNING = "Warning"

CREATED = "Created"
"""Normal: the resource was created in Teleport."""
UPDATED = "Updated"
"""Normal: the resource in Teleport was updated to match the CR."""
DELETED = "Deleted"
"""Normal: the resource was deleted from Teleport because its CR was deleted."""
KEPT = "Kept"
"""Normal: the CR was deleted with ``teleport.dev/keep``; the Teleport resource stays."""
IGNORED = "Ignored"
"""Normal: the CR was deleted with ``teleport.dev/ignore``; only the finalizer was removed."""
ADOPTED = "Adopted"
"""Normal: with ``teleport.dev/adopt``, an existing Teleport resource without an origin label was
taken over (written with teleop's labels)."""
DRIFT_CORRECTED = "DriftCorrected"
"""Normal: the resource was changed or deleted in Teleport outside teleop and was restored."""

INVALID_SPEC = "InvalidSpec"
"""Warning: the CR does not decode into the Teleport resource; nothing was sent to Teleport."""
NOT_OWNED = "NotOwned"
"""Warning: Teleport holds a resource of that name that teleop did not create; left alone."""
DELETE_SKIPPED = "DeleteSkipped"
"""Warning: the CR was deleted but the Teleport resource is not teleop's, so it was kept."""
MUTATION_FAILED = "MutationFailed"
"""Warning: preparing the resource failed (e.g. a ``secret://`` reference was refused)."""
TELEPORT_ERROR = "TeleportError"
"""Warning: Teleport refused or failed a call; teleop retries with backoff."""
FEATURE_UNAVAILABLE = "FeatureUnavailable"
"""Warning: the Teleport cluster does not offer this kind (an enterprise feature is off)."""
