from teleop.teleport._proto.teleop.options.v1 import options_pb2 as _options_pb2
from teleop.teleport._proto.teleport.header.v1 import metadata_pb2 as _metadata_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class WorkloadIdentity(_message.Message):
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
    spec: WorkloadIdentitySpec
    def __init__(self, kind: _Optional[str] = ..., sub_kind: _Optional[str] = ..., version: _Optional[str] = ..., metadata: _Optional[_Union[_metadata_pb2.Metadata, _Mapping]] = ..., spec: _Optional[_Union[WorkloadIdentitySpec, _Mapping]] = ...) -> None: ...

class WorkloadIdentityConditionEq(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...

class WorkloadIdentityConditionNotEq(_message.Message):
    __slots__ = ("value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    value: str
    def __init__(self, value: _Optional[str] = ...) -> None: ...

class WorkloadIdentityConditionIn(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, values: _Optional[_Iterable[str]] = ...) -> None: ...

class WorkloadIdentityConditionNotIn(_message.Message):
    __slots__ = ("values",)
    VALUES_FIELD_NUMBER: _ClassVar[int]
    values: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, values: _Optional[_Iterable[str]] = ...) -> None: ...

class WorkloadIdentityCondition(_message.Message):
    __slots__ = ("attribute", "eq", "not_eq", "not_in")
    ATTRIBUTE_FIELD_NUMBER: _ClassVar[int]
    EQ_FIELD_NUMBER: _ClassVar[int]
    NOT_EQ_FIELD_NUMBER: _ClassVar[int]
    IN_FIELD_NUMBER: _ClassVar[int]
    NOT_IN_FIELD_NUMBER: _ClassVar[int]
    attribute: str
    eq: WorkloadIdentityConditionEq
    not_eq: WorkloadIdentityConditionNotEq
    not_in: WorkloadIdentityConditionNotIn
    def __init__(self, attribute: _Optional[str] = ..., eq: _Optional[_Union[WorkloadIdentityConditionEq, _Mapping]] = ..., not_eq: _Optional[_Union[WorkloadIdentityConditionNotEq, _Mapping]] = ..., not_in: _Optional[_Union[WorkloadIdentityConditionNotIn, _Mapping]] = ..., **kwargs) -> None: ...

class WorkloadIdentityRule(_message.Message):
    __slots__ = ("conditions",)
    CONDITIONS_FIELD_NUMBER: _ClassVar[int]
    conditions: _containers.RepeatedCompositeFieldContainer[WorkloadIdentityCondition]
    def __init__(self, conditions: _Optional[_Iterable[_Union[WorkloadIdentityCondition, _Mapping]]] = ...) -> None: ...

class WorkloadIdentityRules(_message.Message):
    __slots__ = ("allow",)
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    allow: _containers.RepeatedCompositeFieldContainer[WorkloadIdentityRule]
    def __init__(self, allow: _Optional[_Iterable[_Union[WorkloadIdentityRule, _Mapping]]] = ...) -> None: ...

class X509DistinguishedNameTemplate(_message.Message):
    __slots__ = ("common_name", "organization", "organizational_unit")
    COMMON_NAME_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONAL_UNIT_FIELD_NUMBER: _ClassVar[int]
    common_name: str
    organization: str
    organizational_unit: str
    def __init__(self, common_name: _Optional[str] = ..., organization: _Optional[str] = ..., organizational_unit: _Optional[str] = ...) -> None: ...

class WorkloadIdentitySPIFFEX509(_message.Message):
    __slots__ = ("dns_sans", "subject_template")
    DNS_SANS_FIELD_NUMBER: _ClassVar[int]
    SUBJECT_TEMPLATE_FIELD_NUMBER: _ClassVar[int]
    dns_sans: _containers.RepeatedScalarFieldContainer[str]
    subject_template: X509DistinguishedNameTemplate
    def __init__(self, dns_sans: _Optional[_Iterable[str]] = ..., subject_template: _Optional[_Union[X509DistinguishedNameTemplate, _Mapping]] = ...) -> None: ...

class WorkloadIdentitySPIFFE(_message.Message):
    __slots__ = ("id", "hint", "x509")
    ID_FIELD_NUMBER: _ClassVar[int]
    HINT_FIELD_NUMBER: _ClassVar[int]
    X509_FIELD_NUMBER: _ClassVar[int]
    id: str
    hint: str
    x509: WorkloadIdentitySPIFFEX509
    def __init__(self, id: _Optional[str] = ..., hint: _Optional[str] = ..., x509: _Optional[_Union[WorkloadIdentitySPIFFEX509, _Mapping]] = ...) -> None: ...

class WorkloadIdentitySpec(_message.Message):
    __slots__ = ("rules", "spiffe")
    RULES_FIELD_NUMBER: _ClassVar[int]
    SPIFFE_FIELD_NUMBER: _ClassVar[int]
    rules: WorkloadIdentityRules
    spiffe: WorkloadIdentitySPIFFE
    def __init__(self, rules: _Optional[_Union[WorkloadIdentityRules, _Mapping]] = ..., spiffe: _Optional[_Union[WorkloadIdentitySPIFFE, _Mapping]] = ...) -> None: ...
