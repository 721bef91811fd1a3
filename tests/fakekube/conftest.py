"""Fixtures for the fakekube conformance suite: a raw HTTP client and an installed CRD."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import CRDS, Api, crd


@pytest.fixture
async def api(fakekube: FakeKube) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession(fakekube.url) as session:
        yield Api(session)


@pytest.fixture
async def widgets(api: Api) -> Api:
    """``widgets.example.com`` (v1 storage, v1beta1 served, status subresource) is installed."""
    r = await api.post(CRDS, crd())
    assert r.status == 201, r.body
    return api
