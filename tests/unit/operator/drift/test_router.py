"""EventRouter and change_of: Teleport watch events to reconcile requests, own writes skipped."""

from __future__ import annotations

from typing import Any

from teleop.operator.drift import ChangeEvent, EventRouter, RouteTarget, change_of
from teleop.runtime import KubeObject, Request
from teleop.teleport import types


class Cache:
    def __init__(self, *crs: KubeObject) -> None:
        self.objects = {(c["metadata"]["namespace"], c["metadata"]["name"]): c for c in crs}

    def get(self, namespace: str | None, name: str) -> KubeObject | None:
        return self.objects.get((namespace or "", name))

    def list(self, namespace: str | None = None) -> list[KubeObject]:
        return list(self.objects.values())


class Queue:
    def __init__(self) -> None:
        self.added: list[Request] = []

    def enqueue(self, request: Request) -> None:
        self.added.append(request)


def cr(name: str, ns: str = "a", revision: str = "", deleting: bool = False) -> KubeObject:
    md: dict[str, Any] = {"namespace": ns, "name": name}
    if deleting:
        md["deletionTimestamp"] = "2026-01-01T00:00:00Z"
    return {"metadata": md, "status": {"teleportRevision": revision} if revision else {}}


def target(
    cache: Cache, queue: Queue, written: dict[tuple[str, str], str] | None = None
) -> RouteTarget:
    memory = written or {}
    return RouteTarget(
        "role", "TeleportRole", cache, queue, lambda ns, name: memory.get((ns, name))
    )


def put(name: str, revision: str, labels: dict[str, str] | None = None) -> ChangeEvent:
    return ChangeEvent(False, "role", name, revision, labels or {})


def test_a_change_by_someone_else_enqueues_the_cr() -> None:
    queue = Queue()
    router = EventRouter([target(Cache(cr("dev", revision="r1")), queue)], ["a"])
    assert router.route(put("dev", "r2")) == 1
    assert queue.added == [Request("a", "dev")]


def test_own_writes_are_skipped_by_status_or_by_memory() -> None:
    queue = Queue()
    cache = Cache(cr("dev", revision="r1"), cr("ops"))
    router = EventRouter([target(cache, queue, {("a", "ops"): "r9"})], ["a"])
    assert router.route(put("dev", "r1")) == 0  # status.teleportRevision (cache caught up)
    assert router.route(put("ops", "r9")) == 0  # written just now, status not cached yet
    assert router.skipped_own == 2
    assert queue.added == []


def test_no_cr_other_kinds_and_crs_being_deleted_are_ignored() -> None:
    queue = Queue()
    cache = Cache(cr("gone", deleting=True))
    router = EventRouter([target(cache, queue)], ["a"])
    assert router.route(put("unknown", "r1")) == 0
    assert router.route(put("gone", "r1")) == 0
    assert router.route(ChangeEvent(False, "user", "gone", "r1", {})) == 0
    assert queue.added == []


def test_a_delete_enqueues_the_cr_so_it_is_recreated() -> None:
    queue = Queue()
    router = EventRouter([target(Cache(cr("dev", revision="r1")), queue)], ["a"])
    assert router.route(ChangeEvent(True, "role", "dev", "", {})) == 1
    assert queue.added == [Request("a", "dev")]


def test_namespaces_owner_labels_and_all_namespaces() -> None:
    queue = Queue()
    cache = Cache(cr("dev", ns="a"), cr("dev", ns="b"))
    two = EventRouter([target(cache, queue)], ["a", "b"])
    assert two.route(put("dev", "r1")) == 2
    owner = {
        "resources.teleport.dev/custom-resource-namespace": "b",
        "resources.teleport.dev/custom-resource-name": "dev",
    }
    queue.added.clear()
    assert two.route(put("dev", "r2", owner)) == 1
    assert queue.added == [Request("b", "dev")]
    every = EventRouter([target(cache, queue)], [None])
    assert every.route(put("dev", "r3")) == 2


def test_enqueue_all_and_kinds() -> None:
    queue = Queue()
    router = EventRouter([target(Cache(cr("x"), cr("y")), queue)], ["a"])
    assert router.kinds == ("role",)
    assert router.enqueue_all() == 2


def test_change_of_reads_members_and_headers() -> None:
    event = types.Event(Type=types.PUT)
    event.Role.Metadata.Name = "dev"
    event.Role.Metadata.Revision = "r1"
    event.Role.Metadata.Labels["team"] = "x"
    assert change_of(event) == ChangeEvent(False, "role", "dev", "r1", {"team": "x"})
    token = types.Event(Type=types.PUT)
    token.ProvisionToken.Metadata.Name = "t"
    assert change_of(token) == ChangeEvent(False, "token", "t", "", {})
    okta = types.Event(Type=types.PUT)
    okta.OktaImportRule.Header.Metadata.Name = "o"
    assert change_of(okta) == ChangeEvent(False, "okta_import_rule", "o", "", {})
    deleted = types.Event(Type=types.DELETE)
    deleted.ResourceHeader.Kind = "user"
    deleted.ResourceHeader.Metadata.Name = "alice"
    assert change_of(deleted) == ChangeEvent(True, "user", "alice", "", {})
    assert change_of(types.Event(Type=types.INIT)) is None
