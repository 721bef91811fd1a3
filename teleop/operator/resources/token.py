"""Provision tokens (TeleportProvisionToken): ``UpsertTokenV2`` for create and update.

Comparisons ignore the server-maintained ``status``.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["TokenAdapter"]


class TokenAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_token(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.ProvisionTokenV2)
        return await self.teleport.upsert_token(desired)

    async def update(self, desired: Message) -> Message:
        return await self.create(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_token(name)

    def clear_server_fields(self, message: Message) -> None:
        if isinstance(message, types.ProvisionTokenV2):
            message.ClearField("Status")
