import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from teleop.teleport._proto.teleop.options.v1 import options_pb2 as _options_pb2
from teleop.teleport._proto.teleport.header.v1 import resourceheader_pb2 as _resourceheader_pb2
from teleop.teleport._proto.teleport.trait.v1 import trait_pb2 as _trait_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ReviewFrequency(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVIEW_FREQUENCY_UNSPECIFIED: _ClassVar[ReviewFrequency]
    REVIEW_FREQUENCY_ONE_MONTH: _ClassVar[ReviewFrequency]
    REVIEW_FREQUENCY_THREE_MONTHS: _ClassVar[ReviewFrequency]
    REVIEW_FREQUENCY_SIX_MONTHS: _ClassVar[ReviewFrequency]
    REVIEW_FREQUENCY_ONE_YEAR: _ClassVar[ReviewFrequency]

class ReviewDayOfMonth(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REVIEW_DAY_OF_MONTH_UNSPECIFIED: _ClassVar[ReviewDayOfMonth]
    REVIEW_DAY_OF_MONTH_FIRST: _ClassVar[ReviewDayOfMonth]
    REVIEW_DAY_OF_MONTH_FIFTEENTH: _ClassVar[ReviewDayOfMonth]
    REVIEW_DAY_OF_MONTH_LAST: _ClassVar[ReviewDayOfMonth]

class MembershipKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MEMBERSHIP_KIND_UNSPECIFIED: _ClassVar[MembershipKind]
    MEMBERSHIP_KIND_USER: _ClassVar[MembershipKind]
    MEMBERSHIP_KIND_LIST: _ClassVar[MembershipKind]

class IneligibleStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    INELIGIBLE_STATUS_UNSPECIFIED: _ClassVar[IneligibleStatus]
    INELIGIBLE_STATUS_ELIGIBLE: _ClassVar[IneligibleStatus]
    INELIGIBLE_STATUS_USER_NOT_EXIST: _ClassVar[IneligibleStatus]
    INELIGIBLE_STATUS_MISSING_REQUIREMENTS: _ClassVar[IneligibleStatus]
    INELIGIBLE_STATUS_EXPIRED: _ClassVar[IneligibleStatus]
REVIEW_FREQUENCY_UNSPECIFIED: ReviewFrequency
REVIEW_FREQUENCY_ONE_MONTH: ReviewFrequency
REVIEW_FREQUENCY_THREE_MONTHS: ReviewFrequency
REVIEW_FREQUENCY_SIX_MONTHS: ReviewFrequency
REVIEW_FREQUENCY_ONE_YEAR: ReviewFrequency
REVIEW_DAY_OF_MONTH_UNSPECIFIED: ReviewDayOfMonth
REVIEW_DAY_OF_MONTH_FIRST: ReviewDayOfMonth
REVIEW_DAY_OF_MONTH_FIFTEENTH: ReviewDayOfMonth
REVIEW_DAY_OF_MONTH_LAST: ReviewDayOfMonth
MEMBERSHIP_KIND_UNSPECIFIED: MembershipKind
MEMBERSHIP_KIND_USER: MembershipKind
MEMBERSHIP_KIND_LIST: MembershipKind
INELIGIBLE_STATUS_UNSPECIFIED: IneligibleStatus
INELIGIBLE_STATUS_ELIGIBLE: IneligibleStatus
INELIGIBLE_STATUS_USER_NOT_EXIST: IneligibleStatus
INELIGIBLE_STATUS_MISSING_REQUIREMENTS: IneligibleStatus
INELIGIBLE_STATUS_EXPIRED: IneligibleStatus

class AccessList(_message.Message):
    __slots__ = ("header", "spec", "status")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    header: _resourceheader_pb2.ResourceHeader
    spec: AccessListSpec
    status: AccessListStatus
    def __init__(self, header: _Optional[_Union[_resourceheader_pb2.ResourceHeader, _Mapping]] = ..., spec: _Optional[_Union[AccessListSpec, _Mapping]] = ..., status: _Optional[_Union[AccessListStatus, _Mapping]] = ...) -> None: ...

class AccessListSpec(_message.Message):
    __slots__ = ("description", "owners", "audit", "membership_requires", "ownership_requires", "grants", "title", "owner_grants", "type")
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    OWNERS_FIELD_NUMBER: _ClassVar[int]
    AUDIT_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIP_REQUIRES_FIELD_NUMBER: _ClassVar[int]
    OWNERSHIP_REQUIRES_FIELD_NUMBER: _ClassVar[int]
    GRANTS_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    OWNER_GRANTS_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    description: str
    owners: _containers.RepeatedCompositeFieldContainer[AccessListOwner]
    audit: AccessListAudit
    membership_requires: AccessListRequires
    ownership_requires: AccessListRequires
    grants: AccessListGrants
    title: str
    owner_grants: AccessListGrants
    type: str
    def __init__(self, description: _Optional[str] = ..., owners: _Optional[_Iterable[_Union[AccessListOwner, _Mapping]]] = ..., audit: _Optional[_Union[AccessListAudit, _Mapping]] = ..., membership_requires: _Optional[_Union[AccessListRequires, _Mapping]] = ..., ownership_requires: _Optional[_Union[AccessListRequires, _Mapping]] = ..., grants: _Optional[_Union[AccessListGrants, _Mapping]] = ..., title: _Optional[str] = ..., owner_grants: _Optional[_Union[AccessListGrants, _Mapping]] = ..., type: _Optional[str] = ...) -> None: ...

class AccessListOwner(_message.Message):
    __slots__ = ("name", "description", "ineligible_status", "membership_kind")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    INELIGIBLE_STATUS_FIELD_NUMBER: _ClassVar[int]
    MEMBERSHIP_KIND_FIELD_NUMBER: _ClassVar[int]
    name: str
    description: str
    ineligible_status: IneligibleStatus
    membership_kind: MembershipKind
    def __init__(self, name: _Optional[str] = ..., description: _Optional[str] = ..., ineligible_status: _Optional[_Union[IneligibleStatus, str]] = ..., membership_kind: _Optional[_Union[MembershipKind, str]] = ...) -> None: ...

class AccessListAudit(_message.Message):
    __slots__ = ("next_audit_date", "recurrence", "notifications")
    NEXT_AUDIT_DATE_FIELD_NUMBER: _ClassVar[int]
    RECURRENCE_FIELD_NUMBER: _ClassVar[int]
    NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    next_audit_date: _timestamp_pb2.Timestamp
    recurrence: Recurrence
    notifications: Notifications
    def __init__(self, next_audit_date: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., recurrence: _Optional[_Union[Recurrence, _Mapping]] = ..., notifications: _Optional[_Union[Notifications, _Mapping]] = ...) -> None: ...

class Recurrence(_message.Message):
    __slots__ = ("frequency", "day_of_month")
    FREQUENCY_FIELD_NUMBER: _ClassVar[int]
    DAY_OF_MONTH_FIELD_NUMBER: _ClassVar[int]
    frequency: ReviewFrequency
    day_of_month: ReviewDayOfMonth
    def __init__(self, frequency: _Optional[_Union[ReviewFrequency, str]] = ..., day_of_month: _Optional[_Union[ReviewDayOfMonth, str]] = ...) -> None: ...

class Notifications(_message.Message):
    __slots__ = ("start",)
    START_FIELD_NUMBER: _ClassVar[int]
    start: _duration_pb2.Duration
    def __init__(self, start: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ...) -> None: ...

class AccessListRequires(_message.Message):
    __slots__ = ("roles", "traits")
    ROLES_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    roles: _containers.RepeatedScalarFieldContainer[str]
    traits: _containers.RepeatedCompositeFieldContainer[_trait_pb2.Trait]
    def __init__(self, roles: _Optional[_Iterable[str]] = ..., traits: _Optional[_Iterable[_Union[_trait_pb2.Trait, _Mapping]]] = ...) -> None: ...

class AccessListGrants(_message.Message):
    __slots__ = ("roles", "traits")
    ROLES_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    roles: _containers.RepeatedScalarFieldContainer[str]
    traits: _containers.RepeatedCompositeFieldContainer[_trait_pb2.Trait]
    def __init__(self, roles: _Optional[_Iterable[str]] = ..., traits: _Optional[_Iterable[_Union[_trait_pb2.Trait, _Mapping]]] = ...) -> None: ...

class AccessListStatus(_message.Message):
    __slots__ = ("member_count", "member_list_count", "owner_of", "member_of")
    MEMBER_COUNT_FIELD_NUMBER: _ClassVar[int]
    MEMBER_LIST_COUNT_FIELD_NUMBER: _ClassVar[int]
    OWNER_OF_FIELD_NUMBER: _ClassVar[int]
    MEMBER_OF_FIELD_NUMBER: _ClassVar[int]
    member_count: int
    member_list_count: int
    owner_of: _containers.RepeatedScalarFieldContainer[str]
    member_of: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, member_count: _Optional[int] = ..., member_list_count: _Optional[int] = ..., owner_of: _Optional[_Iterable[str]] = ..., member_of: _Optional[_Iterable[str]] = ...) -> None: ...
