"""Bots (TeleportBotV1): CreateBot for new ones, UpsertBot for existing ones.

An RFD 153 resource (``teleport.machineid.v1.Bot``): lower-case ``kind``/``version``/``metadata``
with a ``teleport.header.v1.Metadata``, which ``reconcilers.header`` handles. The CR's spec is the
bot's ``spec`` in protojson form (proto field names). Teleport sets ``status`` (the bot's user and
role, ``bot-<name>``); it is cleared before comparisons.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["BotAdapter"]


class BotAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_bot(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.Bot)
        return await self.teleport.create_bot(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.Bot)
        return await self.teleport.upsert_bot(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_bot(name)

    def clear_server_fields(self, message: Message) -> None:
        assert isinstance(message, types.Bot)
        message.ClearField("status")
