from teleop.teleport._proto.teleport.legacy.types import types_pb2 as _types_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class UpsertTrustedClusterRequest(_message.Message):
    __slots__ = ("trusted_cluster",)
    TRUSTED_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    trusted_cluster: _types_pb2.TrustedClusterV2
    def __init__(self, trusted_cluster: _Optional[_Union[_types_pb2.TrustedClusterV2, _Mapping]] = ...) -> None: ...

class CreateTrustedClusterRequest(_message.Message):
    __slots__ = ("trusted_cluster",)
    TRUSTED_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    trusted_cluster: _types_pb2.TrustedClusterV2
    def __init__(self, trusted_cluster: _Optional[_Union[_types_pb2.TrustedClusterV2, _Mapping]] = ...) -> None: ...

class UpdateTrustedClusterRequest(_message.Message):
    __slots__ = ("trusted_cluster",)
    TRUSTED_CLUSTER_FIELD_NUMBER: _ClassVar[int]
    trusted_cluster: _types_pb2.TrustedClusterV2
    def __init__(self, trusted_cluster: _Optional[_Union[_types_pb2.TrustedClusterV2, _Mapping]] = ...) -> None: ...
