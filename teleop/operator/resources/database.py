"""Databases (TeleportDatabaseV3): CreateDatabase for new ones, UpdateDatabase for existing ones.

Like apps: a real Create, then a revision-checked Update. The database ``status`` (CA downloaded
from the cloud, managed users, ...) is reported by database agents, never by a CR, so comparisons
ignore it.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["DatabaseAdapter"]


class DatabaseAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_database(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.DatabaseV3)
        return await self.teleport.create_database(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.DatabaseV3)
        return await self.teleport.update_database(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_database(name)

    def clear_server_fields(self, message: Message) -> None:
        if isinstance(message, types.DatabaseV3):
            message.ClearField("Status")
