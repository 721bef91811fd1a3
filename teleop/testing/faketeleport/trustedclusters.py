"""Trusted clusters: reads and deletes on ``proto.AuthService``, writes on ``teleport.trust.v1``.

``TrustService`` has Create (ALREADY_EXISTS), Update (NOT_FOUND, CompareFailed on a stale
revision) and Upsert, each answering the stored resource. ``TrustedClusterV2.CheckAndSetDefaults``
(``api/types/trustedcluster.go``): kind ``trusted_cluster``, version ``v2``, ``roles`` and
``role_map`` not both; the auth server also refuses a trusted cluster named like itself. A real
auth server then contacts the root cluster's proxy with the token to establish trust; the fake
cannot and stores the resource as is (the token included, as Teleport stores it).
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.trust.v1 import trust_service_pb2 as trustpb
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["TRUSTED_CLUSTER", "TRUST_SERVICE", "trust_rpcs", "trusted_cluster_auth_rpcs"]

TRUST_SERVICE = "teleport.trust.v1.TrustService"
TRUSTED_CLUSTER = Kind("trusted_cluster", lambda o: o.Metadata)


def check_trusted_cluster(state: FakeState, tc: Any) -> Any:
    name = state.check_name(TRUSTED_CLUSTER, tc)
    tc.Kind = "trusted_cluster"
    if not tc.Version:
        tc.Version = "v2"
    if tc.Version != "v2":
        raise BadParameter(f"trusted cluster version {tc.Version!r} is not supported")
    if tc.Spec.Roles and tc.Spec.RoleMap:
        raise BadParameter("should set either 'roles' or 'role_map', not both")
    if name == state.features.cluster_name:
        raise BadParameter(
            f'trusted cluster "{name}" is the name of this root cluster and cannot be used.'
        )
    return tc


def trusted_cluster_auth_rpcs(state: FakeState) -> list[Unary]:
    """``GetTrustedCluster`` and ``DeleteTrustedCluster`` of proto.AuthService."""
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(TRUSTED_CLUSTER, req.Name)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(TRUSTED_CLUSTER, req.Name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    res, tc = types_pb2.ResourceRequest, types_pb2.TrustedClusterV2
    k = TRUSTED_CLUSTER.name
    return [
        Unary("GetTrustedCluster", k, res, tc, get),
        Unary("DeleteTrustedCluster", k, res, empty_pb2.Empty, delete),
    ]


def trust_rpcs(state: FakeState) -> list[Unary]:
    """The trusted-cluster writes of teleport.trust.v1.TrustService."""
    store = state.store
    kind = TRUSTED_CLUSTER

    async def create(req: Any, call: Call) -> Any:
        tc = check_trusted_cluster(state, req.trusted_cluster)
        return store.create(kind, tc, method=call.method, caller=call.caller)

    async def update(req: Any, call: Call) -> Any:
        tc = check_trusted_cluster(state, req.trusted_cluster)
        return store.update(kind, tc, method=call.method, caller=call.caller)

    async def upsert(req: Any, call: Call) -> Any:
        tc = check_trusted_cluster(state, req.trusted_cluster)
        return store.upsert(kind, tc, method=call.method, caller=call.caller)

    tc, k = types_pb2.TrustedClusterV2, kind.name
    return [
        Unary("CreateTrustedCluster", k, trustpb.CreateTrustedClusterRequest, tc, create),
        Unary("UpdateTrustedCluster", k, trustpb.UpdateTrustedClusterRequest, tc, update),
        Unary("UpsertTrustedCluster", k, trustpb.UpsertTrustedClusterRequest, tc, upsert),
    ]
