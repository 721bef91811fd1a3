from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_pb2 as _accesslist_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListAccessListsRequest(_message.Message):
    __slots__ = ("page_size", "next_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    next_token: str
    def __init__(self, page_size: _Optional[int] = ..., next_token: _Optional[str] = ...) -> None: ...

class ListAccessListsResponse(_message.Message):
    __slots__ = ("access_lists", "next_token")
    ACCESS_LISTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_TOKEN_FIELD_NUMBER: _ClassVar[int]
    access_lists: _containers.RepeatedCompositeFieldContainer[_accesslist_pb2.AccessList]
    next_token: str
    def __init__(self, access_lists: _Optional[_Iterable[_Union[_accesslist_pb2.AccessList, _Mapping]]] = ..., next_token: _Optional[str] = ...) -> None: ...

class GetAccessListRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class UpsertAccessListRequest(_message.Message):
    __slots__ = ("access_list",)
    ACCESS_LIST_FIELD_NUMBER: _ClassVar[int]
    access_list: _accesslist_pb2.AccessList
    def __init__(self, access_list: _Optional[_Union[_accesslist_pb2.AccessList, _Mapping]] = ...) -> None: ...

class UpdateAccessListRequest(_message.Message):
    __slots__ = ("access_list",)
    ACCESS_LIST_FIELD_NUMBER: _ClassVar[int]
    access_list: _accesslist_pb2.AccessList
    def __init__(self, access_list: _Optional[_Union[_accesslist_pb2.AccessList, _Mapping]] = ...) -> None: ...

class DeleteAccessListRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...
