"""Fixtures: a raw JSON client on fakekube with every teleop CRD installed from manifests/crds."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest
import yaml

from teleop.operator.apis import KINDS
from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import CRDS, Api
from tests.unit.operator.samples import CRDS_DIR


@pytest.fixture
async def api(fakekube: FakeKube) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession(fakekube.url) as session:
        yield Api(session)


@pytest.fixture
async def installed(api: Api) -> Api:
    """``api`` after POSTing every committed CRD file (each must be created)."""
    for kind in KINDS:
        crd = yaml.safe_load((CRDS_DIR / kind.file_name).read_text(encoding="utf-8"))
        r = await api.post(CRDS, crd)
        assert r.status == 201, (kind.kind, r.body)
    return api
