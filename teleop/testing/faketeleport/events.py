"""``proto.AuthService/WatchEvents``: a server stream of puts and deletes, opened by OpInit.

Teleport's watch sends one ``INIT`` event once the watcher is registered, then every change of
the requested kinds (all kinds when the request names none). A put carries the full resource in
its oneof member when ``proto.Event`` has one for the kind (role, user, token, okta import rule)
and only a ``ResourceHeader`` otherwise; a delete always carries just the header (kind, version,
name and namespace: no labels, no revision), as Teleport does. A watcher that falls too far
behind is closed, which a client must handle by re-listing; the stream then ends.

Like Teleport's backend watcher, only kinds it has an event parser for can be watched: here
``WATCHABLE`` (role, user, token, okta_import_rule; Teleport has no parser for auth connectors or
login rules). Any other kind answers BadParameter ``watcher on object kind "<kind>" is not
supported``, unless the request sets ``AllowPartialSuccess``, which skips such kinds (and still
fails when none is left). An empty list of kinds watches everything, as before.
Every write reaches watchers, whether it came over gRPC or straight through ``Store``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.client.proto import event_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.rpc import Call, Stream
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Event

__all__ = ["WATCHABLE", "to_proto_event", "watch_rpc"]

WATCHABLE = frozenset({"role", "user", "token", "okta_import_rule"})

_ONEOF = {
    "role": "Role",
    "user": "User",
    "token": "ProvisionToken",
    "okta_import_rule": "OktaImportRule",
}


def _header(event: Event) -> Any:
    obj: Any = event.obj
    header = types_pb2.ResourceHeader(Kind=event.kind)
    if event.kind == "okta_import_rule":
        header.CopyFrom(obj.Header)
    elif event.kind == "login_rule":
        header.Version = obj.version
        header.Metadata.CopyFrom(obj.metadata)
    else:
        header.Version = obj.Version
        header.Metadata.CopyFrom(obj.Metadata)
    header.Kind = event.kind
    return header


def to_proto_event(event: Event) -> Message:
    """The ``proto.Event`` Teleport would send for a store change."""
    if event.op == "delete":
        header = _header(event)
        header.Metadata.Clear()
        header.Metadata.Name = event.name
        header.Metadata.Namespace = "default"
        return event_pb2.Event(Type=event_pb2.DELETE, ResourceHeader=header)
    member = _ONEOF.get(event.kind)
    if member is None:
        return event_pb2.Event(Type=event_pb2.PUT, ResourceHeader=_header(event))
    out = event_pb2.Event(Type=event_pb2.PUT)
    getattr(out, member).CopyFrom(event.obj)
    return out


def _watched_kinds(requested: list[str], partial: bool) -> set[str]:
    kinds: set[str] = set()
    for kind in requested:
        if kind in WATCHABLE:
            kinds.add(kind)
        elif not partial:
            raise BadParameter(f'watcher on object kind "{kind}" is not supported')
    if requested and not kinds:
        raise BadParameter("none of the requested kinds can be watched")
    return kinds


def watch_rpc(state: FakeState) -> Stream:
    """The WatchEvents method."""

    async def watch(req: Any, call: Call) -> AsyncIterator[Message]:
        kinds = _watched_kinds([k.Kind for k in req.Kinds], req.AllowPartialSuccess)
        with state.store.subscribe() as queue:
            yield event_pb2.Event(Type=event_pb2.INIT)
            while True:
                event = await queue.get()
                if event is None:
                    return
                if not kinds or event.kind in kinds:
                    yield to_proto_event(event)

    return Stream("WatchEvents", None, authpb.Watch, event_pb2.Event, watch)
