"""Okta import rules (TeleportOktaImportRule): Create for new ones, Update for existing ones.

Enterprise-only (gated on AdvancedAccessWorkflows). Kind, version and metadata live in the
message's ``Header``; ``reconcilers.header`` finds them there.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["OktaImportRuleAdapter"]


class OktaImportRuleAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_okta_import_rule(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.OktaImportRuleV1)
        return await self.teleport.create_okta_import_rule(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.OktaImportRuleV1)
        return await self.teleport.update_okta_import_rule(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_okta_import_rule(name)
