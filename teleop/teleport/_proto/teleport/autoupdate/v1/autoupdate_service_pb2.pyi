from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.autoupdate.v1 import autoupdate_pb2 as _autoupdate_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class GetAutoUpdateConfigRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateAutoUpdateConfigRequest(_message.Message):
    __slots__ = ("config",)
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: _autoupdate_pb2.AutoUpdateConfig
    def __init__(self, config: _Optional[_Union[_autoupdate_pb2.AutoUpdateConfig, _Mapping]] = ...) -> None: ...

class UpdateAutoUpdateConfigRequest(_message.Message):
    __slots__ = ("config",)
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: _autoupdate_pb2.AutoUpdateConfig
    def __init__(self, config: _Optional[_Union[_autoupdate_pb2.AutoUpdateConfig, _Mapping]] = ...) -> None: ...

class UpsertAutoUpdateConfigRequest(_message.Message):
    __slots__ = ("config",)
    CONFIG_FIELD_NUMBER: _ClassVar[int]
    config: _autoupdate_pb2.AutoUpdateConfig
    def __init__(self, config: _Optional[_Union[_autoupdate_pb2.AutoUpdateConfig, _Mapping]] = ...) -> None: ...

class DeleteAutoUpdateConfigRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAutoUpdateVersionRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class CreateAutoUpdateVersionRequest(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: _autoupdate_pb2.AutoUpdateVersion
    def __init__(self, version: _Optional[_Union[_autoupdate_pb2.AutoUpdateVersion, _Mapping]] = ...) -> None: ...

class UpdateAutoUpdateVersionRequest(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: _autoupdate_pb2.AutoUpdateVersion
    def __init__(self, version: _Optional[_Union[_autoupdate_pb2.AutoUpdateVersion, _Mapping]] = ...) -> None: ...

class UpsertAutoUpdateVersionRequest(_message.Message):
    __slots__ = ("version",)
    VERSION_FIELD_NUMBER: _ClassVar[int]
    version: _autoupdate_pb2.AutoUpdateVersion
    def __init__(self, version: _Optional[_Union[_autoupdate_pb2.AutoUpdateVersion, _Mapping]] = ...) -> None: ...

class DeleteAutoUpdateVersionRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...
