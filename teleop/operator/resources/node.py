"""Agentless nodes (TeleportOpenSSHServerV2, TeleportOpenSSHEICEServerV2): ``UpsertNode`` always.

Both kinds are Teleport ``node`` resources told apart by sub kind (``KindSpec.sub_kind``:
``openssh`` or ``openssh-ec2-ice``), as the Go operator has them: the mutator stamps the kind's
sub kind on what is written, and a node read back with another sub kind (a Teleport agent, or a
node of the other CR kind) is a CompareFailed error, so it is neither overwritten nor deleted.
Nodes live in namespace ``default`` (the client's calls name it).
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase, MutationContext
from teleop.teleport import CompareFailed, types

__all__ = ["NodeAdapter"]


class NodeAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        node = await self.teleport.get_node(name)
        want = self.kind.sub_kind
        if node.SubKind != want:
            raise CompareFailed(
                f'node {name} has sub kind "{node.SubKind}"; {self.kind.kind} manages only '
                f'"{want}" nodes'
            )
        return node

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.ServerV2)
        return await self.teleport.upsert_node(desired)

    async def update(self, desired: Message) -> Message:
        return await self.create(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_node(name)

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        if isinstance(desired, types.ServerV2):
            desired.SubKind = self.kind.sub_kind
