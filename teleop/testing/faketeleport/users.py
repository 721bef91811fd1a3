"""Users: ``teleport.users.v1.UsersService`` and the legacy ``proto.AuthService`` user methods.

Both surfaces share one behaviour: the name is validated, kind/version default to ``user``/``v2``,
every role the user names must exist (NOT_FOUND ``role <x> is not found``), and the store gives
create/update/upsert/delete their Teleport semantics. The legacy methods (Teleport 15 and older)
answer ``types.UserV2`` or Empty instead of wrapping the user in a response message; a client
falls back to them when users.v1 answers UNIMPLEMENTED (``Faults.disable("users.v1")``).
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2 as userspb
from teleop.testing.faketeleport.listing import users_list_rpcs
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import USER, FakeState

__all__ = ["USERS_SERVICE", "legacy_user_rpcs", "users_rpcs"]

USERS_SERVICE = "teleport.users.v1.UsersService"


def _prepare(state: FakeState, user: Any) -> Any:
    state.check_name(USER, user)
    user.Kind = "user"
    if not user.Version:
        user.Version = "v2"
    state.check_user_roles(user)
    return user


def users_rpcs(state: FakeState) -> list[Unary]:
    """The users.v1 service."""
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return userspb.GetUserResponse(user=store.get(USER, req.name))

    async def create(req: Any, call: Call) -> Any:
        user = store.create(USER, _prepare(state, req.user), method=call.method, caller=call.caller)
        return userspb.CreateUserResponse(user=user)

    async def update(req: Any, call: Call) -> Any:
        user = store.update(USER, _prepare(state, req.user), method=call.method, caller=call.caller)
        return userspb.UpdateUserResponse(user=user)

    async def upsert(req: Any, call: Call) -> Any:
        user = store.upsert(USER, _prepare(state, req.user), method=call.method, caller=call.caller)
        return userspb.UpsertUserResponse(user=user)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(USER, req.name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    return [
        Unary("GetUser", "user", userspb.GetUserRequest, userspb.GetUserResponse, get),
        Unary("CreateUser", "user", userspb.CreateUserRequest, userspb.CreateUserResponse, create),
        Unary("UpdateUser", "user", userspb.UpdateUserRequest, userspb.UpdateUserResponse, update),
        Unary("UpsertUser", "user", userspb.UpsertUserRequest, userspb.UpsertUserResponse, upsert),
        Unary("DeleteUser", "user", userspb.DeleteUserRequest, empty_pb2.Empty, delete),
        *users_list_rpcs(state),
    ]


def legacy_user_rpcs(state: FakeState) -> list[Unary]:
    """The deprecated user methods of proto.AuthService."""
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(USER, req.Name)

    async def create(req: Any, call: Call) -> Any:
        store.create(USER, _prepare(state, req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def update(req: Any, call: Call) -> Any:
        store.update(USER, _prepare(state, req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def delete(req: Any, call: Call) -> Any:
        store.delete(USER, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    user = types_pb2.UserV2
    return [
        Unary("GetUser", "user", authpb.GetUserRequest, user, get),
        Unary("CreateUser", "user", user, empty_pb2.Empty, create),
        Unary("UpdateUser", "user", user, empty_pb2.Empty, update),
        Unary("DeleteUser", "user", authpb.DeleteUserRequest, empty_pb2.Empty, delete),
    ]
