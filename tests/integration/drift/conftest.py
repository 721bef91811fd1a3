"""Fixtures: the contract suite's world (shared fakekube, per-test namespace and faketeleport,
``tctl`` as a second Teleport identity), reused for the drift and adoption scenarios."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from teleop.testing.fakekube import FakeKube
from tests.contract.conftest import open_env, shared_api, shared_kube
from tests.contract.harness import Env
from tests.fakekube.helpers import Api

__all__ = ["env", "shared_api", "shared_kube"]


@pytest_asyncio.fixture(loop_scope="session")
async def env(shared_kube: FakeKube, shared_api: Api, tmp_path: Path) -> AsyncIterator[Env]:
    async with open_env(shared_kube, shared_api, tmp_path) as e:
        yield e
