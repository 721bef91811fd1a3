"""The contract suite's harness: one test's world (namespace, faketeleport, operator) and probes.

Like the Go operator's ``testlib``, every scenario runs against the operator as it runs in
production (``Operator(OperatorConfig(...))``: manager, leader election, informers, the Teleport
client over mTLS), in-process as an asyncio task, against real sockets: a fakekube shared by the
tests of one worker (installing the CRDs costs half a second) and a faketeleport per test. Each
test gets its own namespace, so the operator it starts sees only its own CRs, its Lease and its
Events, and the write logs of both doubles can be read per test.

Probes never sleep for a fixed time: ``eventually`` polls a condition with a bounded timeout, and
``OperatorRun.settle`` is a barrier built from observable facts (the informer has cached every
CR at the resourceVersion the API server holds, the controller's queue is empty and no worker is
busy) so "nothing more will be written" can be asserted, not guessed.
"""

from __future__ import annotations

import asyncio
import itertools
import os
from collections.abc import Collection, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any, Self, TypeVar

from prometheus_client import CollectorRegistry

from teleop.operator.apis import KindSpec
from teleop.operator.apis.conditions import CONDITION_READY, STATUS_TRUE
from teleop.teleport import Client, RetryPolicy
from teleop.testing.fakekube import FakeKube, WriteRecord
from teleop.testing.faketeleport import FakeTeleport
from teleop.testing.faketeleport import WriteRecord as TeleportWrite
from tests.fakekube.helpers import JSON_PATCH, Api, Resp
from tests.polling import DEFAULT_TIMEOUT, eventually

T = TypeVar("T")

TCTL_USER = "tctl-admin"
"""The identity the tests use to touch Teleport out of band, like an admin with tctl."""
OPERATOR_USER = "operator"
"""The identity in the operator's identity file (faketeleport's write log names it)."""

FAST_RETRY = RetryPolicy(max_attempts=3, max_elapsed=5.0, initial_backoff=0.01, max_backoff=0.05)

_ids = itertools.count(1)


def unique(prefix: str) -> str:
    """A DNS-1123 name unique in this worker (the pid keeps xdist workers apart in logs)."""
    return f"{prefix}-{os.getpid() % 10000}-{next(_ids)}"


# -- CRs on fakekube ------------------------------------------------------------------------------


def cr_path(kind: KindSpec, namespace: str, name: str | None = None, sub: str = "") -> str:
    base = f"/apis/{kind.group}/{kind.storage_version}/namespaces/{namespace}/{kind.plural}"
    if name is not None:
        base += f"/{name}"
    if sub:
        base += f"/{sub}"
    return base


def condition(cr: Mapping[str, Any], ctype: str) -> dict[str, Any] | None:
    """The condition of type ``ctype`` in ``cr``'s status, if any."""
    for c in (cr.get("status") or {}).get("conditions") or []:
        if c.get("type") == ctype:
            return dict(c)
    return None


def is_ready(cr: Mapping[str, Any]) -> bool:
    """Ready=True and every condition and the status observed the current generation."""
    ready = condition(cr, CONDITION_READY)
    generation = cr["metadata"].get("generation")
    status = cr.get("status") or {}
    return (
        ready is not None
        and ready.get("status") == STATUS_TRUE
        and status.get("observedGeneration") == generation
    )


def describe(cr: Mapping[str, Any] | None) -> str:
    """A short text of a CR's status for failure messages."""
    if cr is None:
        return "CR absent"
    status = cr.get("status") or {}
    conds = [
        f"{c.get('type')}={c.get('status')}({c.get('reason')}: {c.get('message')})"
        for c in status.get("conditions") or []
    ]
    return (
        f"generation={cr['metadata'].get('generation')} "
        f"observedGeneration={status.get('observedGeneration')} "
        f"finalizers={cr['metadata'].get('finalizers')} conditions={conds}"
    )


