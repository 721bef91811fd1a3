"""The ``status`` schema every teleop CR shares: metav1.Condition list plus two counters.

Conditions follow ``metav1.Condition`` exactly (required fields, length limits, patterns and the
status enum, as controller-gen writes them for ``[]metav1.Condition``), so the API server rejects a
malformed condition a buggy writer sends rather than storing it. The list is a map keyed by
``type`` (``+listType=map``), which makes duplicate types invalid and lets server-side apply merge
conditions. ``teleportResourceID`` is the Go operator's (never set by it, kept for
compatibility); ``observedGeneration`` is the CR generation the status describes;
``teleportRevision`` and ``appliedHash`` are what teleop last wrote to (or verified in) Teleport,
which lets a restarted operator tell server-side defaulting from drift without writing.
"""

from __future__ import annotations

from typing import Any

__all__ = ["condition_schema", "status_schema"]

_TYPE_PATTERN = (
    r"^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
    r"(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$"
)
_REASON_PATTERN = r"^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$"


def condition_schema() -> dict[str, Any]:
    """One ``metav1.Condition``."""
    return {
        "description": "Condition contains details for one aspect of the current state of "
        "this API Resource.",
        "type": "object",
        "required": ["lastTransitionTime", "message", "reason", "status", "type"],
        "properties": {
            "lastTransitionTime": {
                "description": "lastTransitionTime is the last time the condition transitioned "
                "from one status to another.",
                "type": "string",
                "format": "date-time",
            },
            "message": {
                "description": "message is a human readable message indicating details about "
                "the transition. This may be an empty string.",
                "type": "string",
                "maxLength": 32768,
            },
            "observedGeneration": {
                "description": "observedGeneration represents the .metadata.generation that the "
                "condition was set based upon.",
                "type": "integer",
                "format": "int64",
                "minimum": 0,
            },
            "reason": {
                "description": "reason contains a programmatic identifier indicating the reason "
                "for the condition's last transition, in CamelCase.",
                "type": "string",
                "minLength": 1,
                "maxLength": 1024,
                "pattern": _REASON_PATTERN,
            },
            "status": {
                "description": "status of the condition, one of True, False, Unknown.",
                "type": "string",
                "enum": ["True", "False", "Unknown"],
            },
            "type": {
                "description": "type of condition in CamelCase or in foo.example.com/CamelCase.",
                "type": "string",
                "maxLength": 316,
                "pattern": _TYPE_PATTERN,
            },
        },
    }


def status_schema() -> dict[str, Any]:
    """The CR ``status``: conditions, observedGeneration, teleportResourceID, teleportRevision
    and appliedHash."""
    return {
        "description": "Status defines the observed state of the Teleport resource",
        "type": "object",
        "properties": {
            "conditions": {
                "description": "Conditions represent the latest available observations of an "
                "object's state",
                "type": "array",
                "items": condition_schema(),
                "x-kubernetes-list-type": "map",
                "x-kubernetes-list-map-keys": ["type"],
            },
            "observedGeneration": {
                "description": "The metadata.generation of the CR this status describes.",
                "type": "integer",
                "format": "int64",
            },
            "teleportResourceID": {"type": "integer", "format": "int64"},
            "teleportRevision": {
                "description": "The Teleport revision of the resource teleop last wrote or "
                "verified.",
                "type": "string",
            },
            "appliedHash": {
                "description": "SHA-256 (hex) of the resource teleop last wrote to Teleport.",
                "type": "string",
            },
        },
    }
