"""teleop.operator.drift: noticing and undoing changes made in Teleport outside teleop.

Two triggers feed the controllers' queues, and the generic reconciler does the correcting
(``reconcilers.drift``: ``DriftCorrected`` events, ``teleop_drift_corrections_total``):

- ``PeriodicVerifier`` re-enqueues every CR once per ``--sync-period`` (10 minutes, jittered),
  spread over the period; it covers every kind;
- ``LiveDriftWatcher`` follows Teleport's ``WatchEvents`` stream (``--live-drift``, on by default)
  for the kinds it carries (roles, users, tokens, Okta import rules) and enqueues the owning CR of
  each change not made by teleop, through the ``EventRouter``.

``setup_drift`` wires both onto a manager after ``setup_controllers``.
"""

from teleop.operator.drift.live import WATCHABLE, LiveDriftWatcher
from teleop.operator.drift.periodic import ControllerTarget, PeriodicVerifier, VerifyTarget
from teleop.operator.drift.router import ChangeEvent, EventRouter, RouteTarget, change_of
from teleop.operator.drift.setup import DriftSetup, setup_drift

__all__ = [
    "WATCHABLE",
    "ChangeEvent",
    "ControllerTarget",
    "DriftSetup",
    "EventRouter",
    "LiveDriftWatcher",
    "PeriodicVerifier",
    "RouteTarget",
    "VerifyTarget",
    "change_of",
    "setup_drift",
]
