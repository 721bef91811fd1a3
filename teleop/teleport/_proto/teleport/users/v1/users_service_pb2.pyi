from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2 as _types_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
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
