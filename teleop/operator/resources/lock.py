"""Locks (TeleportLock): ``UpsertLock`` for create and update, as the Go operator writes them.

Teleport stamps ``created_at`` and ``created_by`` on a lock that does not carry them; a CR never
does, so comparisons ignore both (otherwise every reconcile would see a difference).
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["LockAdapter"]


class LockAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_lock(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.LockV2)
        return await self.teleport.upsert_lock(desired)

    async def update(self, desired: Message) -> Message:
        return await self.create(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_lock(name)

    def clear_server_fields(self, message: Message) -> None:
        if isinstance(message, types.LockV2):
            message.Spec.ClearField("CreatedAt")
            message.Spec.ClearField("CreatedBy")
