from google.protobuf import descriptor_pb2 as _descriptor_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from typing import ClassVar as _ClassVar

DESCRIPTOR: _descriptor.FileDescriptor

class JSONCast(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JSON_CAST_UNSPECIFIED: _ClassVar[JSONCast]
    JSON_CAST_DURATION: _ClassVar[JSONCast]
    JSON_CAST_LABELS: _ClassVar[JSONCast]
    JSON_CAST_TRAITS: _ClassVar[JSONCast]
    JSON_CAST_BOOL_OPTION: _ClassVar[JSONCast]
    JSON_CAST_STRINGS: _ClassVar[JSONCast]
    JSON_CAST_TIME: _ClassVar[JSONCast]
    JSON_CAST_STRING_OR_LIST: _ClassVar[JSONCast]
JSON_CAST_UNSPECIFIED: JSONCast
JSON_CAST_DURATION: JSONCast
JSON_CAST_LABELS: JSONCast
JSON_CAST_TRAITS: JSONCast
JSON_CAST_BOOL_OPTION: JSONCast
JSON_CAST_STRINGS: JSONCast
JSON_CAST_TIME: JSONCast
JSON_CAST_STRING_OR_LIST: JSONCast
JSON_CAST_FIELD_NUMBER: _ClassVar[int]
json_cast: _descriptor.FieldDescriptor
OMIT_EMPTY_FIELD_NUMBER: _ClassVar[int]
omit_empty: _descriptor.FieldDescriptor
JSON_OMIT_FIELD_NUMBER: _ClassVar[int]
json_omit: _descriptor.FieldDescriptor
JSON_EMBED_FIELD_NUMBER: _ClassVar[int]
json_embed: _descriptor.FieldDescriptor
JSON_VALUE_FIELD_NUMBER: _ClassVar[int]
json_value: _descriptor.FieldDescriptor
JSON_ALIAS_FIELD_NUMBER: _ClassVar[int]
json_alias: _descriptor.FieldDescriptor
JSON_FOLD_CASE_FIELD_NUMBER: _ClassVar[int]
json_fold_case: _descriptor.FieldDescriptor
