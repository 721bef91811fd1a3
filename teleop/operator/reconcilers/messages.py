"""teleop's condition and event messages: what happened, in our own words, and what to do next.

Condition types and reasons are the Go operator's (``teleop.operator.apis.conditions``) so tools
matching on them keep working; the messages are ours and each one ends with the next step. The
``Ready`` condition adds the reasons ``Reconciled`` and ``FeatureUnavailable``.
"""

from __future__ import annotations

__all__ = [
    "OWNED_REASON_ADOPTED",
    "READY_REASON_FEATURE_UNAVAILABLE",
    "READY_REASON_RECONCILED",
    "access_denied",
    "adopted",
    "connection_problem",
    "decoded",
    "failed_to_decode",
    "feature_unavailable",
    "mutation_failed",
    "new_resource",
    "not_adoptable",
    "not_owned",
    "owned",
    "ready",
    "reconciled",
    "teleport_error",
]

READY_REASON_RECONCILED = "Reconciled"
READY_REASON_FEATURE_UNAVAILABLE = "FeatureUnavailable"
OWNED_REASON_ADOPTED = "Adopted"
"""TeleportResourceOwned=True after ``teleport.dev/adopt`` took over an existing resource."""


def decoded() -> str:
    return "The spec is a valid Teleport resource. Nothing to do."


def failed_to_decode(error: str) -> str:
    return (
        f"The CR is not a valid Teleport resource: {error}. "
        "Fix the CR; teleop sends nothing to Teleport until it decodes."
    )


def reconciled() -> str:
    return "Teleport holds the resource as the CR describes it. Nothing to do."


def ready(what: str, name: str) -> str:
    return f"The Teleport {what} {name!r} matches this CR. Nothing to do."


def new_resource(what: str, name: str) -> str:
    return (
        f"Teleport had no {what} named {name!r}; teleop created it and manages it. Nothing to do."
    )


def owned(what: str, name: str) -> str:
    return (
        f"The Teleport {what} {name!r} carries teleport.dev/origin=kubernetes, so teleop "
        "manages it. Nothing to do."
    )


def not_owned(what: str, name: str) -> str:
    return (
        f"A {what} named {name!r} already exists in Teleport and was not created by teleop. "
        f"Delete it in Teleport, annotate this CR teleport.dev/adopt=true to let teleop take it "
        "over, or add the label teleport.dev/origin=kubernetes to it; teleop checks again "
        "periodically."
    )


def not_adoptable(what: str, name: str, origin: str) -> str:
    return (
        f"A {what} named {name!r} already exists in Teleport with the label "
        f"teleport.dev/origin={origin}: another system manages it, so teleport.dev/adopt does not "
        "apply. Rename this CR, or remove the resource or its origin label in Teleport; teleop "
        "checks again periodically."
    )


def adopted(what: str, name: str) -> str:
    return (
        f"The {what} {name!r} existed in Teleport without an origin label; the CR is annotated "
        "teleport.dev/adopt=true, so teleop took it over and manages it. Deleting this CR "
        "deletes it (unless annotated teleport.dev/keep=true)."
    )


def teleport_error(error: str) -> str:
    return (
        f"Teleport refused the request: {error}. "
        "Fix the cause (the CR, a resource it refers to, or teleop's Teleport role); "
        "teleop retries with backoff."
    )


def access_denied(error: str) -> str:
    return (
        f"Teleport denied teleop access: {error}. Grant teleop's Teleport role the verbs it "
        "needs on this kind; teleop retries with backoff."
    )


def connection_problem(error: str) -> str:
    return (
        f"Teleport could not be reached: {error}. Check the auth server address, the network "
        "path and that teleop's identity is valid; teleop retries with backoff."
    )


def mutation_failed(error: str) -> str:
    return f"teleop could not prepare the resource: {error}. teleop retries with backoff."


def feature_unavailable(kind: str, gates: tuple[str, ...]) -> str:
    needs = " or ".join(gates)
    return (
        f"{kind} needs Teleport Enterprise with {needs} enabled; this cluster's Ping reports "
        f"it disabled, so teleop does not reconcile it. Enable the feature in Teleport (or "
        f"remove this CR), then restart teleop."
    )
