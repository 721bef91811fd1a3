"""Keep a standby's view of the lock current by watching it, re-watching after failures.

Polling alone means a standby learns of a renewal or a release only at its next jittered poll
(2-4.4 s with the defaults), which delays a crash takeover by up to one poll and a graceful one by
a whole poll. ``watch_lock`` streams the lock's records to ``on_record`` as they happen. When the
stream fails it waits ``retry_period`` on the clock and watches again; the elector's polling loop
keeps running meanwhile, so a broken watch only costs speed, never correctness. A 403 (RBAC grants
no ``watch`` on leases) ends watching for good with one warning: polling alone still works.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from teleop.runtime.client.errors import Forbidden
from teleop.runtime.clock import Clock
from teleop.runtime.leaderelection.lock import WatchableLeaseLock
from teleop.runtime.leaderelection.record import LeaderElectionRecord

__all__ = ["watch_lock"]


async def watch_lock(
    lock: WatchableLeaseLock,
    on_record: Callable[[LeaderElectionRecord], None],
    *,
    clock: Clock,
    retry_period: float,
    logger: logging.Logger,
) -> None:
    """Feed every record ``lock.watch()`` yields to ``on_record``; runs until cancelled."""
    while True:
        got_any = False
        try:
            async for record in lock.watch():
                got_any = True
                on_record(record)
        except Forbidden as exc:
            logger.warning(
                "may not watch the leader lease (%s): grant the verb watch on leases for fast "
                "failover; polling every retry period instead",
                exc,
            )
            return
        except Exception as exc:
            logger.info("watching the leader lease failed (%s); re-watching", exc)
            got_any = False
        if not got_any:
            # An error, or a stream that ended at once: do not spin against the server.
            await clock.sleep(retry_period)
