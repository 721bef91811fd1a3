"""``setup_drift``: the periodic verification and the live watch, added to a manager.

Given what ``setup_controllers`` registered, it pairs each reconciled kind's controller with its
``GenericReconciler`` (cache and write memory) and adds two leader-only runnables to the manager:

- a ``PeriodicVerifier`` over every reconciled kind, one round per ``sync_period``;
- with ``live``, a ``LiveDriftWatcher`` over the kinds Teleport's event stream carries.

Kinds only marked FeatureUnavailable are left out of both.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from teleop.operator.drift.live import WATCHABLE, LiveDriftWatcher
from teleop.operator.drift.periodic import ControllerTarget, PeriodicVerifier
from teleop.operator.drift.router import EventRouter, RouteTarget
from teleop.operator.reconcilers import GenericReconciler
from teleop.operator.resources import SetupResult
from teleop.runtime import Manager
from teleop.teleport import Client

__all__ = ["DriftSetup", "setup_drift"]


@dataclass(frozen=True, slots=True)
class DriftSetup:
    """What ``setup_drift`` added."""

    verifier: PeriodicVerifier
    watcher: LiveDriftWatcher | None
    router: EventRouter


def setup_drift(
    manager: Manager,
    teleport: Client,
    controllers: SetupResult,
    *,
    namespaces: Sequence[str | None],
    sync_period: float,
    live: bool = True,
    rng: random.Random | None = None,
) -> DriftSetup:
    """Add the verifier (and the live watcher) to ``manager``; see the module docstring."""
    rng = rng if rng is not None else random.Random()
    verify: list[ControllerTarget] = []
    route: list[RouteTarget] = []
    for controller, reconciler in zip(
        controllers.controllers, controllers.reconcilers, strict=True
    ):
        if not isinstance(reconciler, GenericReconciler):
            continue
        verify.append(ControllerTarget(controller.name, controller, reconciler.lister))
        if reconciler.kind.teleport_kind in WATCHABLE:
            route.append(
                RouteTarget(
                    reconciler.kind.teleport_kind,
                    reconciler.kind.kind,
                    reconciler.lister,
                    controller,
                    reconciler.written_revision,
                )
            )
    verifier = PeriodicVerifier(
        verify, period=sync_period, clock=manager.clock, rng=random.Random(rng.random())
    )
    manager.add(verifier)
    router = EventRouter(route, namespaces)
    watcher: LiveDriftWatcher | None = None
    if live:
        watcher = LiveDriftWatcher(
            teleport, router, clock=manager.clock, rng=random.Random(rng.random())
        )
        manager.add(watcher)
    return DriftSetup(verifier, watcher, router)
