"""Users (TeleportUser): Create/Update over ``teleport.users.v1`` (legacy fallback in the client).

The mutator keeps ``spec.created_by`` of an existing user (Teleport sets it at creation; the CR
never has it), and comparisons ignore it and the server-maintained ``status``. It also keeps the
existing ``spec.status`` (the login lock Teleport sets after failed logins) unless the CR sets
one: a lockout changes the user's revision, and drift correction must not unlock the user.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase, MutationContext
from teleop.teleport import types

__all__ = ["UserAdapter"]


class UserAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_user(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.UserV2)
        return await self.teleport.create_user(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.UserV2)
        return await self.teleport.update_user(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_user(name)

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        if isinstance(desired, types.UserV2) and isinstance(existing, types.UserV2):
            desired.Spec.CreatedBy.CopyFrom(existing.Spec.CreatedBy)
            if not desired.Spec.HasField("Status") and existing.Spec.HasField("Status"):
                desired.Spec.Status.CopyFrom(existing.Spec.Status)

    def clear_server_fields(self, message: Message) -> None:
        if isinstance(message, types.UserV2):
            message.Spec.ClearField("CreatedBy")
            message.ClearField("Status")
