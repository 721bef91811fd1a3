"""ChannelPool on a fake clock: rotation swaps channels, drained or overdue ones are closed."""

from __future__ import annotations

import asyncio
from pathlib import Path

from teleop.teleport.channel import ChannelPool
from teleop.teleport.credentials import IdentityFileSource
from teleop.teleport.metrics import TeleportMetrics
from teleop.testing.clock import FakeClock
from teleop.testing.faketeleport.tlsgen import CertificateAuthority


def _pool(path: Path, clock: FakeClock, metrics: TeleportMetrics) -> ChannelPool:
    return ChannelPool(
        "127.0.0.1:1",
        IdentityFileSource(path),
        server_name="teleport.cluster.local",
        clock=clock,
        metrics=metrics,
        poll_interval=1.0,
        drain_grace=30.0,
    )


async def test_rotation_drains_then_closes(tmp_path: Path) -> None:
    ca = CertificateAuthority.generate()
    path = tmp_path / "identity"
    ca.write_identity(path, "one")
    clock, metrics = FakeClock(), TeleportMetrics()
    pool = _pool(path, clock, metrics)
    watcher = asyncio.create_task(pool.run())
    try:
        async with pool.lease() as old:
            ca.write_identity(path, "two")
            await clock.advance(1.0)
            assert pool.generation == 2
            assert pool.material.common_name == "two"
            assert pool.draining == 1  # still leased
            async with pool.lease() as new:
                assert new is not old
        assert pool.draining == 0  # closed as its last lease ended
        assert metrics.credential_reloads._value.get() == 1
    finally:
        watcher.cancel()
        await pool.close()


async def test_overdue_channel_closed_after_grace(tmp_path: Path) -> None:
    ca = CertificateAuthority.generate()
    path = tmp_path / "identity"
    ca.write_identity(path, "one")
    clock = FakeClock()
    pool = _pool(path, clock, TeleportMetrics())
    watcher = asyncio.create_task(pool.run())
    try:
        async with pool.lease():
            ca.write_identity(path, "two")
            await clock.advance(1.0)
            assert pool.draining == 1
            await clock.advance(29.0)
            assert pool.draining == 1
            await clock.advance(2.0)
            assert pool.draining == 0  # grace ran out with the call still leased
        await clock.advance(5.0)
        assert pool.generation == 2  # unchanged file: no further reloads
    finally:
        watcher.cancel()
        await pool.close()
