"""Fixtures: fakekube with teleop's CRDs and namespace installed, faketeleport over mTLS, a config.

``world`` gives an ``OperatorConfig`` pointing at both through a kubeconfig and an identity file,
as a production ``teleop run`` would be pointed at a real cluster and Teleport.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from teleop.operator.config import OperatorConfig
from teleop.operator.demo_samples import Sample, install, load_samples
from teleop.runtime import KubeClient
from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport
from tests.unit.operator.samples import SAMPLES_DIR

NAMESPACE = "teleop-it"


@dataclass
class World:
    kube: FakeKube
    teleport: FakeTeleport
    client: KubeClient
    config: OperatorConfig
    samples: list[Sample]


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    samples = load_samples(SAMPLES_DIR)
    async with (
        FakeKube(host="127.0.0.1", port=0) as kube,
        FakeTeleport(tls_dir=tmp_path / "tls") as teleport,
        KubeClient.from_url(kube.url) as client,
    ):
        assert teleport.tls is not None
        await install(client, NAMESPACE, samples)
        config = OperatorConfig(
            namespace=NAMESPACE,
            kubeconfig=str(kube.write_kubeconfig(tmp_path / "kubeconfig", namespace=NAMESPACE)),
            auth_server=teleport.address,
            identity_file=str(teleport.tls.identity),
            metrics_bind_address="127.0.0.1:0",
            health_probe_bind_address="127.0.0.1:0",
            preflight_timeout=2.0,
        )
        yield World(kube, teleport, client, config, samples)


async def http_get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()
