"""``LiveDriftWatcher``: follows Teleport's event stream and corrects drift within a second.

It opens ``proto.AuthService/WatchEvents`` for the Teleport kinds the stream can carry and teleop
reconciles (``WATCHABLE``: role, user, token, okta_import_rule) and hands every put and delete to
the ``EventRouter``, which enqueues the owning CR unless the event is teleop's own write. The
reconciler then restores the resource (``DriftCorrected``). Teleport cannot watch connectors
(GitHub, OIDC, SAML) or login rules (its watch answers ``watcher on object kind ... is not
supported``), so those kinds rely on the periodic verification (``--sync-period``) alone.

Failures, and what follows:

- ``ChannelRetired`` (an identity rotation closed the channel the stream ran on): re-watch at once
  on the new channel. Only the few milliseconds between the two streams go unwatched;
- any other error, or the server ending the stream: log, wait with jittered exponential backoff
  (0.5 s doubling to 30 s, reset once a watch is established), re-watch, and then enqueue every
  CR of the watched kinds once, since changes made meanwhile were not seen;
- ``Unimplemented``, ``AccessDenied`` or ``BadParameter`` (a server without the watch, a role
  without ``read`` on a kind, a kind the server cannot watch): one warning, and live mode ends
  for this run; the periodic verification still covers every kind.

Leader-only, like the controllers it feeds. Time (backoff) is the injected clock.
"""

from __future__ import annotations

import logging
import random
from collections.abc import AsyncIterator, Sequence
from typing import Protocol

from teleop.operator.drift.router import EventRouter, change_of
from teleop.runtime import Clock
from teleop.teleport import (
    AccessDenied,
    BadParameter,
    ChannelRetired,
    TeleportError,
    Unimplemented,
    types,
)

__all__ = ["WATCHABLE", "LiveDriftWatcher"]

_log = logging.getLogger(__name__)

WATCHABLE = frozenset({"role", "user", "token", "okta_import_rule"})
"""Teleport kinds whose changes ``WatchEvents`` delivers (and ``proto.Event`` carries)."""


class _Watcher(Protocol):
    def watch_events(self, kinds: Sequence[str] = ()) -> AsyncIterator[types.Event]: ...


class LiveDriftWatcher:
    """Follows WatchEvents and routes changes (module docstring)."""

    need_leader_election = True

    def __init__(
        self,
        teleport: _Watcher,
        router: EventRouter,
        *,
        clock: Clock,
        rng: random.Random | None = None,
        initial_backoff: float = 0.5,
        max_backoff: float = 30.0,
        logger: logging.Logger | None = None,
    ) -> None:
        self._teleport = teleport
        self._router = router
        self._clock = clock
        self._rng = rng if rng is not None else random.Random()
        self._initial = initial_backoff
        self._max = max_backoff
        self._log = logger if logger is not None else _log
        self.kinds = tuple(k for k in router.kinds if k in WATCHABLE)
        self.established = 0
        """Watches that reached INIT (the first one and every re-watch)."""
        self.disabled_reason: str | None = None
        """Why live mode ended, once the server refused the watch for good."""

    async def run(self) -> None:
        if not self.kinds:
            self._log.info("live drift correction: no reconciled kind can be watched")
            return
        backoff = self._initial
        missed = False
        while True:
            try:
                async for event in self._teleport.watch_events(self.kinds):
                    if event.Type == types.INIT:
                        self._established(missed)
                        missed, backoff = False, self._initial
                        continue
                    change = change_of(event)
                    if change is not None:
                        self._router.route(change)
                reason = "Teleport ended the watch"
            except ChannelRetired:
                self._log.info("re-watching Teleport events on the rotated identity's channel")
                continue
            except (Unimplemented, AccessDenied, BadParameter) as exc:
                self.disabled_reason = exc.message or type(exc).__name__
                self._log.warning(
                    "live drift correction is off: Teleport refused to watch %s (%s); drift is "
                    "still corrected by the periodic verification (--sync-period)",
                    ",".join(self.kinds),
                    self.disabled_reason,
                )
                return
            except TeleportError as exc:
                reason = f"{type(exc).__name__}: {exc.message}"
            missed = True
            delay = backoff * (0.5 + self._rng.random() / 2)
            self._log.warning(
                "Teleport event watch interrupted (%s); re-watching in %.1fs", reason, delay
            )
            await self._clock.sleep(delay)
            backoff = min(backoff * 2, self._max)

    def _established(self, missed: bool) -> None:
        self.established += 1
        if self.established == 1:
            self._log.info("watching Teleport events", extra={"kinds": ",".join(self.kinds)})
        elif missed:
            count = self._router.enqueue_all(self.kinds)
            self._log.info("re-watching Teleport events; verifying %d CRs once", count)
