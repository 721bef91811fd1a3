"""``teleport.accesslist.v1.AccessListService``: access lists, with their server-computed audit date.

Upsert writes (Teleport's operator uses it for new and existing lists), Update is conditional on
the revision, Get/Delete answer NOT_FOUND when absent. Teleport's ``CheckAndSetDefaults`` is
reproduced: kind ``access_list`` and version ``v1``, a title and at least one owner are required
(``access list title required``, ``owners are missing``), owners default to
``MEMBERSHIP_KIND_USER`` and are de-duplicated, the recurrence defaults to every six months on the
first, notifications start two weeks ahead, and when ``spec.audit.next_audit_date`` is unset the
server computes it: today plus the frequency, on the recurrence's day (the last day of the month
for ``last``), at midnight UTC. A write that carries a date keeps it. The service exists only with
advanced access workflows (``FakeState.service_enabled``), like the enterprise server's.
"""

from __future__ import annotations

import calendar
from datetime import UTC, datetime
from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_pb2 as alpb
from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_service_pb2 as svc
from teleop.teleport.errors import BadParameter
from teleop.teleport.metaview import metadata_view
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["ACCESS_LIST", "ACCESS_LIST_SERVICE", "access_list_rpcs", "next_audit_date"]

ACCESS_LIST_SERVICE = "teleport.accesslist.v1.AccessListService"
ACCESS_LIST = Kind("access_list", lambda o: metadata_view(o.header.metadata))

_TWO_WEEKS_SECONDS = 14 * 24 * 3600


def next_audit_date(now: datetime, months: int, day: int) -> datetime:
    """Teleport's first audit date: ``months`` after ``now``, on ``day`` (31: the last day)."""
    index = now.year * 12 + (now.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return datetime(year, month + 1, min(day, last), tzinfo=UTC)


def _check(state: FakeState, al: Any) -> Any:
    state.check_name(ACCESS_LIST, al)
    al.header.kind = "access_list"
    al.header.version = "v1"
    spec = al.spec
    if not spec.title:
        raise BadParameter("access list title required")
    if not spec.owners:
        raise BadParameter("owners are missing")
    recurrence = spec.audit.recurrence
    if not recurrence.frequency:
        recurrence.frequency = alpb.REVIEW_FREQUENCY_SIX_MONTHS
    if not recurrence.day_of_month:
        recurrence.day_of_month = alpb.REVIEW_DAY_OF_MONTH_FIRST
    if not spec.audit.HasField("next_audit_date"):
        date = next_audit_date(state.now(), recurrence.frequency, recurrence.day_of_month)
        spec.audit.next_audit_date.FromDatetime(date)
    if not spec.audit.notifications.HasField("start"):
        spec.audit.notifications.start.seconds = _TWO_WEEKS_SECONDS
    seen: set[str] = set()
    unique: list[Any] = []
    for owner in spec.owners:
        if not owner.name:
            raise BadParameter("owner name is missing")
        if not owner.membership_kind:
            owner.membership_kind = alpb.MEMBERSHIP_KIND_USER
        if owner.name not in seen:
            seen.add(owner.name)
            kept = alpb.AccessListOwner()
            kept.CopyFrom(owner)
            unique.append(kept)
    del spec.owners[:]
    spec.owners.extend(unique)
    return al


def access_list_rpcs(state: FakeState) -> list[Unary]:
    store = state.store
    kind = ACCESS_LIST

    async def get(req: Any, call: Call) -> Any:
        return store.get(kind, req.name)

    async def upsert(req: Any, call: Call) -> Any:
        al = _check(state, req.access_list)
        return store.upsert(kind, al, method=call.method, caller=call.caller)

    async def update(req: Any, call: Call) -> Any:
        al = _check(state, req.access_list)
        return store.update(kind, al, method=call.method, caller=call.caller)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(kind, req.name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def list_all(req: Any, call: Call) -> Any:
        return svc.ListAccessListsResponse(access_lists=store.list(kind))

    al = alpb.AccessList
    k = kind.name
    return [
        Unary("GetAccessList", k, svc.GetAccessListRequest, al, get),
        Unary("UpsertAccessList", k, svc.UpsertAccessListRequest, al, upsert),
        Unary("UpdateAccessList", k, svc.UpdateAccessListRequest, al, update),
        Unary("DeleteAccessList", k, svc.DeleteAccessListRequest, empty_pb2.Empty, delete),
        Unary(
            "ListAccessLists", k, svc.ListAccessListsRequest, svc.ListAccessListsResponse, list_all
        ),
    ]
