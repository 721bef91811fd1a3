import datetime

from google.protobuf import empty_pb2 as _empty_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from teleop.teleport._proto.teleop.options.v1 import options_pb2 as _options_pb2
from teleop.teleport._proto.teleport.legacy.client.proto import event_pb2 as _event_pb2
from teleop.teleport._proto.teleport.legacy.types import types_pb2 as _types_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ProductType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PRODUCT_TYPE_UNKNOWN: _ClassVar[ProductType]
    PRODUCT_TYPE_TEAM: _ClassVar[ProductType]
    PRODUCT_TYPE_EUB: _ClassVar[ProductType]

class SupportType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SUPPORT_TYPE_UNSPECIFIED: _ClassVar[SupportType]
    SUPPORT_TYPE_FREE: _ClassVar[SupportType]
    SUPPORT_TYPE_PREMIUM: _ClassVar[SupportType]
PRODUCT_TYPE_UNKNOWN: ProductType
PRODUCT_TYPE_TEAM: ProductType
PRODUCT_TYPE_EUB: ProductType
SUPPORT_TYPE_UNSPECIFIED: SupportType
SUPPORT_TYPE_FREE: SupportType
SUPPORT_TYPE_PREMIUM: SupportType

class Watch(_message.Message):
    __slots__ = ("Kinds", "AllowPartialSuccess")
    KINDS_FIELD_NUMBER: _ClassVar[int]
    ALLOWPARTIALSUCCESS_FIELD_NUMBER: _ClassVar[int]
    Kinds: _containers.RepeatedCompositeFieldContainer[_types_pb2.WatchKind]
    AllowPartialSuccess: bool
    def __init__(self, Kinds: _Optional[_Iterable[_Union[_types_pb2.WatchKind, _Mapping]]] = ..., AllowPartialSuccess: _Optional[bool] = ...) -> None: ...

class GetUserRequest(_message.Message):
    __slots__ = ("Name", "WithSecrets")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WITHSECRETS_FIELD_NUMBER: _ClassVar[int]
    Name: str
    WithSecrets: bool
    def __init__(self, Name: _Optional[str] = ..., WithSecrets: _Optional[bool] = ...) -> None: ...

