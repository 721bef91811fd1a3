"""The autoupdate version (TeleportAutoupdateVersionV1): a singleton, Create then Upsert.

Teleport holds one ``autoupdate_version``, named ``autoupdate-version``; its Get and Delete take no
name. The kinds row's ``singleton_name`` makes a CR with another name fail to decode (a clear
``ValidStructure=False`` condition, nothing sent to Teleport), so the adapter only ever sees that
name. The CR's spec is the resource's ``spec`` in protojson form (``tools.target_version``,
``agents``).
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["AutoUpdateVersionAdapter"]


class AutoUpdateVersionAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_autoupdate_version()

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.AutoUpdateVersion)
        return await self.teleport.create_autoupdate_version(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.AutoUpdateVersion)
        return await self.teleport.upsert_autoupdate_version(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_autoupdate_version()
