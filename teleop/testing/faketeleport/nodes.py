"""Nodes on ``proto.AuthService``: ``GetNode``, ``UpsertNode`` and ``DeleteNode`` in namespace default.

The operator registers agentless servers: OpenSSH nodes (sub kind ``openssh``) and EC2 Instance
Connect Endpoint nodes (``openssh-ec2-ice``). Writes apply what ``ServerV2.CheckAndSetDefaults``
checks for them (``api/types/server.go``): version ``v2``; kind ``node``; a known sub kind;
``addr`` set and of the form host:port, ``hostname`` set, no ``public_addrs``; for EICE nodes the
AWS account, region, integration, instance, VPC and subnet. ``metadata.namespace`` is filled in
as ``default``. Requests for another namespace find nothing, as Teleport has only ``default``.
``UpsertNode`` answers a ``KeepAlive`` naming the node; there is no Create or Update.
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport.errors import BadParameter, NotFound
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["NODE", "SUBKIND_EICE", "SUBKIND_OPENSSH", "node_rpcs"]

NODE = Kind("node", lambda o: o.Metadata)
SUBKIND_OPENSSH = "openssh"
SUBKIND_EICE = "openssh-ec2-ice"
_TELEPORT_NODE = "teleport"
_NAMESPACE = "default"
_EICE_FIELDS = (
    ("AccountID", "AWS Account ID"),
    ("Region", "AWS Region"),
    ("Integration", "AWS OIDC Integration"),
    ("InstanceID", "AWS InstanceID"),
    ("VPCID", "AWS VPC ID"),
    ("SubnetID", "AWS Subnet ID"),
)


def _check_addr(addr: str) -> None:
    host, sep, port = addr.rpartition(":")
    if not sep or not host or not port.isdigit():
        raise BadParameter(f'invalid Addr "{addr}": missing port in address')


def check_node(state: FakeState, node: Any) -> Any:
    """Validate and default ``node`` (a ``types.ServerV2``) in place, as Teleport does."""
    state.check_name(NODE, node)
    node.Version = "v2"
    if not node.Kind:
        raise BadParameter("server Kind is empty")
    if node.Kind != "node":
        raise BadParameter(f'expected kind "node", got "{node.Kind}"')
    if not node.Metadata.Namespace:
        node.Metadata.Namespace = _NAMESPACE
    sub = node.SubKind
    if sub in ("", _TELEPORT_NODE):
        return node
    if sub not in (SUBKIND_OPENSSH, SUBKIND_EICE):
        raise BadParameter(f'invalid SubKind "{sub}" of Kind "node"')
    spec = node.Spec
    if not spec.Addr:
        raise BadParameter(f'addr must be set when server SubKind is "{sub}"')
    if spec.public_addrs:
        raise BadParameter(f'publicAddrs must not be set when server SubKind is "{sub}"')
    if not spec.Hostname:
        raise BadParameter(f'hostname must be set when server SubKind is "{sub}"')
    _check_addr(spec.Addr)
    if sub == SUBKIND_EICE:
        if not spec.CloudMetadata.HasField("AWS"):
            raise BadParameter(f'missing AWS CloudMetadata (required for "{sub}" SubKind)')
        for field, what in _EICE_FIELDS:
            if not getattr(spec.CloudMetadata.AWS, field):
                raise BadParameter(f'missing {what} (required for "{sub}" SubKind)')
    return node


def node_rpcs(state: FakeState) -> list[Unary]:
    """The node methods of proto.AuthService."""
    store = state.store

    def name_in_namespace(req: Any) -> str:
        if req.Namespace not in ("", _NAMESPACE):
            raise NotFound(f"node {req.Name} is not found")
        if not req.Name:
            raise BadParameter("missing node name")
        return str(req.Name)

    async def get(req: Any, call: Call) -> Any:
        return store.get(NODE, name_in_namespace(req))

    async def upsert(req: Any, call: Call) -> Any:
        stored = store.upsert(NODE, check_node(state, req), method=call.method, caller=call.caller)
        return types_pb2.KeepAlive(
            Name=stored.Metadata.Name,
            Namespace=_NAMESPACE,
            Type=types_pb2.KeepAlive.NODE,
        )

    async def delete(req: Any, call: Call) -> Any:
        store.delete(NODE, name_in_namespace(req), method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    in_ns, server = types_pb2.ResourceInNamespaceRequest, types_pb2.ServerV2
    return [
        Unary("GetNode", NODE.name, in_ns, server, get),
        Unary("UpsertNode", NODE.name, server, types_pb2.KeepAlive, upsert),
        Unary("DeleteNode", NODE.name, in_ns, empty_pb2.Empty, delete),
    ]
