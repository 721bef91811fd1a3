"""Login rules (TeleportLoginRule): CreateLoginRule for new ones, UpsertLoginRule for existing.

Enterprise-only (gated on OIDC or SAML). The CR's spec holds the message's root fields
(``priority``, ``traits_expression``, ``traits_map``); ``build_desired`` handles that shape.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["LoginRuleAdapter"]


class LoginRuleAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_login_rule(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.LoginRule)
        return await self.teleport.create_login_rule(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.LoginRule)
        return await self.teleport.upsert_login_rule(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_login_rule(name)
