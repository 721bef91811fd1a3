"""Applications and databases on ``proto.AuthService``: Get, Create, Update and Delete.

Both kinds have a real Create (ALREADY_EXISTS when the name is taken) and Update (NOT_FOUND when
absent, CompareFailed on a stale revision), and their writes answer Empty. Writes apply what
``AppV3``/``DatabaseV3.CheckAndSetDefaults`` check (``api/types/app.go``, ``database.go``): kind
``app``/``db``, version ``v3`` (the only one), an app needs a URI unless it is a cloud app, a
database needs a known protocol and a URI. Database ``status`` belongs to database agents: a
write never changes the stored status.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf import empty_pb2
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["APP", "DATABASE", "DATABASE_PROTOCOLS", "app_rpcs"]

APP = Kind("app", lambda o: o.Metadata)
DATABASE = Kind("db", lambda o: o.Metadata)
DATABASE_PROTOCOLS = (
    "postgres",
    "mysql",
    "mongodb",
    "oracle",
    "cockroachdb",
    "redis",
    "snowflake",
    "sqlserver",
    "cassandra",
    "elasticsearch",
    "opensearch",
    "dynamodb",
    "clickhouse",
    "clickhouse-http",
    "spanner",
)


def _envelope(obj: Any, kind: str, what: str) -> str:
    obj.Kind = kind
    if not obj.Version:
        obj.Version = "v3"
    if obj.Version != "v3":
        raise BadParameter(f"{what} version {obj.Version!r} is not supported")
    return str(obj.Metadata.Name)


def check_app(state: FakeState, app: Any) -> Any:
    state.check_name(APP, app)
    name = _envelope(app, "app", "app")
    if not app.Spec.URI and not app.Spec.Cloud:
        raise BadParameter(f'app "{name}" URI is empty')
    return app


def check_database(state: FakeState, db: Any) -> Any:
    state.check_name(DATABASE, db)
    name = _envelope(db, "db", "database")
    protocol = db.Spec.Protocol
    if not protocol:
        raise BadParameter(f'database "{name}" protocol is empty')
    if protocol not in DATABASE_PROTOCOLS:
        raise BadParameter(
            f'unsupported database "{name}" protocol "{protocol}", supported are: '
            + ", ".join(DATABASE_PROTOCOLS)
        )
    if not db.Spec.URI:
        raise BadParameter(f'database "{name}" URI is empty')
    stored = state.store.find(DATABASE, name)
    db.ClearField("Status")
    if stored is not None:
        db.Status.CopyFrom(stored.Status)
    return db


def _rpcs(
    state: FakeState,
    kind: Kind,
    noun: str,
    message: type[Message],
    check: Callable[[FakeState, Any], Any],
) -> list[Unary]:
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(kind, req.Name)

    async def create(req: Any, call: Call) -> Any:
        store.create(kind, check(state, req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def update(req: Any, call: Call) -> Any:
        store.update(kind, check(state, req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def delete(req: Any, call: Call) -> Any:
        store.delete(kind, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    res, empty = types_pb2.ResourceRequest, empty_pb2.Empty
    return [
        Unary(f"Get{noun}", kind.name, res, message, get),
        Unary(f"Create{noun}", kind.name, message, empty, create),
        Unary(f"Update{noun}", kind.name, message, empty, update),
        Unary(f"Delete{noun}", kind.name, res, empty, delete),
    ]


def app_rpcs(state: FakeState) -> list[Unary]:
    """The app and database methods of proto.AuthService."""
    return _rpcs(state, APP, "App", types_pb2.AppV3, check_app) + _rpcs(
        state, DATABASE, "Database", types_pb2.DatabaseV3, check_database
    )
