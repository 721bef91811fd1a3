from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetUserRequest(_message.Message):
    __slots__ = ("name", "current_user", "with_secrets")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CURRENT_USER_FIELD_NUMBER: _ClassVar[int]
    WITH_SECRETS_FIELD_NUMBER: _ClassVar[int]
    name: str
    current_user: bool
    with_secrets: bool
    def __init__(self, name: _Optional[str] = ..., current_user: _Optional[bool] = ..., with_secrets: _Optional[bool] = ...) -> None: ...

class GetUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class ListUsersRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "with_secrets")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    WITH_SECRETS_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    with_secrets: bool
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., with_secrets: _Optional[bool] = ...) -> None: ...

class ListUsersResponse(_message.Message):
    __slots__ = ("users", "next_page_token")
    USERS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    users: _containers.RepeatedCompositeFieldContainer[_types_pb2.UserV2]
    next_page_token: str
    def __init__(self, users: _Optional[_Iterable[_Union[_types_pb2.UserV2, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class CreateUserRequest(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class CreateUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class UpdateUserRequest(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class UpdateUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class UpsertUserRequest(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class UpsertUserResponse(_message.Message):
    __slots__ = ("user",)
    USER_FIELD_NUMBER: _ClassVar[int]
    user: _types_pb2.UserV2
    def __init__(self, user: _Optional[_Union[_types_pb2.UserV2, _Mapping]] = ...) -> None: ...

class DeleteUserRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...
