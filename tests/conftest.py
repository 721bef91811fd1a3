"""Shared fixtures: ``fakekube`` is a started in-memory Kubernetes API server on loopback."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from teleop.testing.fakekube import FakeKube


@pytest.fixture
async def fakekube() -> AsyncIterator[FakeKube]:
    """A fresh ``FakeKube`` per test (``default`` and ``kube-system`` namespaces exist)."""
    async with FakeKube(host="127.0.0.1", port=0) as kube:
        yield kube
