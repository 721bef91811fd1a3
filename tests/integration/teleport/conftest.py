"""Fixtures: a faketeleport serving mTLS from a temporary directory, and a client for it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from teleop.teleport import Client, RetryPolicy
from teleop.testing.faketeleport import FakeTeleport

FAST_RETRY = RetryPolicy(max_attempts=3, max_elapsed=5.0, initial_backoff=0.01, max_backoff=0.05)


@pytest.fixture
async def teleport(tmp_path: Path) -> AsyncIterator[FakeTeleport]:
    async with FakeTeleport(tls_dir=tmp_path / "tls") as server:
        yield server


@pytest.fixture
def registry() -> CollectorRegistry:
    return CollectorRegistry()


def identity_path(teleport: FakeTeleport) -> Path:
    assert teleport.tls is not None
    return teleport.tls.identity


@pytest.fixture
async def client(teleport: FakeTeleport, registry: CollectorRegistry) -> AsyncIterator[Client]:
    c = Client.from_identity_file(
        teleport.address,
        identity_path(teleport),
        retry=FAST_RETRY,
        timeout=5.0,
        poll_interval=0.02,
        drain_grace=5.0,
        registry=registry,
    )
    async with c:
        yield c