@dataclass
class Env:
    """One test's world: its namespace on the shared fakekube, its own faketeleport and tctl."""

    kube: FakeKube
    api: Api
    namespace: str
    teleport: FakeTeleport
    tctl: Client
    workdir: Path

    # -- CR helpers -------------------------------------------------------------------------------

    def manifest(
        self,
        kind: KindSpec,
        name: str,
        spec: Mapping[str, Any],
        *,
        labels: Mapping[str, str] | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        meta: dict[str, Any] = {"name": name, "namespace": self.namespace}
        if labels:
            meta["labels"] = dict(labels)
        if annotations:
            meta["annotations"] = dict(annotations)
        return {
            "apiVersion": kind.api_version,
            "kind": kind.kind,
            "metadata": meta,
            "spec": dict(spec),
        }

    async def create(
        self,
        kind: KindSpec,
        name: str,
        spec: Mapping[str, Any],
        *,
        labels: Mapping[str, str] | None = None,
        annotations: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        body = self.manifest(kind, name, spec, labels=labels, annotations=annotations)
        r = await self.api.post(cr_path(kind, self.namespace), body)
        assert r.status == 201, (r.status, r.body)
        created: dict[str, Any] = r.body
        return created

    async def try_create(self, kind: KindSpec, name: str, spec: Mapping[str, Any]) -> Resp:
        return await self.api.post(cr_path(kind, self.namespace), self.manifest(kind, name, spec))

    async def get(self, kind: KindSpec, name: str) -> dict[str, Any] | None:
        r = await self.api.get(cr_path(kind, self.namespace, name))
        if r.status == 404:
            return None
        assert r.status == 200, (r.status, r.body)
        got: dict[str, Any] = r.body
        return got

    async def must_get(self, kind: KindSpec, name: str) -> dict[str, Any]:
        cr = await self.get(kind, name)
        assert cr is not None, f"{kind.kind} {name} not found"
        return cr

    async def replace_spec(self, kind: KindSpec, name: str, spec: Mapping[str, Any]) -> str:
        """Replace the spec (JSON patch); returns the resourceVersion of this write."""
        patch = [{"op": "replace", "path": "/spec", "value": dict(spec)}]
        r = await self.api.patch(cr_path(kind, self.namespace, name), patch, ctype=JSON_PATCH)
        assert r.status == 200, (r.status, r.body)
        return r.rv

    async def annotate(self, kind: KindSpec, name: str, annotations: Mapping[str, str]) -> str:
        """Merge ``annotations`` in; returns the resourceVersion of this write."""
        r = await self.api.patch(
            cr_path(kind, self.namespace, name), {"metadata": {"annotations": dict(annotations)}}
        )
        assert r.status == 200, (r.status, r.body)
        return r.rv

    async def delete(self, kind: KindSpec, name: str) -> None:
        r = await self.api.req("DELETE", cr_path(kind, self.namespace, name))
        assert r.status in (200, 202), (r.status, r.body)

    async def wait_ready(
        self,
        kind: KindSpec,
        name: str,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        async def ready() -> dict[str, Any]:
            cr = await self.get(kind, name)
            assert cr is not None, describe(cr)
            assert is_ready(cr), describe(cr)
            return cr

        return await eventually(ready, timeout, what=f"{kind.kind} {name} Ready")

    async def wait_condition(
        self,
        kind: KindSpec,
        name: str,
        ctype: str,
        status: str,
        reason: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> dict[str, Any]:
        """Wait until ``ctype`` has ``status`` (and ``reason``) for the current generation."""

        async def reached() -> dict[str, Any]:
            cr = await self.get(kind, name)
            c = None if cr is None else condition(cr, ctype)
            ok = (
                cr is not None
                and c is not None
                and c.get("status") == status
                and (reason is None or c.get("reason") == reason)
                and (cr.get("status") or {}).get("observedGeneration")
                == cr["metadata"].get("generation")
            )
            assert ok, describe(cr)
            assert cr is not None
            return cr

        return await eventually(
            reached, timeout, what=f"{kind.kind} {name} {ctype}={status} {reason or ''}"
        )

    async def wait_gone(
        self,
        kind: KindSpec,
        name: str,
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> None:
        async def gone() -> bool:
            cr = await self.get(kind, name)
            assert cr is None, describe(cr)
            return True

        await eventually(gone, timeout, what=f"{kind.kind} {name} to disappear")

    # -- write logs ----------------------------------------------------------------------------

    def kube_mark(self) -> int:
        return len(self.kube.writes)

    def cr_writes(
        self, kind: KindSpec, name: str, since: int = 0, mine: Collection[str] = ()
    ) -> list[WriteRecord]:
        """Writes to the CR itself (incl. /status) after ``since``, but not the test's own.

        The test creates CRs (never counted: the operator only patches) and patches them; pass
        the resourceVersions its patches returned as ``mine``.
        """
        return [
            w
            for w in self.kube.writes[since:]
            if w.namespace == self.namespace
            and w.resource == kind.plural
            and w.group == kind.group
            and w.name == name
            and w.verb in ("patch", "update")
            and w.resource_version not in mine
        ]

    def all_cr_writes(self, since: int = 0) -> list[WriteRecord]:
        """Every patch/update of any teleop CR in this namespace after ``since``."""
        return [
            w
            for w in self.kube.writes[since:]
            if w.namespace == self.namespace
            and w.group == "resources.teleport.dev"
            and w.verb in ("patch", "update")
        ]

    def event_writes(self, name: str, since: int = 0) -> list[WriteRecord]:
        """Event writes about the object ``name`` (client-go names them ``<name>.<suffix>``)."""
        return [
            w
            for w in self.kube.writes[since:]
            if w.namespace == self.namespace
            and w.resource == "events"
            and w.name.rsplit(".", 1)[0] == name
        ]

    async def events_for(self, name: str) -> list[dict[str, Any]]:
        r = await self.api.get(f"/api/v1/namespaces/{self.namespace}/events")
        assert r.status == 200, r.body
        return [e for e in r.body["items"] if e["involvedObject"].get("name") == name]

    def teleport_writes(
        self, kind: str | None = None, name: str | None = None, since: int = 0
    ) -> list[TeleportWrite]:
        """faketeleport write records after ``since`` made by the operator (not by tctl)."""
        return [
            r
            for r in self.teleport.log.records()[since:]
            if r.caller == OPERATOR_USER
            and (kind is None or r.kind == kind)
            and (name is None or r.name == name)
        ]

    def teleport_mark(self) -> int:
        return len(self.teleport.log)

    # -- the operator ------------------------------------------------------------------------

    def operator(self, **overrides: Any) -> OperatorRun:
        return OperatorRun(self, overrides)


# -- running the operator -------------------------------------------------------------------------


def config_values(env: Env, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """What ``teleop run`` would be given in production, with test-sized timeouts.

    Leader election stays on (the Lease lives in the test's namespace); the probe server listens
    on a free port and /metrics is off (the suite reads the registry directly).
    """
    assert env.teleport.tls is not None
    kubeconfig = env.workdir / "kubeconfig"
    if not kubeconfig.exists():
        env.kube.write_kubeconfig(kubeconfig, namespace=env.namespace)
    values: dict[str, Any] = {
        "namespace": env.namespace,
        "kubeconfig": str(kubeconfig),
        "auth_server": env.teleport.address,
        "identity_file": str(env.teleport.tls.identity),
        "leader_elect": True,
        "leader_election_id": "teleop-contract",
        "metrics_bind_address": "0",
        "health_probe_bind_address": "127.0.0.1:0",
        "teleport_timeout": 5.0,
        "preflight_timeout": 5.0,
    }
    values.update(overrides)
    return values


@dataclass
class OperatorRun:
    """``async with env.operator() as op``: the operator running as an asyncio task."""

    env: Env
    overrides: Mapping[str, Any]
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    operator: Any = None
    task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.stop()

    async def start(self) -> None:
        from teleop.operator.app import Operator
        from teleop.operator.config import OperatorConfig

        config = OperatorConfig(**config_values(self.env, self.overrides))
        self.operator = Operator(config, registry=self.registry)
        self.task = asyncio.create_task(self.operator.run(), name=f"operator-{self.env.namespace}")
        ready = asyncio.ensure_future(self.operator.wait_ready())
        try:
            done, _ = await asyncio.wait(
                (ready, self.task), timeout=DEFAULT_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            if not ready.done():
                ready.cancel()
                with suppress(asyncio.CancelledError):
                    await ready
        if self.task in done:
            exc = self.task.exception()
            raise AssertionError(f"the operator exited during start-up: {exc!r}") from exc
        assert ready in done, "the operator was not ready in time"
        ready.result()

    async def stop(self) -> None:
        if self.task is None:
            return
        self.operator.stop()
        task, self.task = self.task, None
        try:
            async with asyncio.timeout(DEFAULT_TIMEOUT):
                await task
        except TimeoutError:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
            raise AssertionError("the operator did not stop within 10 s") from None

    # -- metrics --------------------------------------------------------------------------------

    def metric(self, name: str, labels: Mapping[str, str]) -> float:
        value = self.registry.get_sample_value(name, dict(labels))
        return 0.0 if value is None else value

    def reconciles(self, kind: KindSpec) -> float:
        """``controller_runtime_reconcile_total`` of ``kind``'s controller, every result."""
        return sum(
            self.metric(
                "controller_runtime_reconcile_total",
                {"controller": kind.kind.lower(), "result": result},
            )
            for result in ("success", "error", "requeue", "requeue_after")
        )

    def teleport_calls(self, method_part: str) -> float:
        """Calls the operator's Teleport client made to methods whose name contains the text."""
        total = 0.0
        for family in self.registry.collect():
            if family.name != "teleop_teleport_requests":
                continue
            for sample in family.samples:
                if sample.name.endswith("_total") and method_part in sample.labels["method"]:
                    total += sample.value
        return total

    def idle(self, kind: KindSpec) -> bool:
        controller = kind.kind.lower()
        depth = self.metric(
            "workqueue_depth", {"name": controller, "controller": controller, "priority": ""}
        )
        active = self.metric("controller_runtime_active_workers", {"controller": controller})
        return depth == 0 and active == 0

    def _informer(self, kind: KindSpec) -> Any:
        for informer in self.operator.manager.cache.informers():
            rt = informer.resource_type
            if rt.group == kind.group and rt.plural == kind.plural:
                return informer
        raise AssertionError(f"the operator has no informer for {kind.plural}")

    async def settle(
        self,
        kind: KindSpec,
        names: list[str],
        timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    ) -> None:
        """Wait until the operator has seen the latest state of ``names`` and has nothing to do.

        The informer applies an event to its cache and calls the controller's handlers in the
        same step, so once it caches every CR at the resourceVersion fakekube holds, every event
        up to now is in the queue; then an empty queue and no busy worker mean the operator is
        done with them. Checked twice around the queue so a write during the check restarts it.
        """
        env = self.env

        async def versions() -> dict[str, str | None]:
            out: dict[str, str | None] = {}
            for name in names:
                cr = await env.get(kind, name)
                out[name] = None if cr is None else cr["metadata"]["resourceVersion"]
            return out

        async def quiet() -> bool:
            before = await versions()
            informer = self._informer(kind)
            for name, rv in before.items():
                cached = informer.lister.get(env.namespace, name)
                cached_rv = None if cached is None else cached["metadata"]["resourceVersion"]
                assert cached_rv == rv, f"informer has {name} at {cached_rv}, server at {rv}"
            assert self.idle(kind), f"{kind.kind} controller still busy"
            after = await versions()
            assert before == after, "a CR changed while settling"
            return True

        await eventually(quiet, timeout, what=f"{kind.kind} controller to settle")
