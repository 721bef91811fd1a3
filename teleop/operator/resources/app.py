"""Applications (TeleportAppV3): CreateApp for new ones, UpdateApp for existing ones.

As the Go operator does for apps (and databases): a real Create, then Update carrying the existing
revision, so a concurrent change in Teleport makes the update fail (CompareFailed) instead of
being overwritten blindly; the next reconcile reads it again.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["AppAdapter"]


class AppAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_app(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.AppV3)
        return await self.teleport.create_app(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.AppV3)
        return await self.teleport.update_app(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_app(name)
