"""The load generator: N CRs of a mix of kinds, created fast, and a watch for when they are Ready.

The mix (per 20 CRs): 4 TeleportRole, 2 TeleportRoleV6, 2 TeleportRoleV7, 6 TeleportUser, 3
TeleportProvisionToken, 3 TeleportLoginRule; ``roles_and_users`` is half TeleportRole, half
TeleportUser (the kopf baseline's kinds). Roles are created first and every user refers to a role
of this batch, so users need not wait for a retry with backoff. Connectors are left out: they need
Secrets and licence features, and exercise the same generic reconciler.

Readiness is watched, never polled: one ``SharedInformer`` per kind in this process; a CR counts
as Ready when its ``Ready`` condition is True and ``status.observedGeneration`` equals
``metadata.generation`` (the condition then speaks of the current spec).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from teleop.operator.apis import KindSpec
from teleop.operator.apis.kinds import kind_spec
from teleop.runtime import KubeClient, KubeObject, ResourceType, SharedInformer
from teleop.runtime.cache import DeletedFinalStateUnknown

__all__ = ["MIX", "ROLES_AND_USERS", "Cr", "ReadyTracker", "create_all", "make_crs", "rt_of"]

MIX: tuple[tuple[str, int], ...] = (
    ("TeleportRole", 4),
    ("TeleportRoleV6", 2),
    ("TeleportRoleV7", 2),
    ("TeleportUser", 6),
    ("TeleportProvisionToken", 3),
    ("TeleportLoginRule", 3),
)
ROLES_AND_USERS: tuple[tuple[str, int], ...] = (("TeleportRole", 1), ("TeleportUser", 1))
_ROLE_KINDS = ("TeleportRole", "TeleportRoleV6", "TeleportRoleV7")


def rt_of(kind: KindSpec) -> ResourceType:
    return ResourceType(kind.group, kind.storage_version, kind.plural, kind.kind)


@dataclass(frozen=True, slots=True)
class Cr:
    kind: KindSpec
    body: dict[str, Any]

    @property
    def name(self) -> str:
        name: str = self.body["metadata"]["name"]
        return name

    @property
    def key(self) -> tuple[str, str]:
        return (self.kind.kind, self.name)


def _spec(kind: str, i: int, role: str) -> dict[str, Any]:
    if kind in _ROLE_KINDS:
        return {
            "options": {"max_session_ttl": "8h"},
            "allow": {"logins": [f"login{i}"], "node_labels": {"env": ["dev"]}},
        }
    if kind == "TeleportUser":
        return {"roles": [role], "traits": {"logins": [f"user{i}"]}}
    if kind == "TeleportProvisionToken":
        return {"roles": ["Node"], "join_method": "token"}
    if kind == "TeleportLoginRule":
        return {"priority": i % 100, "traits_map": {"logins": ["external.username"]}}
    raise ValueError(kind)


def make_crs(n: int, namespace: str, mix: tuple[tuple[str, int], ...] = MIX) -> list[Cr]:
    """``n`` CRs in ``mix`` proportions (the last kind takes the rounding), roles first."""
    total = sum(w for _, w in mix)
    counts = [n * w // total for _, w in mix]
    counts[-1] += n - sum(counts)
    roles: list[str] = []
    crs: list[Cr] = []
    order = sorted(range(len(mix)), key=lambda j: mix[j][0] not in _ROLE_KINDS)
    for j in order:
        kind = kind_spec(mix[j][0])
        for i in range(counts[j]):
            name = f"{kind.singular.removeprefix('teleport')}-{i:06d}"
            if kind.kind in _ROLE_KINDS:
                roles.append(name)
            role = roles[i % len(roles)] if roles else "access"
            body = {
                "apiVersion": f"{kind.group}/{kind.storage_version}",
                "kind": kind.kind,
                "metadata": {"name": name, "namespace": namespace},
                "spec": _spec(kind.kind, i, role),
            }
            crs.append(Cr(kind, body))
    return crs


async def create_all(kube: KubeClient, crs: Iterable[Cr], concurrency: int = 32) -> float:
    """Create every CR (``concurrency`` requests in flight, in order); returns the seconds."""
    queue: asyncio.Queue[Cr] = asyncio.Queue()
    for cr in crs:
        queue.put_nowait(cr)

    async def worker() -> None:
        while not queue.empty():
            cr = queue.get_nowait()
            await kube.create(rt_of(cr.kind), cr.body, namespace=cr.body["metadata"]["namespace"])

    t0 = time.perf_counter()
    async with asyncio.TaskGroup() as tg:
        for _ in range(concurrency):
            tg.create_task(worker())
    return time.perf_counter() - t0


def is_ready(obj: KubeObject) -> bool:
    status = obj.get("status") or {}
    if status.get("observedGeneration") != obj["metadata"].get("generation"):
        return False
    return any(
        c.get("type") == "Ready" and c.get("status") == "True"
        for c in status.get("conditions") or []
    )


class _Handler:
    def __init__(self, tracker: ReadyTracker, kind: str) -> None:
        self._t = tracker
        self._kind = kind

    def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
        self._t.seen((self._kind, obj["metadata"]["name"]), obj)

    def on_update(self, old: KubeObject, new: KubeObject) -> None:
        self._t.seen((self._kind, new["metadata"]["name"]), new)

    def on_delete(self, obj: KubeObject | DeletedFinalStateUnknown) -> None:
        return None


class ReadyTracker:
    """Watches ``kinds`` in ``namespace``; ``ready`` maps each Ready CR to when it became so."""

    def __init__(self, kube: KubeClient, namespace: str, kinds: Iterable[str]) -> None:
        self._kube = kube
        self._namespace = namespace
        self._kinds = sorted(set(kinds))
        self.ready: dict[tuple[str, str], float] = {}
        self._changed = asyncio.Event()
        self._informers: list[SharedInformer] = []
        self._tasks: list[asyncio.Task[None]] = []

    def seen(self, key: tuple[str, str], obj: KubeObject) -> None:
        if is_ready(obj):
            if key not in self.ready:
                self.ready[key] = time.perf_counter()
                self._changed.set()
        elif key in self.ready:
            del self.ready[key]

    async def __aenter__(self) -> ReadyTracker:
        for name in self._kinds:
            inf = SharedInformer(self._kube, rt_of(kind_spec(name)), namespace=self._namespace)
            inf.add_event_handler(_Handler(self, name))
            self._informers.append(inf)
            self._tasks.append(asyncio.create_task(inf.run()))
        for inf in self._informers:
            await inf.wait_for_sync()
        return self

    async def __aexit__(self, *exc: object) -> None:
        for inf in self._informers:
            inf.stop()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def wait(self, count: int, limit: float) -> float:
        """Until at least ``count`` CRs are Ready; returns ``perf_counter`` at that moment."""
        async with asyncio.timeout(limit):
            while len(self.ready) < count:
                self._changed.clear()
                await self._changed.wait()
        return time.perf_counter()
