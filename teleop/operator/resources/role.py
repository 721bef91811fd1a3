"""Roles (TeleportRole, TeleportRoleV6/V7/V8): upserted for create and update.

As the Go operator does since PR #37275: ``UpsertRoleV2`` (legacy ``UpsertRole`` on old servers)
with the version the CR kind implies (v5/v6/v7/v8), so Teleport applies that version's defaults.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["RoleAdapter"]


class RoleAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_role(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.RoleV6)
        return await self.teleport.upsert_role(desired)

    async def update(self, desired: Message) -> Message:
        return await self.create(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_role(name)
