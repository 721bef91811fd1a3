"""Access lists (TeleportAccessList): UpsertAccessList for new and existing lists.

Enterprise-only (gated on AdvancedAccessWorkflows). Kind, version and metadata live in the
message's ``header`` (a ``teleport.header.v1.ResourceHeader``), which ``reconcilers.header``
handles; the CR's spec is Teleport's access list spec in its Go JSON form.

Teleport computes ``spec.audit.next_audit_date`` when a list is created (and moves it on each
review). Like the Go operator's mutator, ``mutate`` copies it from the existing list when the CR
does not set one, so an update never resets the audit schedule; comparisons ignore it (it is the
server's), as they ignore ``status``.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase, MutationContext
from teleop.teleport import types

__all__ = ["AccessListAdapter"]


class AccessListAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_access_list(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.AccessList)
        return await self.teleport.upsert_access_list(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.AccessList)
        return await self.teleport.upsert_access_list(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_access_list(name)

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        assert isinstance(desired, types.AccessList)
        if existing is None or desired.spec.audit.HasField("next_audit_date"):
            return
        assert isinstance(existing, types.AccessList)
        if existing.spec.audit.HasField("next_audit_date"):
            desired.spec.audit.next_audit_date.CopyFrom(existing.spec.audit.next_audit_date)

    def clear_server_fields(self, message: Message) -> None:
        assert isinstance(message, types.AccessList)
        message.ClearField("status")
        message.spec.audit.ClearField("next_audit_date")
