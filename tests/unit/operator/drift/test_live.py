"""LiveDriftWatcher: re-watch on errors with backoff, at once on ChannelRetired, off for good on
UNIMPLEMENTED/AccessDenied; a re-watch after missed events verifies every watched CR once."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Sequence

from teleop.operator.drift import EventRouter, LiveDriftWatcher, RouteTarget
from teleop.runtime import KubeObject, Request
from teleop.teleport import ChannelRetired, ConnectionProblem, Unimplemented, types
from teleop.testing.clock import FakeClock


class Cache:
    def get(self, namespace: str | None, name: str) -> KubeObject | None:
        return {"metadata": {"namespace": "a", "name": name}} if name == "dev" else None

    def list(self, namespace: str | None = None) -> list[KubeObject]:
        return [{"metadata": {"namespace": "a", "name": "dev"}}]


class Queue:
    def __init__(self) -> None:
        self.added: list[Request] = []

    def enqueue(self, request: Request) -> None:
        self.added.append(request)


def init() -> types.Event:
    return types.Event(Type=types.INIT)


def put(name: str) -> types.Event:
    event = types.Event(Type=types.PUT)
    event.Role.Metadata.Name = name
    event.Role.Metadata.Revision = "r-other"
    return event


class ScriptedTeleport:
    """Each watch plays the next script: events, then an error (or the end of the stream)."""

    def __init__(self, scripts: list[tuple[list[types.Event], Exception | None]]) -> None:
        self.scripts = scripts
        self.watches: list[tuple[str, ...]] = []

    async def watch_events(self, kinds: Sequence[str] = ()) -> AsyncIterator[types.Event]:
        self.watches.append(tuple(kinds))
        if not self.scripts:
            await asyncio.Event().wait()
        events, error = self.scripts.pop(0)
        for event in events:
            yield event
        if error is not None:
            raise error
        await asyncio.Event().wait()  # an open stream


def watcher(
    scripts: list[tuple[list[types.Event], Exception | None]],
) -> tuple[LiveDriftWatcher, ScriptedTeleport, Queue, FakeClock]:
    queue, clock = Queue(), FakeClock()
    targets = [
        RouteTarget("role", "TeleportRole", Cache(), queue, lambda ns, n: None),
        RouteTarget("github", "TeleportGithubConnector", Cache(), queue, lambda ns, n: None),
    ]
    teleport = ScriptedTeleport(scripts)
    w = LiveDriftWatcher(teleport, EventRouter(targets, ["a"]), clock=clock, rng=random.Random(1))
    return w, teleport, queue, clock


async def test_routes_puts_and_recovers_from_errors_with_backoff() -> None:
    w, teleport, queue, clock = watcher(
        [
            ([init(), put("dev"), put("nobody")], ConnectionProblem("connection reset")),
            ([init()], ChannelRetired("channel retired")),
            ([init(), put("dev")], None),
        ]
    )
    task = asyncio.create_task(w.run())
    await clock.advance(0)
    assert teleport.watches == [("role",)]  # connectors cannot be watched
    assert queue.added == [Request("a", "dev")]
    assert w.established == 1
    await clock.advance(0.1)
    assert len(teleport.watches) == 1  # still backing off (0.25 s to 0.5 s)
    await clock.advance(0.5)
    # re-watched after the error: every watched CR verified once (events were missed), then
    # ChannelRetired re-watches at once, without a backoff and without another full pass
    assert len(teleport.watches) == 3
    assert w.established == 3
    assert queue.added == [Request("a", "dev")] * 3
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


async def test_unimplemented_turns_live_mode_off_once() -> None:
    w, teleport, _, clock = watcher([([], Unimplemented("unknown method WatchEvents"))])
    task = asyncio.create_task(w.run())
    await clock.advance(0)
    assert task.done()
    await task
    assert w.disabled_reason == "unknown method WatchEvents"
    assert len(teleport.watches) == 1


async def test_nothing_to_watch_returns_at_once() -> None:
    queue, clock = Queue(), FakeClock()
    target = RouteTarget("github", "TeleportGithubConnector", Cache(), queue, lambda ns, n: None)
    teleport = ScriptedTeleport([])
    w = LiveDriftWatcher(teleport, EventRouter([target], ["a"]), clock=clock)
    await w.run()
    assert teleport.watches == []
