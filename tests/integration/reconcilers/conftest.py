"""Fixtures: fakekube with teleop's CRDs, faketeleport over mTLS, and a step-by-step harness.

``Harness`` runs a ``Manager`` (no leader election, no HTTP servers) whose informers feed
``GenericReconciler``s built for any kind; tests call ``reconcile`` themselves, like the Go
operator's StepByStep mode, after ``sync`` has let the informer catch up with the API server. Write
counts come from ``fakekube.writes`` (CR writes) and faketeleport's write log (Teleport writes).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from teleop.operator.apis import KINDS, KINDS_BY_NAME, KindSpec
from teleop.operator.reconcilers import (
    FeatureUnavailableReconciler,
    GenericReconciler,
    ReconcilerOptions,
    cr_resource_type,
)
from teleop.operator.resources import adapter_for
from teleop.runtime import (
    KubeClient,
    KubeObject,
    Manager,
    ManagerOptions,
    Request,
    ResourceType,
    Result,
)
from teleop.runtime.client import NotFound
from teleop.runtime.event import EVENTS
from teleop.teleport import Client, RetryPolicy
from teleop.testing.fakekube import FakeKube
from teleop.testing.faketeleport import FakeTeleport
from tests.unit.operator.samples import CRDS_DIR

NAMESPACE = "default"
FAST_RETRY = RetryPolicy(max_attempts=2, max_elapsed=5.0, initial_backoff=0.01, max_backoff=0.05)
CRD_TYPE = ResourceType(
    "apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", False
)


class Harness:
    """A running manager plus helpers to create CRs, reconcile them and count writes."""

    def __init__(self, kube: FakeKube, teleport: FakeTeleport, client: Client, mgr: Manager):
        self.fakekube = kube
        self.teleport = teleport
        self.tclient = client
        self.mgr = mgr
        self.api: KubeClient = mgr.client
        self.options = ReconcilerOptions(unowned_requeue_after=30.0)
        self._reconcilers: dict[str, GenericReconciler] = {}

    def reconciler(self, kind_name: str) -> GenericReconciler:
        r = self._reconcilers.get(kind_name)
        if r is None:
            kind = KINDS_BY_NAME[kind_name]
            rt = cr_resource_type(kind)
            informer = self.mgr.cache.informer_for(rt, namespace=NAMESPACE)
            r = GenericReconciler(
                adapter_for(kind, self.tclient),
                kube=self.api,
                lister=informer.lister,
                resource_type=rt,
                recorder=self.mgr.get_event_recorder_for("teleop"),
                clock=self.mgr.clock,
                options=self.options,
            )
            self._reconcilers[kind_name] = r
        return r

    def gated(self, kind_name: str) -> FeatureUnavailableReconciler:
        kind = KINDS_BY_NAME[kind_name]
        rt = cr_resource_type(kind)
        informer = self.mgr.cache.informer_for(rt, namespace=NAMESPACE)
        return FeatureUnavailableReconciler(
            kind,
            kube=self.api,
            lister=informer.lister,
            resource_type=rt,
            recorder=self.mgr.get_event_recorder_for("teleop"),
            clock=self.mgr.clock,
        )

    async def create(
        self,
        kind_name: str,
        name: str,
        spec: dict[str, Any],
        *,
        labels: dict[str, str] | None = None,
        annotations: dict[str, str] | None = None,
    ) -> KubeObject:
        kind = KINDS_BY_NAME[kind_name]
        self.reconciler(kind_name)  # the informer exists before the object
        await self.mgr.cache.wait_for_sync(10)
        md: dict[str, Any] = {"name": name, "namespace": NAMESPACE}
        if labels:
            md["labels"] = labels
        if annotations:
            md["annotations"] = annotations
        obj = {"apiVersion": kind.api_version, "kind": kind.kind, "metadata": md, "spec": spec}
        created = await self.api.create(cr_resource_type(kind), obj)
        await self.sync(kind_name, name)
        return created

    async def get(self, kind_name: str, name: str) -> KubeObject:
        return await self.api.get(
            cr_resource_type(KINDS_BY_NAME[kind_name]), name, namespace=NAMESPACE
        )

    async def patch(self, kind_name: str, name: str, patch: dict[str, Any]) -> None:
        rt = cr_resource_type(KINDS_BY_NAME[kind_name])
        await self.api.patch(rt, name, patch, namespace=NAMESPACE)
        await self.sync(kind_name, name)

    async def delete(self, kind_name: str, name: str) -> None:
        rt = cr_resource_type(KINDS_BY_NAME[kind_name])
        await self.api.delete(rt, name, namespace=NAMESPACE)
        await self.sync(kind_name, name)

    def cached(self, kind_name: str, name: str) -> KubeObject | None:
        """The CR as the informer's cache holds it (None: gone)."""
        rt = cr_resource_type(KINDS_BY_NAME[kind_name])
        return self.mgr.cache.informer_for(rt, namespace=NAMESPACE).lister.get(NAMESPACE, name)

    async def sync(self, kind_name: str, name: str) -> None:
        """Wait until the informer's cache holds the API server's current version of the CR."""
        kind = KINDS_BY_NAME[kind_name]
        lister = self.mgr.cache.informer_for(cr_resource_type(kind), namespace=NAMESPACE).lister
        try:
            rv: str | None = (await self.get(kind_name, name))["metadata"]["resourceVersion"]
        except NotFound:
            rv = None
        async with asyncio.timeout(10):
            while True:
                cached = lister.get(NAMESPACE, name)
                cached_rv = None if cached is None else cached["metadata"]["resourceVersion"]
                if cached_rv == rv:
                    return
                await asyncio.sleep(0.005)

    async def reconcile(self, kind_name: str, name: str) -> Result:
        """One reconcile, then let the cache catch up with what it wrote."""
        try:
            return await self.reconciler(kind_name).reconcile(Request(NAMESPACE, name))
        finally:
            await self.sync(kind_name, name)

    def cr_writes(self, kind: KindSpec, name: str) -> list[tuple[str, str]]:
        """(verb, subresource) of every fakekube write to this CR so far."""
        return [
            (w.verb, w.subresource)
            for w in self.fakekube.writes
            if w.resource == kind.plural and w.name == name
        ]

    def teleport_writes(self, name: str) -> list[str]:
        return [r.method.rsplit("/", 1)[-1] for r in self.teleport.log.records(name=name)]

    async def events(
        self, name: str, *, reason: str | None = None, wait: bool = True
    ) -> list[KubeObject]:
        """Events on CR ``name`` (waits up to 5 s for at least one matching when ``wait``)."""
        async with asyncio.timeout(5):
            while True:
                items = (await self.api.list(EVENTS, namespace=NAMESPACE))["items"]
                found = [
                    e
                    for e in items
                    if e["involvedObject"]["name"] == name
                    and (reason is None or e["reason"] == reason)
                ]
                if found or not wait:
                    return found
                await asyncio.sleep(0.02)


