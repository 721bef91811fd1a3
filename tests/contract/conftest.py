"""Fixtures of the contract suite: a fakekube per worker, a namespace and faketeleport per test.

Installing the ten CRDs costs about half a second, so one fakekube serves every test of an xdist
worker (session scope, on the session's event loop; every test module runs on that loop). Tests
never share state through it: each one gets a fresh namespace, and the operator it starts
watches only that namespace and holds its Lease there. faketeleport is cheap (ECDSA keys), so
each test gets its own, with its own write log and features; ``tctl`` is a Teleport client with
a second identity (``tctl-admin``), so the write log tells the operator's writes from the test's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import pytest_asyncio
import yaml

from teleop.operator.apis import KINDS
from teleop.teleport import Client
from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport, Features
from tests.contract.harness import FAST_RETRY, TCTL_USER, Env, unique
from tests.fakekube.helpers import CRDS, Api
from tests.unit.operator.samples import CRDS_DIR


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def shared_kube() -> AsyncIterator[FakeKube]:
    """One fakekube for the worker, with every committed CRD installed (as production does)."""
    async with FakeKube(host="127.0.0.1", port=0) as kube:
        async with aiohttp.ClientSession(kube.url) as session:
            api = Api(session)
            for kind in KINDS:
                crd = yaml.safe_load((CRDS_DIR / kind.file_name).read_text(encoding="utf-8"))
                r = await api.post(CRDS, crd)
                assert r.status == 201, (kind.kind, r.body)
        yield kube


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def shared_api(shared_kube: FakeKube) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession(shared_kube.url) as session:
        yield Api(session)


@asynccontextmanager
async def open_env(
    kube: FakeKube, api: Api, workdir: Path, features: Features | None = None
) -> AsyncIterator[Env]:
    """A fresh namespace and faketeleport (enterprise unless ``features`` says otherwise)."""
    namespace = unique("ct")
    r = await api.post("/api/v1/namespaces", {"metadata": {"name": namespace}})
    assert r.status == 201, r.body
    async with FakeTeleport(tls_dir=workdir / "tls", features=features) as teleport:
        assert teleport.tls is not None
        tctl_identity = workdir / "tctl-identity"
        teleport.tls.ca().write_identity(tctl_identity, TCTL_USER)
        tctl = Client.from_identity_file(
            teleport.address, tctl_identity, retry=FAST_RETRY, timeout=5.0
        )
        async with tctl:
            yield Env(kube, api, namespace, teleport, tctl, workdir)


@pytest_asyncio.fixture(loop_scope="session")
async def env(shared_kube: FakeKube, shared_api: Api, tmp_path: Path) -> AsyncIterator[Env]:
    async with open_env(shared_kube, shared_api, tmp_path) as e:
        yield e


@pytest_asyncio.fixture(loop_scope="session")
async def oss_env(shared_kube: FakeKube, shared_api: Api, tmp_path: Path) -> AsyncIterator[Env]:
    """Like ``env`` with faketeleport reporting an OSS license (OIDC, SAML, Okta off)."""
    async with open_env(shared_kube, shared_api, tmp_path, Features.oss()) as e:
        yield e