class DeleteUserRequest(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class PingRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PingResponse(_message.Message):
    __slots__ = ("ClusterName", "ServerVersion", "ServerFeatures", "ProxyPublicAddr", "IsBoring", "RemoteAddr", "LoadAllCAs", "LicenseExpiry")
    CLUSTERNAME_FIELD_NUMBER: _ClassVar[int]
    SERVERVERSION_FIELD_NUMBER: _ClassVar[int]
    SERVERFEATURES_FIELD_NUMBER: _ClassVar[int]
    PROXYPUBLICADDR_FIELD_NUMBER: _ClassVar[int]
    ISBORING_FIELD_NUMBER: _ClassVar[int]
    REMOTEADDR_FIELD_NUMBER: _ClassVar[int]
    LOADALLCAS_FIELD_NUMBER: _ClassVar[int]
    LICENSEEXPIRY_FIELD_NUMBER: _ClassVar[int]
    ClusterName: str
    ServerVersion: str
    ServerFeatures: Features
    ProxyPublicAddr: str
    IsBoring: bool
    RemoteAddr: str
    LoadAllCAs: bool
    LicenseExpiry: _timestamp_pb2.Timestamp
    def __init__(self, ClusterName: _Optional[str] = ..., ServerVersion: _Optional[str] = ..., ServerFeatures: _Optional[_Union[Features, _Mapping]] = ..., ProxyPublicAddr: _Optional[str] = ..., IsBoring: _Optional[bool] = ..., RemoteAddr: _Optional[str] = ..., LoadAllCAs: _Optional[bool] = ..., LicenseExpiry: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class Features(_message.Message):
    __slots__ = ("Kubernetes", "App", "DB", "OIDC", "SAML", "AccessControls", "AdvancedAccessWorkflows", "Cloud", "HSM", "Desktop", "RecoveryCodes", "Plugins", "AutomaticUpgrades", "IsUsageBased", "Assist", "DeviceTrust", "FeatureHiding", "AccessRequests", "CustomTheme", "IdentityGovernance", "AccessGraph", "AccessList", "AccessMonitoring", "ProductType", "Policy", "Questionnaire", "IsStripeManaged", "ExternalAuditStorage", "SupportType", "JoinActiveSessions", "MobileDeviceManagement", "entitlements", "AccessMonitoringConfigured", "CloudAnonymizationKey")
    class EntitlementsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: EntitlementInfo
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[EntitlementInfo, _Mapping]] = ...) -> None: ...
    KUBERNETES_FIELD_NUMBER: _ClassVar[int]
    APP_FIELD_NUMBER: _ClassVar[int]
    DB_FIELD_NUMBER: _ClassVar[int]
    OIDC_FIELD_NUMBER: _ClassVar[int]
    SAML_FIELD_NUMBER: _ClassVar[int]
    ACCESSCONTROLS_FIELD_NUMBER: _ClassVar[int]
    ADVANCEDACCESSWORKFLOWS_FIELD_NUMBER: _ClassVar[int]
    CLOUD_FIELD_NUMBER: _ClassVar[int]
    HSM_FIELD_NUMBER: _ClassVar[int]
    DESKTOP_FIELD_NUMBER: _ClassVar[int]
    RECOVERYCODES_FIELD_NUMBER: _ClassVar[int]
    PLUGINS_FIELD_NUMBER: _ClassVar[int]
    AUTOMATICUPGRADES_FIELD_NUMBER: _ClassVar[int]
    ISUSAGEBASED_FIELD_NUMBER: _ClassVar[int]
    ASSIST_FIELD_NUMBER: _ClassVar[int]
    DEVICETRUST_FIELD_NUMBER: _ClassVar[int]
    FEATUREHIDING_FIELD_NUMBER: _ClassVar[int]
    ACCESSREQUESTS_FIELD_NUMBER: _ClassVar[int]
    CUSTOMTHEME_FIELD_NUMBER: _ClassVar[int]
    IDENTITYGOVERNANCE_FIELD_NUMBER: _ClassVar[int]
    ACCESSGRAPH_FIELD_NUMBER: _ClassVar[int]
    ACCESSLIST_FIELD_NUMBER: _ClassVar[int]
    ACCESSMONITORING_FIELD_NUMBER: _ClassVar[int]
    PRODUCTTYPE_FIELD_NUMBER: _ClassVar[int]
    POLICY_FIELD_NUMBER: _ClassVar[int]
    QUESTIONNAIRE_FIELD_NUMBER: _ClassVar[int]
    ISSTRIPEMANAGED_FIELD_NUMBER: _ClassVar[int]
    EXTERNALAUDITSTORAGE_FIELD_NUMBER: _ClassVar[int]
    SUPPORTTYPE_FIELD_NUMBER: _ClassVar[int]
    JOINACTIVESESSIONS_FIELD_NUMBER: _ClassVar[int]
    MOBILEDEVICEMANAGEMENT_FIELD_NUMBER: _ClassVar[int]
    ENTITLEMENTS_FIELD_NUMBER: _ClassVar[int]
    ACCESSMONITORINGCONFIGURED_FIELD_NUMBER: _ClassVar[int]
    CLOUDANONYMIZATIONKEY_FIELD_NUMBER: _ClassVar[int]
    Kubernetes: bool
    App: bool
    DB: bool
    OIDC: bool
    SAML: bool
    AccessControls: bool
    AdvancedAccessWorkflows: bool
    Cloud: bool
    HSM: bool
    Desktop: bool
    RecoveryCodes: bool
    Plugins: bool
    AutomaticUpgrades: bool
    IsUsageBased: bool
    Assist: bool
    DeviceTrust: DeviceTrustFeature
    FeatureHiding: bool
    AccessRequests: AccessRequestsFeature
    CustomTheme: str
    IdentityGovernance: bool
    AccessGraph: bool
    AccessList: AccessListFeature
    AccessMonitoring: AccessMonitoringFeature
    ProductType: ProductType
    Policy: PolicyFeature
    Questionnaire: bool
    IsStripeManaged: bool
    ExternalAuditStorage: bool
    SupportType: SupportType
    JoinActiveSessions: bool
    MobileDeviceManagement: bool
    entitlements: _containers.MessageMap[str, EntitlementInfo]
    AccessMonitoringConfigured: bool
    CloudAnonymizationKey: bytes
    def __init__(self, Kubernetes: _Optional[bool] = ..., App: _Optional[bool] = ..., DB: _Optional[bool] = ..., OIDC: _Optional[bool] = ..., SAML: _Optional[bool] = ..., AccessControls: _Optional[bool] = ..., AdvancedAccessWorkflows: _Optional[bool] = ..., Cloud: _Optional[bool] = ..., HSM: _Optional[bool] = ..., Desktop: _Optional[bool] = ..., RecoveryCodes: _Optional[bool] = ..., Plugins: _Optional[bool] = ..., AutomaticUpgrades: _Optional[bool] = ..., IsUsageBased: _Optional[bool] = ..., Assist: _Optional[bool] = ..., DeviceTrust: _Optional[_Union[DeviceTrustFeature, _Mapping]] = ..., FeatureHiding: _Optional[bool] = ..., AccessRequests: _Optional[_Union[AccessRequestsFeature, _Mapping]] = ..., CustomTheme: _Optional[str] = ..., IdentityGovernance: _Optional[bool] = ..., AccessGraph: _Optional[bool] = ..., AccessList: _Optional[_Union[AccessListFeature, _Mapping]] = ..., AccessMonitoring: _Optional[_Union[AccessMonitoringFeature, _Mapping]] = ..., ProductType: _Optional[_Union[ProductType, str]] = ..., Policy: _Optional[_Union[PolicyFeature, _Mapping]] = ..., Questionnaire: _Optional[bool] = ..., IsStripeManaged: _Optional[bool] = ..., ExternalAuditStorage: _Optional[bool] = ..., SupportType: _Optional[_Union[SupportType, str]] = ..., JoinActiveSessions: _Optional[bool] = ..., MobileDeviceManagement: _Optional[bool] = ..., entitlements: _Optional[_Mapping[str, EntitlementInfo]] = ..., AccessMonitoringConfigured: _Optional[bool] = ..., CloudAnonymizationKey: _Optional[bytes] = ...) -> None: ...

