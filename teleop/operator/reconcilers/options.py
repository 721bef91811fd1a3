"""``ReconcilerOptions``: the knobs of teleop's resource controllers, with their defaults.

Frozen so one value can be shared by every controller ``setup_controllers`` registers.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ReconcilerOptions"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ReconcilerOptions:
    """How teleop's resource controllers run. Durations are in seconds."""

    # Workers per kind. Teleport writes are independent per resource, so a few run in parallel.
    max_concurrent_reconciles: int = 4
    # A CR whose Teleport resource exists but is not teleop's is looked at again this often, so
    # it converges soon after someone adds the origin label or deletes the resource in Teleport.
    # (Nothing else would bring it back: Teleport changes do not trigger reconciles.)
    unowned_requeue_after: float = 300.0
    # The event recorder's component name (the "from" column of ``kubectl describe``).
    event_source: str = "teleop"
    # Record the owning CR in Teleport labels and refuse a second CR naming the same resource
    # (``ownership``); set when several namespaces are watched.
    record_owner: bool = False

    def __post_init__(self) -> None:
        if self.max_concurrent_reconciles < 1:
            raise ValueError("max_concurrent_reconciles must be at least 1")
        if self.unowned_requeue_after <= 0:
            raise ValueError("unowned_requeue_after must be positive")
