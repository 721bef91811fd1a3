import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from teleop.teleport._proto.teleop.options.v1 import options_pb2 as _options_pb2
from teleop.teleport._proto.teleport.header.v1 import metadata_pb2 as _metadata_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AutoUpdateConfig(_message.Message):
    __slots__ = ("kind", "sub_kind", "version", "metadata", "spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUB_KIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    kind: str
    sub_kind: str
    version: str
    metadata: _metadata_pb2.Metadata
    spec: AutoUpdateConfigSpec
    def __init__(self, kind: _Optional[str] = ..., sub_kind: _Optional[str] = ..., version: _Optional[str] = ..., metadata: _Optional[_Union[_metadata_pb2.Metadata, _Mapping]] = ..., spec: _Optional[_Union[AutoUpdateConfigSpec, _Mapping]] = ...) -> None: ...

class AutoUpdateConfigSpec(_message.Message):
    __slots__ = ("tools", "agents")
    TOOLS_FIELD_NUMBER: _ClassVar[int]
    AGENTS_FIELD_NUMBER: _ClassVar[int]
    tools: AutoUpdateConfigSpecTools
    agents: AutoUpdateConfigSpecAgents
    def __init__(self, tools: _Optional[_Union[AutoUpdateConfigSpecTools, _Mapping]] = ..., agents: _Optional[_Union[AutoUpdateConfigSpecAgents, _Mapping]] = ...) -> None: ...

class AutoUpdateConfigSpecTools(_message.Message):
    __slots__ = ("mode",)
    MODE_FIELD_NUMBER: _ClassVar[int]
    mode: str
    def __init__(self, mode: _Optional[str] = ...) -> None: ...

class AutoUpdateConfigSpecAgents(_message.Message):
    __slots__ = ("mode", "strategy", "maintenance_window_duration", "schedules")
    MODE_FIELD_NUMBER: _ClassVar[int]
    STRATEGY_FIELD_NUMBER: _ClassVar[int]
    MAINTENANCE_WINDOW_DURATION_FIELD_NUMBER: _ClassVar[int]
    SCHEDULES_FIELD_NUMBER: _ClassVar[int]
    mode: str
    strategy: str
    maintenance_window_duration: _duration_pb2.Duration
    schedules: AgentAutoUpdateSchedules
    def __init__(self, mode: _Optional[str] = ..., strategy: _Optional[str] = ..., maintenance_window_duration: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., schedules: _Optional[_Union[AgentAutoUpdateSchedules, _Mapping]] = ...) -> None: ...

class AgentAutoUpdateSchedules(_message.Message):
    __slots__ = ("regular",)
    REGULAR_FIELD_NUMBER: _ClassVar[int]
    regular: _containers.RepeatedCompositeFieldContainer[AgentAutoUpdateGroup]
    def __init__(self, regular: _Optional[_Iterable[_Union[AgentAutoUpdateGroup, _Mapping]]] = ...) -> None: ...

class AgentAutoUpdateGroup(_message.Message):
    __slots__ = ("name", "days", "start_hour", "wait_hours")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DAYS_FIELD_NUMBER: _ClassVar[int]
    START_HOUR_FIELD_NUMBER: _ClassVar[int]
    WAIT_HOURS_FIELD_NUMBER: _ClassVar[int]
    name: str
    days: _containers.RepeatedScalarFieldContainer[str]
    start_hour: int
    wait_hours: int
    def __init__(self, name: _Optional[str] = ..., days: _Optional[_Iterable[str]] = ..., start_hour: _Optional[int] = ..., wait_hours: _Optional[int] = ...) -> None: ...

class AutoUpdateVersion(_message.Message):
    __slots__ = ("kind", "sub_kind", "version", "metadata", "spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUB_KIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    kind: str
    sub_kind: str
    version: str
    metadata: _metadata_pb2.Metadata
    spec: AutoUpdateVersionSpec
    def __init__(self, kind: _Optional[str] = ..., sub_kind: _Optional[str] = ..., version: _Optional[str] = ..., metadata: _Optional[_Union[_metadata_pb2.Metadata, _Mapping]] = ..., spec: _Optional[_Union[AutoUpdateVersionSpec, _Mapping]] = ...) -> None: ...

class AutoUpdateVersionSpec(_message.Message):
    __slots__ = ("tools", "agents")
    TOOLS_FIELD_NUMBER: _ClassVar[int]
    AGENTS_FIELD_NUMBER: _ClassVar[int]
    tools: AutoUpdateVersionSpecTools
    agents: AutoUpdateVersionSpecAgents
    def __init__(self, tools: _Optional[_Union[AutoUpdateVersionSpecTools, _Mapping]] = ..., agents: _Optional[_Union[AutoUpdateVersionSpecAgents, _Mapping]] = ...) -> None: ...

class AutoUpdateVersionSpecTools(_message.Message):
    __slots__ = ("target_version",)
    TARGET_VERSION_FIELD_NUMBER: _ClassVar[int]
    target_version: str
    def __init__(self, target_version: _Optional[str] = ...) -> None: ...

class AutoUpdateVersionSpecAgents(_message.Message):
    __slots__ = ("start_version", "target_version", "schedule", "mode")
    START_VERSION_FIELD_NUMBER: _ClassVar[int]
    TARGET_VERSION_FIELD_NUMBER: _ClassVar[int]
    SCHEDULE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    start_version: str
    target_version: str
    schedule: str
    mode: str
    def __init__(self, start_version: _Optional[str] = ..., target_version: _Optional[str] = ..., schedule: _Optional[str] = ..., mode: _Optional[str] = ...) -> None: ...
