"""SAML connectors: CreateSAMLConnector for new ones, UpsertSAMLConnectorV2 for existing ones.

No secret lookup (as in the Go operator's snapshots).
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["SAMLConnectorAdapter"]


class SAMLConnectorAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_connector(types.SAMLConnectorV2, name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.SAMLConnectorV2)
        return await self.teleport.create_connector(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.SAMLConnectorV2)
        return await self.teleport.upsert_connector(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_connector(types.SAMLConnectorV2, name)
