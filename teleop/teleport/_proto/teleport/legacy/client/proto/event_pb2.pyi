from teleop.teleport._proto.teleop.options.v1 import options_pb2 as _options_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2 as _types_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Operation(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INIT: _ClassVar[Operation]
    PUT: _ClassVar[Operation]
    DELETE: _ClassVar[Operation]
INIT: Operation
PUT: Operation
DELETE: Operation

class Event(_message.Message):
    __slots__ = ("Type", "ResourceHeader", "ProvisionToken", "User", "Role", "OktaImportRule")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    RESOURCEHEADER_FIELD_NUMBER: _ClassVar[int]
    PROVISIONTOKEN_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    OKTAIMPORTRULE_FIELD_NUMBER: _ClassVar[int]
    Type: Operation
    ResourceHeader: _types_pb2.ResourceHeader
    ProvisionToken: _types_pb2.ProvisionTokenV2
    User: _types_pb2.UserV2
    Role: _types_pb2.RoleV6
    OktaImportRule: _types_pb2.OktaImportRuleV1
    def __init__(self, Type: _Optional[_Union[Operation, str]] = ..., ResourceHeader: _Optional[_Union[_types_pb2.ResourceHeader, _Mapping]] = ..., ProvisionToken: _Optional[_Union[_types_pb2.ProvisionTokenV2, _Mapping]] = ..., User: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ..., Role: _Optional[_Union[_types_pb2.RoleV6, _Mapping]] = ..., OktaImportRule: _Optional[_Union[_types_pb2.OktaImportRuleV1, _Mapping]] = ...) -> None: ...
