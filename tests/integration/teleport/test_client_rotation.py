"""Identity rotation: tbot rewrites the identity file while calls run; none may fail.

A watch is the exception: it stays on its channel and ends with ``ChannelRetired`` once the
retired channel is closed, and the caller re-watches on the new one.

The client's credential watcher runs on a ``FakeClock``, so each poll happens exactly when the
test advances the clock; only the calls themselves run on real sockets.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import AsyncIterator, Callable

import grpc
import pytest

from teleop.teleport import AccessDenied, ChannelRetired, Client, ConnectionProblem, types
from teleop.testing.clock import FakeClock
from teleop.testing.faketeleport import FakeTeleport
from teleop.testing.faketeleport.tlsgen import write_private

from .conftest import FAST_RETRY, identity_path
from .test_client_resources import role


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def client(teleport: FakeTeleport, clock: FakeClock) -> AsyncIterator[Client]:
    """A client whose identity watcher polls every second of ``clock``."""
    c = Client.from_identity_file(
        teleport.address, identity_path(teleport), retry=FAST_RETRY, drain_grace=5.0, clock=clock
    )
    async with c:
        yield c


async def _wait_for(predicate: Callable[[], bool]) -> None:
    """Wait up to 5 s for calls in flight on real sockets to make ``predicate`` true."""
    async with asyncio.timeout(5.0):
        for _ in itertools.count():
            if predicate():
                return
            await asyncio.sleep(0.01)


async def test_rotation_during_calls_fails_none(
    client: Client, teleport: FakeTeleport, clock: FakeClock
) -> None:
    assert teleport.tls is not None
    ca = teleport.tls.ca()
    teleport.faults.delay("UpsertRoleV2", 0.005)  # keep calls in flight across the swap
    done = 0

    async def worker(n: int) -> None:
        nonlocal done
        for i in range(50):
            await client.upsert_role(role(f"r{n}-{i}"))
            done += 1

    async with asyncio.TaskGroup() as tg:
        for n in range(4):
            tg.create_task(worker(n))
        await _wait_for(lambda: done >= 40)
        ca.write_identity(identity_path(teleport), "operator-renewed")
        await clock.advance(1.0)
        assert client.generation == 2
        assert done < 200, "rotation must happen while calls are still running"

    records = teleport.log.records(kind="role")
    assert len(records) == 200
    callers = [r.caller for r in records]
    assert callers[0] == "operator"
    assert callers[-1] == "operator-renewed"
    first_new = callers.index("operator-renewed")
    assert set(callers[first_new + 4 :]) == {"operator-renewed"}
    assert client.identity == "operator-renewed"
    await clock.advance(1.0)  # the next tick closes the drained channel at the latest
    assert client.draining_channels == 0


async def test_bad_rewrite_keeps_old_credentials_until_fixed(
    client: Client, teleport: FakeTeleport, clock: FakeClock
) -> None:
    assert teleport.tls is not None
    path = identity_path(teleport)
    write_private(path, b"half a file\n")
    await clock.advance(1.0)
    assert client.generation == 1
    await client.upsert_role(role("still-works"))
    teleport.tls.ca().write_identity(path, "fixed")
    os.chmod(path, 0o644)  # unsafe: refused, old channel keeps serving
    await clock.advance(1.0)
    assert client.generation == 1
    os.chmod(path, 0o600)
    await clock.advance(1.0)
    assert client.generation == 2
    await client.upsert_role(role("after-fix"))
    assert [r.caller for r in teleport.log.records()] == ["operator", "fixed"]


async def test_watch_ends_with_channel_retired_and_rewatches_on_new_channel(
    client: Client, teleport: FakeTeleport, clock: FakeClock
) -> None:
    assert teleport.tls is not None
    events = client.watch_events(["role"])
    assert (await anext(events)).Type == types.INIT
    teleport.tls.ca().write_identity(identity_path(teleport), "operator-renewed")
    await clock.advance(1.0)
    assert client.generation == 2
    assert client.draining_channels == 1  # the watch holds the old channel
    await client.upsert_role(role("during-grace"))
    put = await anext(events)  # still delivered while the old channel drains
    assert put.Role.Metadata.Name == "during-grace"
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0.05)
    assert not pending.done()
    await clock.advance(5.0)  # drain_grace runs out: the retired channel is closed
    with pytest.raises(ChannelRetired) as err:
        await asyncio.wait_for(pending, 5.0)
    assert isinstance(err.value, ConnectionProblem)
    assert client.draining_channels == 0
    again = client.watch_events(["role"])
    assert (await anext(again)).Type == types.INIT
    await client.upsert_role(role("after"))
    assert (await anext(again)).Role.Metadata.Name == "after"
    await again.aclose()


async def test_watch_cancelled_by_its_owner_is_not_channel_retired(
    client: Client, teleport: FakeTeleport, clock: FakeClock
) -> None:
    assert teleport.tls is not None
    events = client.watch_events(["role"])
    assert (await anext(events)).Type == types.INIT
    teleport.tls.ca().write_identity(identity_path(teleport), "operator-renewed")
    await clock.advance(1.0)
    pending = asyncio.ensure_future(anext(events))
    await asyncio.sleep(0.05)
    pending.cancel()
    with pytest.raises(asyncio.CancelledError):
        await pending


async def test_watch_error_on_current_channel_is_mapped(
    client: Client, teleport: FakeTeleport
) -> None:
    teleport.faults.fail("WatchEvents", grpc.StatusCode.PERMISSION_DENIED, "no watching")
    with pytest.raises(AccessDenied):
        await anext(client.watch_events(["role"]))
