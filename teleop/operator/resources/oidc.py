"""OIDC connectors: CreateOIDCConnector for new ones, UpsertOIDCConnectorV2 for existing ones.

The mutator resolves a ``secret://<secret>/<key>`` ``client_secret`` (``secretfield``). Teleport
never returns the secret (reads are without secrets), so an unchanged connector is recognised by
``status.appliedHash``, not by equality.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase, MutationContext
from teleop.operator.resources.secretfield import resolve_client_secret
from teleop.teleport import types

__all__ = ["OIDCConnectorAdapter"]


class OIDCConnectorAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_connector(types.OIDCConnectorV3, name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.OIDCConnectorV3)
        return await self.teleport.create_connector(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.OIDCConnectorV3)
        return await self.teleport.upsert_connector(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_connector(types.OIDCConnectorV3, name)

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        if isinstance(desired, types.OIDCConnectorV3):
            await resolve_client_secret(desired.Spec, ctx)
