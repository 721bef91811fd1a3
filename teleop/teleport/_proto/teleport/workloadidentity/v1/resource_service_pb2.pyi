from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.workloadidentity.v1 import resource_pb2 as _resource_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateWorkloadIdentityRequest(_message.Message):
    __slots__ = ("workload_identity",)
    WORKLOAD_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    workload_identity: _resource_pb2.WorkloadIdentity
    def __init__(self, workload_identity: _Optional[_Union[_resource_pb2.WorkloadIdentity, _Mapping]] = ...) -> None: ...

class UpdateWorkloadIdentityRequest(_message.Message):
    __slots__ = ("workload_identity",)
    WORKLOAD_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    workload_identity: _resource_pb2.WorkloadIdentity
    def __init__(self, workload_identity: _Optional[_Union[_resource_pb2.WorkloadIdentity, _Mapping]] = ...) -> None: ...

class UpsertWorkloadIdentityRequest(_message.Message):
    __slots__ = ("workload_identity",)
    WORKLOAD_IDENTITY_FIELD_NUMBER: _ClassVar[int]
    workload_identity: _resource_pb2.WorkloadIdentity
    def __init__(self, workload_identity: _Optional[_Union[_resource_pb2.WorkloadIdentity, _Mapping]] = ...) -> None: ...

class GetWorkloadIdentityRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class DeleteWorkloadIdentityRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class ListWorkloadIdentitiesRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListWorkloadIdentitiesResponse(_message.Message):
    __slots__ = ("workload_identities", "next_page_token")
    WORKLOAD_IDENTITIES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    workload_identities: _containers.RepeatedCompositeFieldContainer[_resource_pb2.WorkloadIdentity]
    next_page_token: str
    def __init__(self, workload_identities: _Optional[_Iterable[_Union[_resource_pb2.WorkloadIdentity, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
