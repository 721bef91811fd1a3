from google.protobuf import empty_pb2 as _empty_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ListOktaImportRulesRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class ListOktaImportRulesResponse(_message.Message):
    __slots__ = ("import_rules", "next_page_token")
    IMPORT_RULES_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    import_rules: _containers.RepeatedCompositeFieldContainer[_types_pb2.OktaImportRuleV1]
    next_page_token: str
    def __init__(self, import_rules: _Optional[_Iterable[_Union[_types_pb2.OktaImportRuleV1, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class GetOktaImportRuleRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...

class CreateOktaImportRuleRequest(_message.Message):
    __slots__ = ("import_rule",)
    IMPORT_RULE_FIELD_NUMBER: _ClassVar[int]
    import_rule: _types_pb2.OktaImportRuleV1
    def __init__(self, import_rule: _Optional[_Union[_types_pb2.OktaImportRuleV1, _Mapping]] = ...) -> None: ...

class UpdateOktaImportRuleRequest(_message.Message):
    __slots__ = ("import_rule",)
    IMPORT_RULE_FIELD_NUMBER: _ClassVar[int]
    import_rule: _types_pb2.OktaImportRuleV1
    def __init__(self, import_rule: _Optional[_Union[_types_pb2.OktaImportRuleV1, _Mapping]] = ...) -> None: ...

class DeleteOktaImportRuleRequest(_message.Message):
    __slots__ = ("name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    name: str
    def __init__(self, name: _Optional[str] = ...) -> None: ...
