"""Fixtures of the fault-injection tests: a fakekube of each test's own, faketeleport, the operator.

Faults are injected into the whole API server (dropped watches, compaction, 500/429 bursts, a
pause), so unlike the contract suite each test gets a fakekube to itself, with teleop's CRDs
installed, plus the contract suite's per-test namespace, faketeleport and ``tctl``
(``tests.contract.conftest.open_env``); the operator runs as in production
(``tests.contract.harness.OperatorRun``) or as ``teleop run`` processes.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
import yaml

from teleop.operator.apis import KINDS
from teleop.testing.fakekube import FakeKube
from tests.contract.conftest import open_env
from tests.contract.harness import Env
from tests.fakekube.helpers import CRDS, Api
from tests.unit.operator.samples import CRDS_DIR


@asynccontextmanager
async def open_world(workdir: Path) -> AsyncIterator[Env]:
    """A fresh fakekube (CRDs installed), a namespace on it, faketeleport and tctl."""
    async with FakeKube() as kube, aiohttp.ClientSession(kube.url) as session:
        api = Api(session)
        for kind in KINDS:
            crd = yaml.safe_load((CRDS_DIR / kind.file_name).read_text(encoding="utf-8"))
            r = await api.post(CRDS, crd)
            assert r.status == 201, (kind.kind, r.body)
        async with open_env(kube, api, workdir) as env:
            yield env
        kube.faults.clear()


@pytest_asyncio.fixture
async def world(tmp_path: Path) -> AsyncIterator[Env]:
    async with open_world(tmp_path) as env:
        yield env


WorldFactory = Callable[[Callable[[Env], Awaitable[None]]], Awaitable[None]]


@pytest.fixture
def world_factory(tmp_path: Path) -> WorldFactory:
    """For hypothesis tests (one world per example): ``asyncio.run(world_factory(body))``."""
    runs = itertools.count()

    async def run(body: Callable[[Env], Awaitable[None]]) -> None:
        workdir = tmp_path / f"example-{next(runs)}"
        workdir.mkdir()
        async with open_world(workdir) as env:
            await body(env)

    return run