class EntitlementInfo(_message.Message):
    __slots__ = ("enabled", "limit")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    limit: int
    def __init__(self, enabled: _Optional[bool] = ..., limit: _Optional[int] = ...) -> None: ...

class DeviceTrustFeature(_message.Message):
    __slots__ = ("enabled", "devices_usage_limit")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    DEVICES_USAGE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    devices_usage_limit: int
    def __init__(self, enabled: _Optional[bool] = ..., devices_usage_limit: _Optional[int] = ...) -> None: ...

class AccessRequestsFeature(_message.Message):
    __slots__ = ("monthly_request_limit",)
    MONTHLY_REQUEST_LIMIT_FIELD_NUMBER: _ClassVar[int]
    monthly_request_limit: int
    def __init__(self, monthly_request_limit: _Optional[int] = ...) -> None: ...

class AccessListFeature(_message.Message):
    __slots__ = ("create_limit",)
    CREATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    create_limit: int
    def __init__(self, create_limit: _Optional[int] = ...) -> None: ...

class AccessMonitoringFeature(_message.Message):
    __slots__ = ("enabled", "max_report_range_limit")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    MAX_REPORT_RANGE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    max_report_range_limit: int
    def __init__(self, enabled: _Optional[bool] = ..., max_report_range_limit: _Optional[int] = ...) -> None: ...

class PolicyFeature(_message.Message):
    __slots__ = ("enabled",)
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    def __init__(self, enabled: _Optional[bool] = ...) -> None: ...

class GetRoleRequest(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class UpsertRoleRequest(_message.Message):
    __slots__ = ("Role",)
    ROLE_FIELD_NUMBER: _ClassVar[int]
    Role: _types_pb2.RoleV6
    def __init__(self, Role: _Optional[_Union[_types_pb2.RoleV6, _Mapping]] = ...) -> None: ...

class DeleteRoleRequest(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class GetRolesResponse(_message.Message):
    __slots__ = ("Roles",)
    ROLES_FIELD_NUMBER: _ClassVar[int]
    Roles: _containers.RepeatedCompositeFieldContainer[_types_pb2.RoleV6]
    def __init__(self, Roles: _Optional[_Iterable[_Union[_types_pb2.RoleV6, _Mapping]]] = ...) -> None: ...

class UpsertTokenV2Request(_message.Message):
    __slots__ = ("V2",)
    V2_FIELD_NUMBER: _ClassVar[int]
    V2: _types_pb2.ProvisionTokenV2
    def __init__(self, V2: _Optional[_Union[_types_pb2.ProvisionTokenV2, _Mapping]] = ...) -> None: ...

class CreateOIDCConnectorRequest(_message.Message):
    __slots__ = ("Connector",)
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    Connector: _types_pb2.OIDCConnectorV3
    def __init__(self, Connector: _Optional[_Union[_types_pb2.OIDCConnectorV3, _Mapping]] = ...) -> None: ...

class UpsertOIDCConnectorRequest(_message.Message):
    __slots__ = ("Connector",)
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    Connector: _types_pb2.OIDCConnectorV3
    def __init__(self, Connector: _Optional[_Union[_types_pb2.OIDCConnectorV3, _Mapping]] = ...) -> None: ...

class CreateSAMLConnectorRequest(_message.Message):
    __slots__ = ("Connector",)
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    Connector: _types_pb2.SAMLConnectorV2
    def __init__(self, Connector: _Optional[_Union[_types_pb2.SAMLConnectorV2, _Mapping]] = ...) -> None: ...

class UpsertSAMLConnectorRequest(_message.Message):
    __slots__ = ("Connector",)
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    Connector: _types_pb2.SAMLConnectorV2
    def __init__(self, Connector: _Optional[_Union[_types_pb2.SAMLConnectorV2, _Mapping]] = ...) -> None: ...

class CreateGithubConnectorRequest(_message.Message):
    __slots__ = ("Connector",)
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    Connector: _types_pb2.GithubConnectorV3
    def __init__(self, Connector: _Optional[_Union[_types_pb2.GithubConnectorV3, _Mapping]] = ...) -> None: ...

class UpsertGithubConnectorRequest(_message.Message):
    __slots__ = ("Connector",)
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    Connector: _types_pb2.GithubConnectorV3
    def __init__(self, Connector: _Optional[_Union[_types_pb2.GithubConnectorV3, _Mapping]] = ...) -> None: ...

class GetLockRequest(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class DeleteLockRequest(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...
