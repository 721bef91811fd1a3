"""``teleport.workloadidentity.v1.WorkloadIdentityResourceService``: workload identities.

Create answers ALREADY_EXISTS when present, Update NOT_FOUND when absent and FAILED_PRECONDITION
on a stale revision, Upsert writes, Get/Delete answer NOT_FOUND when absent. Validation follows
Teleport's: kind ``workload_identity`` and version ``v1`` (both required, BadParameter
otherwise), a spec with ``spiffe.id`` starting with ``/``, and every rule condition naming an
attribute and one operator.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.workloadidentity.v1 import resource_pb2
from teleop.teleport._proto.teleport.workloadidentity.v1 import resource_service_pb2 as wipb
from teleop.teleport.errors import BadParameter
from teleop.teleport.metaview import metadata_view
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["WORKLOAD_IDENTITY", "WORKLOAD_IDENTITY_SERVICE", "workload_identity_rpcs"]

WORKLOAD_IDENTITY_SERVICE = "teleport.workloadidentity.v1.WorkloadIdentityResourceService"
WORKLOAD_IDENTITY = Kind("workload_identity", lambda o: metadata_view(o.metadata))


def _check(state: FakeState, wi: Any) -> Any:
    state.check_name(WORKLOAD_IDENTITY, wi)
    if wi.kind != "workload_identity":
        raise BadParameter('kind: must be "workload_identity"')
    if wi.version != "v1":
        raise BadParameter('version: only "v1" is supported')
    if not wi.HasField("spec"):
        raise BadParameter("spec: is required")
    if not wi.spec.spiffe.id:
        raise BadParameter("spec.spiffe.id: is required")
    if not wi.spec.spiffe.id.startswith("/"):
        raise BadParameter('spec.spiffe.id: must start with a "/"')
    for i, rule in enumerate(wi.spec.rules.allow):
        for j, cond in enumerate(rule.conditions):
            where = f"spec.rules.allow[{i}].conditions[{j}]"
            if not cond.attribute:
                raise BadParameter(f"{where}.attribute: must be non-empty")
            if cond.WhichOneof("operator") is None:
                raise BadParameter(f"{where}: operator must be specified")
    return wi


def workload_identity_rpcs(state: FakeState) -> list[Unary]:
    store = state.store
    kind = WORKLOAD_IDENTITY

    async def get(req: Any, call: Call) -> Any:
        return store.get(kind, req.name)

    async def create(req: Any, call: Call) -> Any:
        wi = _check(state, req.workload_identity)
        return store.create(kind, wi, method=call.method, caller=call.caller)

    async def update(req: Any, call: Call) -> Any:
        wi = _check(state, req.workload_identity)
        return store.update(kind, wi, method=call.method, caller=call.caller)

    async def upsert(req: Any, call: Call) -> Any:
        wi = _check(state, req.workload_identity)
        return store.upsert(kind, wi, method=call.method, caller=call.caller)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(kind, req.name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def list_all(req: Any, call: Call) -> Any:
        return wipb.ListWorkloadIdentitiesResponse(workload_identities=store.list(kind))

    w = resource_pb2.WorkloadIdentity
    k = kind.name
    return [
        Unary("GetWorkloadIdentity", k, wipb.GetWorkloadIdentityRequest, w, get),
        Unary("CreateWorkloadIdentity", k, wipb.CreateWorkloadIdentityRequest, w, create),
        Unary("UpdateWorkloadIdentity", k, wipb.UpdateWorkloadIdentityRequest, w, update),
        Unary("UpsertWorkloadIdentity", k, wipb.UpsertWorkloadIdentityRequest, w, upsert),
        Unary(
            "DeleteWorkloadIdentity",
            k,
            wipb.DeleteWorkloadIdentityRequest,
            empty_pb2.Empty,
            delete,
        ),
        Unary(
            "ListWorkloadIdentities",
            k,
            wipb.ListWorkloadIdentitiesRequest,
            wipb.ListWorkloadIdentitiesResponse,
            list_all,
        ),
    ]
