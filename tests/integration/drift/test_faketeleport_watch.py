"""faketeleport's WatchEvents as the drift watcher relies on it: every write reaches watchers
(also writes made straight through the store), deletes carry only kind and name, and kinds
Teleport cannot watch are refused with Teleport's BadParameter."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from teleop.teleport import BadParameter, Client, types
from teleop.testing.faketeleport import FakeTeleport
from teleop.testing.faketeleport.state import ROLE


@pytest.fixture
async def fake(tmp_path: Path) -> AsyncIterator[tuple[FakeTeleport, Client]]:
    async with FakeTeleport(tls_dir=tmp_path / "tls") as teleport:
        assert teleport.tls is not None
        async with Client.from_identity_file(teleport.address, teleport.tls.identity) as client:
            yield teleport, client


def role(name: str) -> types.RoleV6:
    r = types.RoleV6(Kind="role", Version="v7")
    r.Metadata.Name = name
    r.Metadata.Labels["teleport.dev/origin"] = "kubernetes"
    return r


async def test_store_writes_reach_watchers_and_deletes_carry_only_the_header(
    fake: tuple[FakeTeleport, Client],
) -> None:
    teleport, client = fake
    events = client.watch_events(["role"])
    assert (await anext(events)).Type == types.INIT
    stored = teleport.store.upsert(ROLE, role("direct"), method="test", caller="test")
    put = await asyncio.wait_for(anext(events), 5)
    assert put.Type == types.PUT
    assert put.Role.Metadata.Revision == stored.Metadata.Revision
    await client.delete_role("direct")
    gone = await asyncio.wait_for(anext(events), 5)
    assert gone.Type == types.DELETE
    header = gone.ResourceHeader
    assert (header.Kind, header.Metadata.Name) == ("role", "direct")
    assert not header.Metadata.Labels  # Teleport's delete events carry no labels...
    assert not header.Metadata.Revision  # ...and no revision
    await events.aclose()


@pytest.mark.parametrize("kind", ["github", "oidc", "saml", "login_rule"])
async def test_kinds_teleport_cannot_watch_are_refused(
    fake: tuple[FakeTeleport, Client], kind: str
) -> None:
    _, client = fake
    with pytest.raises(BadParameter, match=f'watcher on object kind "{kind}" is not supported'):
        await anext(client.watch_events(["role", kind]))
