"""Locks on ``proto.AuthService``: ``GetLock``, ``UpsertLock`` (answers Empty) and ``DeleteLock``.

``LockV2.CheckAndSetDefaults`` (``api/types/lock.go``): kind ``lock``, version ``v2``, and a target
with at least one attribute set. The auth server stamps ``created_at`` (now) and ``created_by``
(the caller) when the lock does not carry them, so a lock read back has both.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["LOCK", "lock_rpcs"]

LOCK = Kind("lock", lambda o: o.Metadata)


def check_lock(state: FakeState, lock: Any, caller: str) -> Any:
    state.check_name(LOCK, lock)
    lock.Kind = "lock"
    if not lock.Version:
        lock.Version = "v2"
    if lock.Version != "v2":
        raise BadParameter(f"lock version {lock.Version!r} is not supported")
    if not lock.Spec.Target.ListFields():
        raise BadParameter("at least one target field must be set")
    if not lock.Spec.HasField("CreatedAt"):
        lock.Spec.CreatedAt.FromDatetime(state.now())
    if not lock.Spec.CreatedBy:
        lock.Spec.CreatedBy = caller
    return lock


def lock_rpcs(state: FakeState) -> list[Unary]:
    """The lock methods of proto.AuthService."""
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(LOCK, req.Name)

    async def upsert(req: Any, call: Call) -> Any:
        lock = check_lock(state, req, call.caller)
        store.upsert(LOCK, lock, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def delete(req: Any, call: Call) -> Any:
        store.delete(LOCK, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    lock, empty = types_pb2.LockV2, empty_pb2.Empty
    return [
        Unary("GetLock", LOCK.name, authpb.GetLockRequest, lock, get),
        Unary("UpsertLock", LOCK.name, lock, empty, upsert),
        Unary("DeleteLock", LOCK.name, authpb.DeleteLockRequest, empty, delete),
    ]
