from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.machineid.v1 import bot_pb2 as _bot_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateBotRequest(_message.Message):
    __slots__ = ("bot",)
    BOT_FIELD_NUMBER: _ClassVar[int]
    bot: _bot_pb2.Bot
    def __init__(self, bot: _Optional[_Union[_bot_pb2.Bot, _Mapping]] = ...) -> None: ...

class GetBotRequest(_message.Message):
    __slots__ = ("bot_name",)
    BOT_NAME_FIELD_NUMBER: _ClassVar[int]
    bot_name: str
    def __init__(self, bot_name: _Optional[str] = ...) -> None: ...

class ListBotsRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListBotsResponse(_message.Message):
    __slots__ = ("bots", "next_page_token")
    BOTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    bots: _containers.RepeatedCompositeFieldContainer[_bot_pb2.Bot]
    next_page_token: str
    def __init__(self, bots: _Optional[_Iterable[_Union[_bot_pb2.Bot, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class UpsertBotRequest(_message.Message):
    __slots__ = ("bot",)
    BOT_FIELD_NUMBER: _ClassVar[int]
    bot: _bot_pb2.Bot
    def __init__(self, bot: _Optional[_Union[_bot_pb2.Bot, _Mapping]] = ...) -> None: ...

class DeleteBotRequest(_message.Message):
    __slots__ = ("bot_name",)
    BOT_NAME_FIELD_NUMBER: _ClassVar[int]
    bot_name: str
    def __init__(self, bot_name: _Optional[str] = ...) -> None: ...