def load_crds() -> list[dict[str, Any]]:
    return [
        yaml.safe_load((Path(CRDS_DIR) / kind.file_name).read_text(encoding="utf-8"))
        for kind in KINDS
    ]


async def install_crds(api: KubeClient) -> None:
    for crd in load_crds():
        await api.create(CRD_TYPE, crd)


@pytest.fixture
async def teleport(tmp_path: Path) -> AsyncIterator[FakeTeleport]:
    async with FakeTeleport(tls_dir=tmp_path / "tls") as server:
        yield server


@pytest.fixture
async def harness(fakekube: FakeKube, teleport: FakeTeleport) -> AsyncIterator[Harness]:
    assert teleport.tls is not None
    client = Client.from_identity_file(
        teleport.address, teleport.tls.identity, retry=FAST_RETRY, timeout=5.0
    )
    options = ManagerOptions(
        leader_election=False,
        metrics_bind_address="0",
        health_probe_bind_address="0",
        metrics_process_collectors=False,
        graceful_shutdown_timeout=5.0,
    )
    mgr = Manager.from_url(fakekube.url, options)
    async with client:
        await install_crds(mgr.client)
        task = asyncio.create_task(mgr.run())
        await asyncio.wait_for(mgr.wait_started(), 10)
        try:
            yield Harness(fakekube, teleport, client, mgr)
        finally:
            mgr.stop()
            await asyncio.wait_for(task, 10)


@pytest.fixture
def quiet_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog
