"""Teleport's write semantics: revisions, create/update/upsert/delete answers, the write log."""

from __future__ import annotations

import grpc
import pytest
from google.protobuf.empty_pb2 import Empty

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2 as oktapb
from teleop.teleport._proto.teleport.users.v1 import users_service_pb2 as userspb
from teleop.teleport.errors import AlreadyExists, CompareFailed, NotFound
from teleop.testing.faketeleport import FakeTeleport
from teleop.testing.faketeleport.state import ROLE

from .conftest import Raw

USERS = "/teleport.users.v1.UsersService/"
OKTA = "/teleport.okta.v1.OktaService/"


def _user(name: str, revision: str = "") -> types_pb2.UserV2:
    u = types_pb2.UserV2()
    u.Metadata.Name = name
    u.Metadata.Revision = revision
    return u


async def test_create_update_delete_codes(raw: Raw) -> None:
    first = (
        await raw(
            USERS + "CreateUser",
            userspb.CreateUserRequest(user=_user("a")),
            userspb.CreateUserResponse,
        )
    ).user
    assert first.Metadata.Revision
    assert (first.Kind, first.Version) == ("user", "v2")
    code, details = await raw.status(
        USERS + "CreateUser", userspb.CreateUserRequest(user=_user("a")), userspb.CreateUserResponse
    )
    assert code == grpc.StatusCode.ALREADY_EXISTS
    assert details == "user a already exists"

    code, details = await raw.status(
        USERS + "UpdateUser",
        userspb.UpdateUserRequest(user=_user("zz")),
        userspb.UpdateUserResponse,
    )
    assert (code, details) == (grpc.StatusCode.NOT_FOUND, "user zz is not found")

    stale = _user("a", revision="not-the-revision")
    code, details = await raw.status(
        USERS + "UpdateUser", userspb.UpdateUserRequest(user=stale), userspb.UpdateUserResponse
    )
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    assert "revision" in details

    current = _user("a", revision=first.Metadata.Revision)
    second = (
        await raw(
            USERS + "UpdateUser",
            userspb.UpdateUserRequest(user=current),
            userspb.UpdateUserResponse,
        )
    ).user
    assert second.Metadata.Revision not in ("", first.Metadata.Revision)

    upserted = (
        await raw(
            USERS + "UpsertUser",
            userspb.UpsertUserRequest(user=_user("a")),
            userspb.UpsertUserResponse,
        )
    ).user
    assert upserted.Metadata.Revision not in (first.Metadata.Revision, second.Metadata.Revision)

    await raw(USERS + "DeleteUser", userspb.DeleteUserRequest(name="a"), Empty)
    code, details = await raw.status(
        USERS + "DeleteUser", userspb.DeleteUserRequest(name="a"), Empty
    )
    assert (code, details) == (grpc.StatusCode.NOT_FOUND, "user a is not found")


async def test_okta_update_requires_current_revision(raw: Raw) -> None:
    rule = types_pb2.OktaImportRuleV1()
    rule.Header.Metadata.Name = "r"
    rule.Spec.Mappings.add()
    created = await raw(
        OKTA + "CreateOktaImportRule",
        oktapb.CreateOktaImportRuleRequest(import_rule=rule),
        types_pb2.OktaImportRuleV1,
    )
    assert created.Header.Kind == "okta_import_rule"
    updated = await raw(
        OKTA + "UpdateOktaImportRule",
        oktapb.UpdateOktaImportRuleRequest(import_rule=created),
        types_pb2.OktaImportRuleV1,
    )
    code, _ = await raw.status(
        OKTA + "UpdateOktaImportRule",
        oktapb.UpdateOktaImportRuleRequest(import_rule=created),
        types_pb2.OktaImportRuleV1,
    )
    assert code == grpc.StatusCode.FAILED_PRECONDITION
    assert updated.Header.Metadata.Revision != created.Header.Metadata.Revision


async def test_write_log_records_every_write(fake: FakeTeleport, raw: Raw) -> None:
    await raw(
        USERS + "CreateUser", userspb.CreateUserRequest(user=_user("a")), userspb.CreateUserResponse
    )
    await raw(USERS + "DeleteUser", userspb.DeleteUserRequest(name="a"), Empty)
    create, delete = fake.log.records()
    assert (create.method, create.kind, create.name, create.caller) == (
        USERS + "CreateUser",
        "user",
        "a",
        "",
    )
    assert create.revision
    assert (delete.method, delete.revision) == (USERS + "DeleteUser", "")
    assert fake.log.records(method="DeleteUser") == [delete]
    assert create.to_json()["time"].endswith("+00:00")


def test_store_directly(fake: FakeTeleport) -> None:
    store = fake.store
    role = types_pb2.RoleV6()
    role.Metadata.Name = "x"
    a = store.create(ROLE, role, method="m", caller="c")
    with pytest.raises(AlreadyExists):
        store.create(ROLE, role, method="m", caller="c")
    role.Metadata.Revision = "old"
    with pytest.raises(CompareFailed):
        store.update(ROLE, role, method="m", caller="c")
    role.Metadata.Revision = ""
    b = store.update(ROLE, role, method="m", caller="c")  # unconditional
    assert a.Metadata.Revision != b.Metadata.Revision
    store.delete(ROLE, "x", method="m", caller="c")
    with pytest.raises(NotFound, match=r"^role x is not found$"):
        store.get(ROLE, "x")
