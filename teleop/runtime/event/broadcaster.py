"""The event pipeline's engine: a bounded queue and one sender task (client-go's broadcaster).

Recording an event must never block or fail the reconcile that records it. ``submit`` puts the
event on a queue of 1000 and returns; when the queue is full the event is dropped and counted, as
client-go's ``DropIfChannelFull`` broadcaster does. ``run`` (owned by the manager) takes events
one at a time, passes them through the ``EventCorrelator`` and writes them to the sink, retrying
a sink that does not answer up to 12 times, 10 s apart (the first pause randomised so that many
clients do not retry in step), on the injected clock.
"""

from __future__ import annotations

import asyncio
import copy
import logging
import random
from typing import Any

from teleop.runtime.clock import Clock
from teleop.runtime.event.correlator import CorrelationResult, CorrelatorOptions, EventCorrelator
from teleop.runtime.event.recorder import EventRecorder
from teleop.runtime.event.sink import EventSink, is_not_found, is_retryable

__all__ = ["EventBroadcaster"]


class EventBroadcaster:
    """Queues events from any number of recorders and writes them through one sink."""

    def __init__(
        self,
        sink: EventSink,
        *,
        clock: Clock,
        options: CorrelatorOptions | None = None,
        queue_size: int = 1000,
        max_tries: int = 12,
        retry_interval: float = 10.0,
        rng: random.Random | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._sink = sink
        self._clock = clock
        self._correlator = EventCorrelator(clock, options)
        self._queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=queue_size)
        self._max_tries = max_tries
        self._retry_interval = retry_interval
        self._rng = rng if rng is not None else random.Random()
        self._log = logger if logger is not None else logging.getLogger(__name__)
        self.dropped = 0
        """Events dropped because the queue was full."""

    def new_recorder(
        self, component: str, *, host: str = "", namespace: str | None = None
    ) -> EventRecorder:
        """A recorder whose events come from ``component`` (and ``host``, if given).

        ``namespace`` writes every event there instead of the involved object's namespace.
        """
        return EventRecorder(
            self.submit, component=component, host=host, namespace=namespace, clock=self._clock
        )

    def submit(self, event: dict[str, Any]) -> bool:
        """Queue ``event`` without blocking; False (and counted) when the queue is full."""
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            self.dropped += 1
            self._log.warning("event queue full, dropping event %s", event.get("reason"))
            return False
        return True

    @property
    def pending(self) -> int:
        return self._queue.qsize()

    async def run(self) -> None:
        """Write queued events until cancelled."""
        while True:
            event = await self._queue.get()
            try:
                await self._record_to_sink(event)
            finally:
                self._queue.task_done()

    async def flush(self) -> None:
        """Wait until every queued event has been written or given up on (needs ``run``)."""
        await self._queue.join()

    async def _record_to_sink(self, event: dict[str, Any]) -> None:
        result = self._correlator.correlate(event)
        if result.skip:
            self._log.debug("event %s filtered as spam", event.get("reason"))
            return
        tries = 0
        while not await self._record(result):
            tries += 1
            if tries >= self._max_tries:
                self._log.error(
                    "unable to write event %s: retry limit exceeded", event.get("reason")
                )
                return
            pause = self._retry_interval
            if tries == 1:
                pause *= self._rng.random()
            await self._clock.sleep(pause)

    async def _record(self, result: CorrelationResult) -> bool:
        """One write; True when done (written, or failed for good), False to retry."""
        event = result.event
        written: dict[str, Any] | None = None
        try:
            if result.patch is not None and int(event.get("count") or 1) > 1:
                try:
                    written = await self._sink.patch(event, result.patch)
                except Exception as exc:
                    if not is_not_found(exc):
                        raise
            if written is None:
                body = copy.deepcopy(event)
                body["metadata"].pop("resourceVersion", None)
                written = await self._sink.create(body)
        except Exception as exc:
            if is_retryable(exc):
                self._log.warning("unable to write event (may retry): %s", exc)
                return False
            self._log.warning("event %s rejected: %s", event.get("reason"), exc)
            return True
        self._correlator.update_state(result.key, written)
        return True
