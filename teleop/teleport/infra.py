# ruff: noqa: ASYNC109  -- ``timeout`` is a gRPC deadline sent to the server, not a local wait
"""The calls for nodes, apps, databases, locks and trusted clusters, as Teleport's Go client makes them.

All but two live on the legacy ``proto.AuthService``; trusted clusters are written through
``teleport.trust.v1.TrustService`` (Teleport 17+) and read and deleted on AuthService. Where
Teleport answers a write with Empty (``CreateApp``/``UpdateApp``, ``CreateDatabase``/
``UpdateDatabase``, ``UpsertLock``) or with a ``KeepAlive`` (``UpsertNode``), the method reads the
resource back so that callers always get it as stored, with its new revision.

Nodes are addressed by name in namespace ``default`` (the only namespace Teleport has). Which
calls are retried on UNAVAILABLE follows from the method name (``retry.is_idempotent``): Get,
Delete and Upsert are, Create and Update are not. ``timeout`` replaces the client-wide per-attempt
deadline for every RPC a method makes, as in ``resources``.
"""

from __future__ import annotations

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.client.proto import authservice_pb2 as authpb
from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.trust.v1 import trust_service_pb2 as trustpb
from teleop.teleport.transport import Transport

__all__ = ["DEFAULT_NAMESPACE", "TRUST", "InfraCalls"]

AUTH = "/proto.AuthService/"
TRUST = "/teleport.trust.v1.TrustService/"
DEFAULT_NAMESPACE = "default"

_Empty = empty_pb2.Empty


class InfraCalls:
    """Typed calls for nodes, apps, databases, locks and trusted clusters."""

    def _transport_or_raise(self) -> Transport:
        raise NotImplementedError

    # --- nodes (agentless OpenSSH / EICE servers) -----------------------------------------------
    async def get_node(self, name: str, *, timeout: float | None = None) -> types_pb2.ServerV2:
        t = self._transport_or_raise()
        req = types_pb2.ResourceInNamespaceRequest(Name=name, Namespace=DEFAULT_NAMESPACE)
        return await t.unary(AUTH + "GetNode", req, types_pb2.ServerV2, deadline=timeout)

    async def upsert_node(
        self, node: types_pb2.ServerV2, *, timeout: float | None = None
    ) -> types_pb2.ServerV2:
        """Create or replace ``node``; Teleport answers a KeepAlive, so this reads it back."""
        t = self._transport_or_raise()
        await t.unary(AUTH + "UpsertNode", node, types_pb2.KeepAlive, deadline=timeout)
        return await self.get_node(node.Metadata.Name, timeout=timeout)

    async def delete_node(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = types_pb2.ResourceInNamespaceRequest(Name=name, Namespace=DEFAULT_NAMESPACE)
        await t.unary(AUTH + "DeleteNode", req, _Empty, deadline=timeout)

    # --- apps -----------------------------------------------------------------------------------
    async def get_app(self, name: str, *, timeout: float | None = None) -> types_pb2.AppV3:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        return await t.unary(AUTH + "GetApp", req, types_pb2.AppV3, deadline=timeout)

    async def create_app(
        self, app: types_pb2.AppV3, *, timeout: float | None = None
    ) -> types_pb2.AppV3:
        """Create ``app`` (ALREADY_EXISTS when taken) and read it back."""
        t = self._transport_or_raise()
        await t.unary(AUTH + "CreateApp", app, _Empty, deadline=timeout)
        return await self.get_app(app.Metadata.Name, timeout=timeout)

    async def update_app(
        self, app: types_pb2.AppV3, *, timeout: float | None = None
    ) -> types_pb2.AppV3:
        """Update ``app`` (NOT_FOUND when absent; a stale revision is CompareFailed)."""
        t = self._transport_or_raise()
        await t.unary(AUTH + "UpdateApp", app, _Empty, deadline=timeout)
        return await self.get_app(app.Metadata.Name, timeout=timeout)

    async def delete_app(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        await t.unary(AUTH + "DeleteApp", req, _Empty, deadline=timeout)

    # --- databases ------------------------------------------------------------------------------
    async def get_database(
        self, name: str, *, timeout: float | None = None
    ) -> types_pb2.DatabaseV3:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        return await t.unary(AUTH + "GetDatabase", req, types_pb2.DatabaseV3, deadline=timeout)

    async def create_database(
        self, db: types_pb2.DatabaseV3, *, timeout: float | None = None
    ) -> types_pb2.DatabaseV3:
        t = self._transport_or_raise()
        await t.unary(AUTH + "CreateDatabase", db, _Empty, deadline=timeout)
        return await self.get_database(db.Metadata.Name, timeout=timeout)

    async def update_database(
        self, db: types_pb2.DatabaseV3, *, timeout: float | None = None
    ) -> types_pb2.DatabaseV3:
        t = self._transport_or_raise()
        await t.unary(AUTH + "UpdateDatabase", db, _Empty, deadline=timeout)
        return await self.get_database(db.Metadata.Name, timeout=timeout)

    async def delete_database(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        await t.unary(AUTH + "DeleteDatabase", req, _Empty, deadline=timeout)

    # --- locks ----------------------------------------------------------------------------------
    async def get_lock(self, name: str, *, timeout: float | None = None) -> types_pb2.LockV2:
        t = self._transport_or_raise()
        req = authpb.GetLockRequest(Name=name)
        return await t.unary(AUTH + "GetLock", req, types_pb2.LockV2, deadline=timeout)

    async def upsert_lock(
        self, lock: types_pb2.LockV2, *, timeout: float | None = None
    ) -> types_pb2.LockV2:
        """Create or replace ``lock``; Teleport answers Empty, so this reads it back."""
        t = self._transport_or_raise()
        await t.unary(AUTH + "UpsertLock", lock, _Empty, deadline=timeout)
        return await self.get_lock(lock.Metadata.Name, timeout=timeout)

    async def delete_lock(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = authpb.DeleteLockRequest(Name=name)
        await t.unary(AUTH + "DeleteLock", req, _Empty, deadline=timeout)

    # --- trusted clusters -----------------------------------------------------------------------
    async def get_trusted_cluster(
        self, name: str, *, timeout: float | None = None
    ) -> types_pb2.TrustedClusterV2:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        return await t.unary(
            AUTH + "GetTrustedCluster", req, types_pb2.TrustedClusterV2, deadline=timeout
        )

    async def create_trusted_cluster(
        self, tc: types_pb2.TrustedClusterV2, *, timeout: float | None = None
    ) -> types_pb2.TrustedClusterV2:
        t = self._transport_or_raise()
        req = trustpb.CreateTrustedClusterRequest(trusted_cluster=tc)
        return await t.unary(
            TRUST + "CreateTrustedCluster", req, types_pb2.TrustedClusterV2, deadline=timeout
        )

    async def update_trusted_cluster(
        self, tc: types_pb2.TrustedClusterV2, *, timeout: float | None = None
    ) -> types_pb2.TrustedClusterV2:
        t = self._transport_or_raise()
        req = trustpb.UpdateTrustedClusterRequest(trusted_cluster=tc)
        return await t.unary(
            TRUST + "UpdateTrustedCluster", req, types_pb2.TrustedClusterV2, deadline=timeout
        )

    async def delete_trusted_cluster(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = types_pb2.ResourceRequest(Name=name)
        await t.unary(AUTH + "DeleteTrustedCluster", req, _Empty, deadline=timeout)
