"""The adapter table covers every kind; per-kind mutation and server-field rules."""

from __future__ import annotations

from typing import Any, cast

from teleop.operator.apis import KINDS, KINDS_BY_NAME
from teleop.operator.reconcilers import MutationContext
from teleop.operator.resources import ADAPTERS
from teleop.operator.resources.github import GitHubConnectorAdapter
from teleop.operator.resources.user import UserAdapter
from teleop.runtime import KubeClient
from teleop.teleport import Client, types

NO_CLIENT = cast(Client, None)  # these tests make no Teleport call
CTX = MutationContext(kube=cast(KubeClient, None), cr={"metadata": {"name": "x"}})


def test_every_kind_has_an_adapter() -> None:
    assert {k.teleport_kind for k in KINDS} == set(ADAPTERS)
    for kind in KINDS:
        adapter = ADAPTERS[kind.teleport_kind](kind, NO_CLIENT)
        assert adapter.kind is kind


async def test_user_keeps_created_by_and_ignores_status() -> None:
    adapter = UserAdapter(KINDS_BY_NAME["TeleportUser"], NO_CLIENT)
    existing = types.UserV2()
    existing.Spec.CreatedBy.User.Name = "admin"
    desired = types.UserV2()
    await adapter.mutate(desired, existing, CTX)
    assert desired.Spec.CreatedBy.User.Name == "admin"
    await adapter.mutate(types.UserV2(), None, CTX)  # new user: nothing to copy
    existing.Status.password_state = 1
    adapter.clear_server_fields(existing)
    assert not existing.HasField("Status")
    assert not existing.Spec.HasField("CreatedBy")


async def test_plain_client_secret_is_sent_as_written() -> None:
    adapter = GitHubConnectorAdapter(KINDS_BY_NAME["TeleportGithubConnector"], NO_CLIENT)
    desired: Any = types.GithubConnectorV3()
    desired.Spec.ClientSecret = "plain"
    await adapter.mutate(desired, None, CTX)  # no Kubernetes call for a plain value
    assert desired.Spec.ClientSecret == "plain"
