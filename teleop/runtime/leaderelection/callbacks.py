"""What the elector reports to its user: leadership hooks, the lost-lease error, and retry jitter.

Kept apart from the election loop so that callers (the manager) can depend on the hooks without
the algorithm, and the loop module stays one concept.
"""

from __future__ import annotations

import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

__all__ = ["LeaderCallbacks", "LeaderElectionLostError", "jittered"]


class LeaderElectionLostError(Exception):
    """The leader could not renew its lease within the renew deadline (or saw another holder)."""


@dataclass(frozen=True, slots=True)
class LeaderCallbacks:
    """Hooks on leadership changes. Sync functions or coroutine functions.

    ``on_started_leading`` runs as a task while we lead and is cancelled when we stop;
    ``on_stopped_leading`` runs once when leadership ends (lost or released);
    ``on_new_leader`` runs whenever the observed holder changes (also for ourselves).
    """

    on_started_leading: Callable[[], Awaitable[None]] | None = None
    on_stopped_leading: Callable[[], object] | None = None
    on_new_leader: Callable[[str], object] | None = None


def jittered(period: float, factor: float, rng: random.Random) -> float:
    """client-go's ``wait.Jitter``: ``period + U[0, 1) * factor * period``."""
    if factor <= 0:
        return period
    return period + rng.random() * factor * period
