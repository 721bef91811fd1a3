"""Trusted clusters (TeleportTrustedClusterV2): Create/Update over ``teleport.trust.v1``.

As the Go operator's trusted cluster controller: a real Create for a new one and a
revision-checked Update for an existing one (``TrustService``, Teleport 17+), reads and deletes
on ``proto.AuthService``. The mutator resolves a ``secret://<secret>/<key>`` join ``token``
(``secretfield``), so the token can stay in a Kubernetes Secret.
"""

from __future__ import annotations

from google.protobuf.message import Message

from teleop.operator.reconcilers import AdapterBase, MutationContext
from teleop.operator.resources.secretfield import resolve_secret_field
from teleop.teleport import types

__all__ = ["TrustedClusterAdapter"]


class TrustedClusterAdapter(AdapterBase):
    async def get(self, name: str) -> Message:
        return await self.teleport.get_trusted_cluster(name)

    async def create(self, desired: Message) -> Message:
        assert isinstance(desired, types.TrustedClusterV2)
        return await self.teleport.create_trusted_cluster(desired)

    async def update(self, desired: Message) -> Message:
        assert isinstance(desired, types.TrustedClusterV2)
        return await self.teleport.update_trusted_cluster(desired)

    async def delete(self, name: str) -> None:
        await self.teleport.delete_trusted_cluster(name)

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        if isinstance(desired, types.TrustedClusterV2):
            await resolve_secret_field(desired.Spec, "Token", "spec.token", ctx)
