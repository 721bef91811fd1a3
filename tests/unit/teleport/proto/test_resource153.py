"""The RFD 153 messages and services match Teleport's field numbers, names and method types.

Same checks as ``test_wire`` and ``test_services`` for the header.v1 metadata and the services
of bots, workload identities, autoupdate singletons and access lists (more RFD 153 kinds add their rows to ``pins153``): every pinned field has its number and
type and decodes from bytes built by hand, the JSON key of every field is its proto name (protojson
with UseProtoNames, which Teleport's operator uses for these kinds), and each gRPC method has
Teleport's full path and message types.
"""

from types import ModuleType

import pytest
from google.protobuf.descriptor import Descriptor

from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_pb2, accesslist_service_pb2
from teleop.teleport._proto.teleport.autoupdate.v1 import autoupdate_pb2, autoupdate_service_pb2
from teleop.teleport._proto.teleport.header.v1 import metadata_pb2, resourceheader_pb2
from teleop.teleport._proto.teleport.machineid.v1 import bot_pb2, bot_service_pb2
from teleop.teleport._proto.teleport.trait.v1 import trait_pb2
from teleop.teleport._proto.teleport.workloadidentity.v1 import resource_pb2, resource_service_pb2
from teleop.teleport.convert.options import field_json

from . import pins, pins153
from .test_wire import _KIND_TYPES, _encode_one, _find, _observed

_TABLES: list[tuple[tuple[ModuleType, ...], dict[str, str]]] = [
    ((metadata_pb2, resourceheader_pb2), pins153.HEADER),
    ((bot_pb2, bot_service_pb2), pins153.MACHINEID),
    ((resource_pb2, resource_service_pb2), pins153.WORKLOADIDENTITY),
    ((autoupdate_pb2, autoupdate_service_pb2), pins153.AUTOUPDATE),
    ((trait_pb2, accesslist_pb2, accesslist_service_pb2), pins153.ACCESSLIST),
]

CASES = [
    pytest.param(modules, name, spec, id=f"{modules[0].DESCRIPTOR.package}.{name}")
    for modules, table in _TABLES
    for name, spec in table.items()
]


@pytest.mark.parametrize(("modules", "name", "spec"), CASES)
def test_fields_match_teleport(modules: tuple[ModuleType, ...], name: str, spec: str) -> None:
    desc: Descriptor = _find(modules, name)
    pinned = pins.parse(spec)
    assert sorted(f.name for f in desc.fields) == sorted(pinned)
    for number, upstream in pins153.NOT_DESCRIBED.get(name, {}).items():
        assert number not in desc.fields_by_number, upstream
    cls = desc._concrete_class
    for fname, (number, kind) in pinned.items():
        field = desc.fields_by_name[fname]
        assert field.number == number, fname
        assert field.type in _KIND_TYPES[kind], fname
        assert field_json(field).key == fname, f"{name}.{fname}: JSON key is not the proto name"
        payload, expected = _encode_one(number, kind)
        decoded = cls.FromString(payload)
        assert _observed(decoded, field, expected), fname
        assert decoded.SerializeToString() == payload, fname


SERVICES = [
    (bot_service_pb2, "teleport.machineid.v1.BotService", pins153.BOT_SERVICE),
    (
        resource_service_pb2,
        "teleport.workloadidentity.v1.WorkloadIdentityResourceService",
        pins153.WORKLOAD_IDENTITY_SERVICE,
    ),
    (
        autoupdate_service_pb2,
        "teleport.autoupdate.v1.AutoUpdateService",
        pins153.AUTOUPDATE_SERVICE,
    ),
]


@pytest.mark.parametrize(("module", "full_name", "methods"), SERVICES)
def test_services_match_teleport(
    module: ModuleType, full_name: str, methods: dict[str, tuple[str, str]]
) -> None:
    package, _, name = full_name.rpartition(".")
    service = module.DESCRIPTOR.services_by_name[name]
    assert service.full_name == full_name
    assert set(service.methods_by_name) == set(methods)

    def qualified(type_name: str) -> str:
        return type_name if "." in type_name else f"{package}.{type_name}"

    for method_name, (request, response) in methods.items():
        method = service.methods_by_name[method_name]
        assert method.input_type.full_name == qualified(request), method_name
        assert method.output_type.full_name == qualified(response), method_name
        assert not method.client_streaming, method_name
        assert not method.server_streaming, method_name


@pytest.mark.parametrize("name", sorted(pins153.ACCESSLIST_ENUMS))
def test_access_list_enums_match_teleport(name: str) -> None:
    enum = accesslist_pb2.DESCRIPTOR.enum_types_by_name[name]
    prefix = "".join(f"_{c}" if c.isupper() else c.upper() for c in name).lstrip("_") + "_"
    got = {v.number: v.name.removeprefix(prefix) for v in enum.values}
    assert got == pins153.ACCESSLIST_ENUMS[name]
