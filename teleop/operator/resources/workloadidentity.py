"""Workload identities (TeleportWorkloadIdentityV1): Create for new ones, Upsert for existing.

An RFD 153 resource (``teleport.workloadidentity.v1.WorkloadIdentity``) with lower-case
``kind``/``version``/``metadata``, which ``reconcilers.header`` handles. The CR's spec is the
resource's ``spec`` in protojson form (``rules.allow[].conditions[]`` with one of ``eq``,
``not_eq``, ``in``, ``not_in``; ``spiffe.id``, ``hint``, ``x509``).
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase
from teleop.teleport import types

__all__ = ["WorkloadIdentityAdapter"]


class WorkloadIdentityAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_workload_identity(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.WorkloadIdentity)
        return await self.teleport.create_workload_identity(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.WorkloadIdentity)
        return await self.teleport.upsert_workload_identity(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_workload_identity(name)
