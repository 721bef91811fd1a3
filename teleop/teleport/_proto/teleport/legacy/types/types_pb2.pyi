import datetime

from google.protobuf import duration_pb2 as _duration_pb2
from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf import wrappers_pb2 as _wrappers_pb2
from teleop.teleport._proto.teleop.options.v1 import options_pb2 as _options_pb2
from teleop.teleport._proto.teleport.legacy.types.wrappers import wrappers_pb2 as _wrappers_pb2_1
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class CreateHostUserMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    HOST_USER_MODE_UNSPECIFIED: _ClassVar[CreateHostUserMode]
    HOST_USER_MODE_OFF: _ClassVar[CreateHostUserMode]
    HOST_USER_MODE_DROP: _ClassVar[CreateHostUserMode]
    HOST_USER_MODE_KEEP: _ClassVar[CreateHostUserMode]
    HOST_USER_MODE_INSECURE_DROP: _ClassVar[CreateHostUserMode]

class CreateDatabaseUserMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DB_USER_MODE_UNSPECIFIED: _ClassVar[CreateDatabaseUserMode]
    DB_USER_MODE_OFF: _ClassVar[CreateDatabaseUserMode]
    DB_USER_MODE_KEEP: _ClassVar[CreateDatabaseUserMode]
    DB_USER_MODE_BEST_EFFORT_DROP: _ClassVar[CreateDatabaseUserMode]

class RequireMFAType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    OFF: _ClassVar[RequireMFAType]
    SESSION: _ClassVar[RequireMFAType]
    SESSION_AND_HARDWARE_KEY: _ClassVar[RequireMFAType]
    HARDWARE_KEY_TOUCH: _ClassVar[RequireMFAType]
    HARDWARE_KEY_PIN: _ClassVar[RequireMFAType]
    HARDWARE_KEY_TOUCH_AND_PIN: _ClassVar[RequireMFAType]

class CertExtensionMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    EXTENSION: _ClassVar[CertExtensionMode]

class CertExtensionType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    SSH: _ClassVar[CertExtensionType]

class PasswordState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PASSWORD_STATE_UNSPECIFIED: _ClassVar[PasswordState]
    PASSWORD_STATE_UNSET: _ClassVar[PasswordState]
    PASSWORD_STATE_SET: _ClassVar[PasswordState]

class MFADeviceKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MFA_DEVICE_KIND_UNSPECIFIED: _ClassVar[MFADeviceKind]
    MFA_DEVICE_KIND_UNSET: _ClassVar[MFADeviceKind]
    MFA_DEVICE_KIND_TOTP: _ClassVar[MFADeviceKind]
    MFA_DEVICE_KIND_WEBAUTHN: _ClassVar[MFADeviceKind]

class SAMLForceAuthn(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FORCE_AUTHN_UNSPECIFIED: _ClassVar[SAMLForceAuthn]
    FORCE_AUTHN_YES: _ClassVar[SAMLForceAuthn]
    FORCE_AUTHN_NO: _ClassVar[SAMLForceAuthn]

class DatabaseTLSMode(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    VERIFY_FULL: _ClassVar[DatabaseTLSMode]
    VERIFY_CA: _ClassVar[DatabaseTLSMode]
    INSECURE: _ClassVar[DatabaseTLSMode]
HOST_USER_MODE_UNSPECIFIED: CreateHostUserMode
HOST_USER_MODE_OFF: CreateHostUserMode
HOST_USER_MODE_DROP: CreateHostUserMode
HOST_USER_MODE_KEEP: CreateHostUserMode
HOST_USER_MODE_INSECURE_DROP: CreateHostUserMode
DB_USER_MODE_UNSPECIFIED: CreateDatabaseUserMode
DB_USER_MODE_OFF: CreateDatabaseUserMode
DB_USER_MODE_KEEP: CreateDatabaseUserMode
DB_USER_MODE_BEST_EFFORT_DROP: CreateDatabaseUserMode
OFF: RequireMFAType
SESSION: RequireMFAType
SESSION_AND_HARDWARE_KEY: RequireMFAType
HARDWARE_KEY_TOUCH: RequireMFAType
HARDWARE_KEY_PIN: RequireMFAType
HARDWARE_KEY_TOUCH_AND_PIN: RequireMFAType
EXTENSION: CertExtensionMode
SSH: CertExtensionType
PASSWORD_STATE_UNSPECIFIED: PasswordState
PASSWORD_STATE_UNSET: PasswordState
PASSWORD_STATE_SET: PasswordState
MFA_DEVICE_KIND_UNSPECIFIED: MFADeviceKind
MFA_DEVICE_KIND_UNSET: MFADeviceKind
MFA_DEVICE_KIND_TOTP: MFADeviceKind
MFA_DEVICE_KIND_WEBAUTHN: MFADeviceKind
FORCE_AUTHN_UNSPECIFIED: SAMLForceAuthn
FORCE_AUTHN_YES: SAMLForceAuthn
FORCE_AUTHN_NO: SAMLForceAuthn
VERIFY_FULL: DatabaseTLSMode
VERIFY_CA: DatabaseTLSMode
INSECURE: DatabaseTLSMode

class Metadata(_message.Message):
    __slots__ = ("Name", "Namespace", "Description", "Labels", "Expires", "Revision")
    class LabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    NAME_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    LABELS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    REVISION_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Namespace: str
    Description: str
    Labels: _containers.ScalarMap[str, str]
    Expires: _timestamp_pb2.Timestamp
    Revision: str
    def __init__(self, Name: _Optional[str] = ..., Namespace: _Optional[str] = ..., Description: _Optional[str] = ..., Labels: _Optional[_Mapping[str, str]] = ..., Expires: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., Revision: _Optional[str] = ...) -> None: ...

class ResourceHeader(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ...) -> None: ...

class BoolValue(_message.Message):
    __slots__ = ("Value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    Value: bool
    def __init__(self, Value: _Optional[bool] = ...) -> None: ...

class ResourceRequest(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class ResourceWithSecretsRequest(_message.Message):
    __slots__ = ("Name", "WithSecrets", "SAMLValidationNoFollowURLs")
    NAME_FIELD_NUMBER: _ClassVar[int]
    WITHSECRETS_FIELD_NUMBER: _ClassVar[int]
    SAMLVALIDATIONNOFOLLOWURLS_FIELD_NUMBER: _ClassVar[int]
    Name: str
    WithSecrets: bool
    SAMLValidationNoFollowURLs: bool
    def __init__(self, Name: _Optional[str] = ..., WithSecrets: _Optional[bool] = ..., SAMLValidationNoFollowURLs: _Optional[bool] = ...) -> None: ...

class ResourcesWithSecretsRequest(_message.Message):
    __slots__ = ("WithSecrets", "SAMLValidationNoFollowURLs")
    WITHSECRETS_FIELD_NUMBER: _ClassVar[int]
    SAMLVALIDATIONNOFOLLOWURLS_FIELD_NUMBER: _ClassVar[int]
    WithSecrets: bool
    SAMLValidationNoFollowURLs: bool
    def __init__(self, WithSecrets: _Optional[bool] = ..., SAMLValidationNoFollowURLs: _Optional[bool] = ...) -> None: ...

class WatchKind(_message.Message):
    __slots__ = ("Kind", "LoadSecrets", "Name", "Filter", "SubKind", "Version")
    class FilterEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    KIND_FIELD_NUMBER: _ClassVar[int]
    LOADSECRETS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    LoadSecrets: bool
    Name: str
    Filter: _containers.ScalarMap[str, str]
    SubKind: str
    Version: str
    def __init__(self, Kind: _Optional[str] = ..., LoadSecrets: _Optional[bool] = ..., Name: _Optional[str] = ..., Filter: _Optional[_Mapping[str, str]] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ...) -> None: ...

class RoleV6(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: RoleSpecV6
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[RoleSpecV6, _Mapping]] = ...) -> None: ...

class RoleSpecV6(_message.Message):
    __slots__ = ("Options", "Allow", "Deny")
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    DENY_FIELD_NUMBER: _ClassVar[int]
    Options: RoleOptions
    Allow: RoleConditions
    Deny: RoleConditions
    def __init__(self, Options: _Optional[_Union[RoleOptions, _Mapping]] = ..., Allow: _Optional[_Union[RoleConditions, _Mapping]] = ..., Deny: _Optional[_Union[RoleConditions, _Mapping]] = ...) -> None: ...

class SSHLocalPortForwarding(_message.Message):
    __slots__ = ("Enabled",)
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    Enabled: BoolValue
    def __init__(self, Enabled: _Optional[_Union[BoolValue, _Mapping]] = ...) -> None: ...

class SSHRemotePortForwarding(_message.Message):
    __slots__ = ("Enabled",)
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    Enabled: BoolValue
    def __init__(self, Enabled: _Optional[_Union[BoolValue, _Mapping]] = ...) -> None: ...

class SSHPortForwarding(_message.Message):
    __slots__ = ("Local", "Remote")
    LOCAL_FIELD_NUMBER: _ClassVar[int]
    REMOTE_FIELD_NUMBER: _ClassVar[int]
    Local: SSHLocalPortForwarding
    Remote: SSHRemotePortForwarding
    def __init__(self, Local: _Optional[_Union[SSHLocalPortForwarding, _Mapping]] = ..., Remote: _Optional[_Union[SSHRemotePortForwarding, _Mapping]] = ...) -> None: ...

class RoleOptions(_message.Message):
    __slots__ = ("ForwardAgent", "MaxSessionTTL", "PortForwarding", "CertificateFormat", "ClientIdleTimeout", "DisconnectExpiredCert", "BPF", "PermitX11Forwarding", "MaxConnections", "MaxSessions", "RequestAccess", "RequestPrompt", "Lock", "RecordSession", "DesktopClipboard", "CertExtensions", "MaxKubernetesConnections", "DesktopDirectorySharing", "CreateHostUser", "PinSourceIP", "SSHFileCopy", "RequireMFAType", "DeviceTrustMode", "IDP", "CreateDesktopUser", "CreateDatabaseUser", "CreateHostUserMode", "CreateDatabaseUserMode", "MFAVerificationInterval", "CreateHostUserDefaultShell", "SSHPortForwarding")
    FORWARDAGENT_FIELD_NUMBER: _ClassVar[int]
    MAXSESSIONTTL_FIELD_NUMBER: _ClassVar[int]
    PORTFORWARDING_FIELD_NUMBER: _ClassVar[int]
    CERTIFICATEFORMAT_FIELD_NUMBER: _ClassVar[int]
    CLIENTIDLETIMEOUT_FIELD_NUMBER: _ClassVar[int]
    DISCONNECTEXPIREDCERT_FIELD_NUMBER: _ClassVar[int]
    BPF_FIELD_NUMBER: _ClassVar[int]
    PERMITX11FORWARDING_FIELD_NUMBER: _ClassVar[int]
    MAXCONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    MAXSESSIONS_FIELD_NUMBER: _ClassVar[int]
    REQUESTACCESS_FIELD_NUMBER: _ClassVar[int]
    REQUESTPROMPT_FIELD_NUMBER: _ClassVar[int]
    LOCK_FIELD_NUMBER: _ClassVar[int]
    RECORDSESSION_FIELD_NUMBER: _ClassVar[int]
    DESKTOPCLIPBOARD_FIELD_NUMBER: _ClassVar[int]
    CERTEXTENSIONS_FIELD_NUMBER: _ClassVar[int]
    MAXKUBERNETESCONNECTIONS_FIELD_NUMBER: _ClassVar[int]
    DESKTOPDIRECTORYSHARING_FIELD_NUMBER: _ClassVar[int]
    CREATEHOSTUSER_FIELD_NUMBER: _ClassVar[int]
    PINSOURCEIP_FIELD_NUMBER: _ClassVar[int]
    SSHFILECOPY_FIELD_NUMBER: _ClassVar[int]
    REQUIREMFATYPE_FIELD_NUMBER: _ClassVar[int]
    DEVICETRUSTMODE_FIELD_NUMBER: _ClassVar[int]
    IDP_FIELD_NUMBER: _ClassVar[int]
    CREATEDESKTOPUSER_FIELD_NUMBER: _ClassVar[int]
    CREATEDATABASEUSER_FIELD_NUMBER: _ClassVar[int]
    CREATEHOSTUSERMODE_FIELD_NUMBER: _ClassVar[int]
    CREATEDATABASEUSERMODE_FIELD_NUMBER: _ClassVar[int]
    MFAVERIFICATIONINTERVAL_FIELD_NUMBER: _ClassVar[int]
    CREATEHOSTUSERDEFAULTSHELL_FIELD_NUMBER: _ClassVar[int]
    SSHPORTFORWARDING_FIELD_NUMBER: _ClassVar[int]
    ForwardAgent: bool
    MaxSessionTTL: int
    PortForwarding: BoolValue
    CertificateFormat: str
    ClientIdleTimeout: int
    DisconnectExpiredCert: bool
    BPF: _containers.RepeatedScalarFieldContainer[str]
    PermitX11Forwarding: bool
    MaxConnections: int
    MaxSessions: int
    RequestAccess: str
    RequestPrompt: str
    Lock: str
    RecordSession: RecordSession
    DesktopClipboard: BoolValue
    CertExtensions: _containers.RepeatedCompositeFieldContainer[CertExtension]
    MaxKubernetesConnections: int
    DesktopDirectorySharing: BoolValue
    CreateHostUser: BoolValue
    PinSourceIP: bool
    SSHFileCopy: BoolValue
    RequireMFAType: RequireMFAType
    DeviceTrustMode: str
    IDP: IdPOptions
    CreateDesktopUser: BoolValue
    CreateDatabaseUser: BoolValue
    CreateHostUserMode: CreateHostUserMode
    CreateDatabaseUserMode: CreateDatabaseUserMode
    MFAVerificationInterval: _duration_pb2.Duration
    CreateHostUserDefaultShell: str
    SSHPortForwarding: SSHPortForwarding
    def __init__(self, ForwardAgent: _Optional[bool] = ..., MaxSessionTTL: _Optional[int] = ..., PortForwarding: _Optional[_Union[BoolValue, _Mapping]] = ..., CertificateFormat: _Optional[str] = ..., ClientIdleTimeout: _Optional[int] = ..., DisconnectExpiredCert: _Optional[bool] = ..., BPF: _Optional[_Iterable[str]] = ..., PermitX11Forwarding: _Optional[bool] = ..., MaxConnections: _Optional[int] = ..., MaxSessions: _Optional[int] = ..., RequestAccess: _Optional[str] = ..., RequestPrompt: _Optional[str] = ..., Lock: _Optional[str] = ..., RecordSession: _Optional[_Union[RecordSession, _Mapping]] = ..., DesktopClipboard: _Optional[_Union[BoolValue, _Mapping]] = ..., CertExtensions: _Optional[_Iterable[_Union[CertExtension, _Mapping]]] = ..., MaxKubernetesConnections: _Optional[int] = ..., DesktopDirectorySharing: _Optional[_Union[BoolValue, _Mapping]] = ..., CreateHostUser: _Optional[_Union[BoolValue, _Mapping]] = ..., PinSourceIP: _Optional[bool] = ..., SSHFileCopy: _Optional[_Union[BoolValue, _Mapping]] = ..., RequireMFAType: _Optional[_Union[RequireMFAType, str]] = ..., DeviceTrustMode: _Optional[str] = ..., IDP: _Optional[_Union[IdPOptions, _Mapping]] = ..., CreateDesktopUser: _Optional[_Union[BoolValue, _Mapping]] = ..., CreateDatabaseUser: _Optional[_Union[BoolValue, _Mapping]] = ..., CreateHostUserMode: _Optional[_Union[CreateHostUserMode, str]] = ..., CreateDatabaseUserMode: _Optional[_Union[CreateDatabaseUserMode, str]] = ..., MFAVerificationInterval: _Optional[_Union[datetime.timedelta, _duration_pb2.Duration, _Mapping]] = ..., CreateHostUserDefaultShell: _Optional[str] = ..., SSHPortForwarding: _Optional[_Union[SSHPortForwarding, _Mapping]] = ...) -> None: ...

class RecordSession(_message.Message):
    __slots__ = ("Desktop", "Default", "SSH")
    DESKTOP_FIELD_NUMBER: _ClassVar[int]
    DEFAULT_FIELD_NUMBER: _ClassVar[int]
    SSH_FIELD_NUMBER: _ClassVar[int]
    Desktop: BoolValue
    Default: str
    SSH: str
    def __init__(self, Desktop: _Optional[_Union[BoolValue, _Mapping]] = ..., Default: _Optional[str] = ..., SSH: _Optional[str] = ...) -> None: ...

class CertExtension(_message.Message):
    __slots__ = ("Type", "Mode", "Name", "Value")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    MODE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    Type: CertExtensionType
    Mode: CertExtensionMode
    Name: str
    Value: str
    def __init__(self, Type: _Optional[_Union[CertExtensionType, str]] = ..., Mode: _Optional[_Union[CertExtensionMode, str]] = ..., Name: _Optional[str] = ..., Value: _Optional[str] = ...) -> None: ...

class IdPOptions(_message.Message):
    __slots__ = ("SAML",)
    SAML_FIELD_NUMBER: _ClassVar[int]
    SAML: IdPSAMLOptions
    def __init__(self, SAML: _Optional[_Union[IdPSAMLOptions, _Mapping]] = ...) -> None: ...

class IdPSAMLOptions(_message.Message):
    __slots__ = ("Enabled",)
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    Enabled: BoolValue
    def __init__(self, Enabled: _Optional[_Union[BoolValue, _Mapping]] = ...) -> None: ...

class RoleConditions(_message.Message):
    __slots__ = ("Logins", "Namespaces", "NodeLabels", "Rules", "KubeGroups", "Request", "KubeUsers", "AppLabels", "ClusterLabels", "KubernetesLabels", "DatabaseLabels", "DatabaseNames", "DatabaseUsers", "Impersonate", "ReviewRequests", "AWSRoleARNs", "WindowsDesktopLogins", "WindowsDesktopLabels", "RequireSessionJoin", "JoinSessions", "HostGroups", "HostSudoers", "AzureIdentities", "KubernetesResources", "GCPServiceAccounts", "DatabaseServiceLabels", "GroupLabels", "DesktopGroups", "DatabaseRoles", "NodeLabelsExpression", "AppLabelsExpression", "ClusterLabelsExpression", "KubernetesLabelsExpression", "DatabaseLabelsExpression", "DatabaseServiceLabelsExpression", "WindowsDesktopLabelsExpression", "GroupLabelsExpression", "DatabasePermissions", "SPIFFE", "AccountAssignments", "git_hub_permissions", "WorkloadIdentityLabels", "WorkloadIdentityLabelsExpression")
    LOGINS_FIELD_NUMBER: _ClassVar[int]
    NAMESPACES_FIELD_NUMBER: _ClassVar[int]
    NODELABELS_FIELD_NUMBER: _ClassVar[int]
    RULES_FIELD_NUMBER: _ClassVar[int]
    KUBEGROUPS_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    KUBEUSERS_FIELD_NUMBER: _ClassVar[int]
    APPLABELS_FIELD_NUMBER: _ClassVar[int]
    CLUSTERLABELS_FIELD_NUMBER: _ClassVar[int]
    KUBERNETESLABELS_FIELD_NUMBER: _ClassVar[int]
    DATABASELABELS_FIELD_NUMBER: _ClassVar[int]
    DATABASENAMES_FIELD_NUMBER: _ClassVar[int]
    DATABASEUSERS_FIELD_NUMBER: _ClassVar[int]
    IMPERSONATE_FIELD_NUMBER: _ClassVar[int]
    REVIEWREQUESTS_FIELD_NUMBER: _ClassVar[int]
    AWSROLEARNS_FIELD_NUMBER: _ClassVar[int]
    WINDOWSDESKTOPLOGINS_FIELD_NUMBER: _ClassVar[int]
    WINDOWSDESKTOPLABELS_FIELD_NUMBER: _ClassVar[int]
    REQUIRESESSIONJOIN_FIELD_NUMBER: _ClassVar[int]
    JOINSESSIONS_FIELD_NUMBER: _ClassVar[int]
    HOSTGROUPS_FIELD_NUMBER: _ClassVar[int]
    HOSTSUDOERS_FIELD_NUMBER: _ClassVar[int]
    AZUREIDENTITIES_FIELD_NUMBER: _ClassVar[int]
    KUBERNETESRESOURCES_FIELD_NUMBER: _ClassVar[int]
    GCPSERVICEACCOUNTS_FIELD_NUMBER: _ClassVar[int]
    DATABASESERVICELABELS_FIELD_NUMBER: _ClassVar[int]
    GROUPLABELS_FIELD_NUMBER: _ClassVar[int]
    DESKTOPGROUPS_FIELD_NUMBER: _ClassVar[int]
    DATABASEROLES_FIELD_NUMBER: _ClassVar[int]
    NODELABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    APPLABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    CLUSTERLABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    KUBERNETESLABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    DATABASELABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    DATABASESERVICELABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    WINDOWSDESKTOPLABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    GROUPLABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    DATABASEPERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    SPIFFE_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTASSIGNMENTS_FIELD_NUMBER: _ClassVar[int]
    GIT_HUB_PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    WORKLOADIDENTITYLABELS_FIELD_NUMBER: _ClassVar[int]
    WORKLOADIDENTITYLABELSEXPRESSION_FIELD_NUMBER: _ClassVar[int]
    Logins: _containers.RepeatedScalarFieldContainer[str]
    Namespaces: _containers.RepeatedScalarFieldContainer[str]
    NodeLabels: _wrappers_pb2_1.LabelValues
    Rules: _containers.RepeatedCompositeFieldContainer[Rule]
    KubeGroups: _containers.RepeatedScalarFieldContainer[str]
    Request: AccessRequestConditions
    KubeUsers: _containers.RepeatedScalarFieldContainer[str]
    AppLabels: _wrappers_pb2_1.LabelValues
    ClusterLabels: _wrappers_pb2_1.LabelValues
    KubernetesLabels: _wrappers_pb2_1.LabelValues
    DatabaseLabels: _wrappers_pb2_1.LabelValues
    DatabaseNames: _containers.RepeatedScalarFieldContainer[str]
    DatabaseUsers: _containers.RepeatedScalarFieldContainer[str]
    Impersonate: ImpersonateConditions
    ReviewRequests: AccessReviewConditions
    AWSRoleARNs: _containers.RepeatedScalarFieldContainer[str]
    WindowsDesktopLogins: _containers.RepeatedScalarFieldContainer[str]
    WindowsDesktopLabels: _wrappers_pb2_1.LabelValues
    RequireSessionJoin: _containers.RepeatedCompositeFieldContainer[SessionRequirePolicy]
    JoinSessions: _containers.RepeatedCompositeFieldContainer[SessionJoinPolicy]
    HostGroups: _containers.RepeatedScalarFieldContainer[str]
    HostSudoers: _containers.RepeatedScalarFieldContainer[str]
    AzureIdentities: _containers.RepeatedScalarFieldContainer[str]
    KubernetesResources: _containers.RepeatedCompositeFieldContainer[KubernetesResource]
    GCPServiceAccounts: _containers.RepeatedScalarFieldContainer[str]
    DatabaseServiceLabels: _wrappers_pb2_1.LabelValues
    GroupLabels: _wrappers_pb2_1.LabelValues
    DesktopGroups: _containers.RepeatedScalarFieldContainer[str]
    DatabaseRoles: _containers.RepeatedScalarFieldContainer[str]
    NodeLabelsExpression: str
    AppLabelsExpression: str
    ClusterLabelsExpression: str
    KubernetesLabelsExpression: str
    DatabaseLabelsExpression: str
    DatabaseServiceLabelsExpression: str
    WindowsDesktopLabelsExpression: str
    GroupLabelsExpression: str
    DatabasePermissions: _containers.RepeatedCompositeFieldContainer[DatabasePermission]
    SPIFFE: _containers.RepeatedCompositeFieldContainer[SPIFFERoleCondition]
    AccountAssignments: _containers.RepeatedCompositeFieldContainer[IdentityCenterAccountAssignment]
    git_hub_permissions: _containers.RepeatedCompositeFieldContainer[GitHubPermission]
    WorkloadIdentityLabels: _wrappers_pb2_1.LabelValues
    WorkloadIdentityLabelsExpression: str
    def __init__(self, Logins: _Optional[_Iterable[str]] = ..., Namespaces: _Optional[_Iterable[str]] = ..., NodeLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., Rules: _Optional[_Iterable[_Union[Rule, _Mapping]]] = ..., KubeGroups: _Optional[_Iterable[str]] = ..., Request: _Optional[_Union[AccessRequestConditions, _Mapping]] = ..., KubeUsers: _Optional[_Iterable[str]] = ..., AppLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., ClusterLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., KubernetesLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., DatabaseLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., DatabaseNames: _Optional[_Iterable[str]] = ..., DatabaseUsers: _Optional[_Iterable[str]] = ..., Impersonate: _Optional[_Union[ImpersonateConditions, _Mapping]] = ..., ReviewRequests: _Optional[_Union[AccessReviewConditions, _Mapping]] = ..., AWSRoleARNs: _Optional[_Iterable[str]] = ..., WindowsDesktopLogins: _Optional[_Iterable[str]] = ..., WindowsDesktopLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., RequireSessionJoin: _Optional[_Iterable[_Union[SessionRequirePolicy, _Mapping]]] = ..., JoinSessions: _Optional[_Iterable[_Union[SessionJoinPolicy, _Mapping]]] = ..., HostGroups: _Optional[_Iterable[str]] = ..., HostSudoers: _Optional[_Iterable[str]] = ..., AzureIdentities: _Optional[_Iterable[str]] = ..., KubernetesResources: _Optional[_Iterable[_Union[KubernetesResource, _Mapping]]] = ..., GCPServiceAccounts: _Optional[_Iterable[str]] = ..., DatabaseServiceLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., GroupLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., DesktopGroups: _Optional[_Iterable[str]] = ..., DatabaseRoles: _Optional[_Iterable[str]] = ..., NodeLabelsExpression: _Optional[str] = ..., AppLabelsExpression: _Optional[str] = ..., ClusterLabelsExpression: _Optional[str] = ..., KubernetesLabelsExpression: _Optional[str] = ..., DatabaseLabelsExpression: _Optional[str] = ..., DatabaseServiceLabelsExpression: _Optional[str] = ..., WindowsDesktopLabelsExpression: _Optional[str] = ..., GroupLabelsExpression: _Optional[str] = ..., DatabasePermissions: _Optional[_Iterable[_Union[DatabasePermission, _Mapping]]] = ..., SPIFFE: _Optional[_Iterable[_Union[SPIFFERoleCondition, _Mapping]]] = ..., AccountAssignments: _Optional[_Iterable[_Union[IdentityCenterAccountAssignment, _Mapping]]] = ..., git_hub_permissions: _Optional[_Iterable[_Union[GitHubPermission, _Mapping]]] = ..., WorkloadIdentityLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., WorkloadIdentityLabelsExpression: _Optional[str] = ...) -> None: ...

class IdentityCenterAccountAssignment(_message.Message):
    __slots__ = ("PermissionSet", "Account")
    PERMISSIONSET_FIELD_NUMBER: _ClassVar[int]
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    PermissionSet: str
    Account: str
    def __init__(self, PermissionSet: _Optional[str] = ..., Account: _Optional[str] = ...) -> None: ...

class GitHubPermission(_message.Message):
    __slots__ = ("organizations",)
    ORGANIZATIONS_FIELD_NUMBER: _ClassVar[int]
    organizations: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, organizations: _Optional[_Iterable[str]] = ...) -> None: ...

class SPIFFERoleCondition(_message.Message):
    __slots__ = ("Path", "DNSSANs", "IPSANs")
    PATH_FIELD_NUMBER: _ClassVar[int]
    DNSSANS_FIELD_NUMBER: _ClassVar[int]
    IPSANS_FIELD_NUMBER: _ClassVar[int]
    Path: str
    DNSSANs: _containers.RepeatedScalarFieldContainer[str]
    IPSANs: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Path: _Optional[str] = ..., DNSSANs: _Optional[_Iterable[str]] = ..., IPSANs: _Optional[_Iterable[str]] = ...) -> None: ...

class DatabasePermission(_message.Message):
    __slots__ = ("Permissions", "Match")
    PERMISSIONS_FIELD_NUMBER: _ClassVar[int]
    MATCH_FIELD_NUMBER: _ClassVar[int]
    Permissions: _containers.RepeatedScalarFieldContainer[str]
    Match: _wrappers_pb2_1.LabelValues
    def __init__(self, Permissions: _Optional[_Iterable[str]] = ..., Match: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ...) -> None: ...

class KubernetesResource(_message.Message):
    __slots__ = ("Kind", "Namespace", "Name", "Verbs", "APIGroup")
    KIND_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    VERBS_FIELD_NUMBER: _ClassVar[int]
    APIGROUP_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    Namespace: str
    Name: str
    Verbs: _containers.RepeatedScalarFieldContainer[str]
    APIGroup: str
    def __init__(self, Kind: _Optional[str] = ..., Namespace: _Optional[str] = ..., Name: _Optional[str] = ..., Verbs: _Optional[_Iterable[str]] = ..., APIGroup: _Optional[str] = ...) -> None: ...

class SessionRequirePolicy(_message.Message):
    __slots__ = ("Name", "Filter", "Kinds", "Count", "Modes", "OnLeave")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    COUNT_FIELD_NUMBER: _ClassVar[int]
    MODES_FIELD_NUMBER: _ClassVar[int]
    ONLEAVE_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Filter: str
    Kinds: _containers.RepeatedScalarFieldContainer[str]
    Count: int
    Modes: _containers.RepeatedScalarFieldContainer[str]
    OnLeave: str
    def __init__(self, Name: _Optional[str] = ..., Filter: _Optional[str] = ..., Kinds: _Optional[_Iterable[str]] = ..., Count: _Optional[int] = ..., Modes: _Optional[_Iterable[str]] = ..., OnLeave: _Optional[str] = ...) -> None: ...

class SessionJoinPolicy(_message.Message):
    __slots__ = ("Name", "Roles", "Kinds", "Modes")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    KINDS_FIELD_NUMBER: _ClassVar[int]
    MODES_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Roles: _containers.RepeatedScalarFieldContainer[str]
    Kinds: _containers.RepeatedScalarFieldContainer[str]
    Modes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Name: _Optional[str] = ..., Roles: _Optional[_Iterable[str]] = ..., Kinds: _Optional[_Iterable[str]] = ..., Modes: _Optional[_Iterable[str]] = ...) -> None: ...

class AccessRequestConditions(_message.Message):
    __slots__ = ("Roles", "ClaimsToRoles", "Annotations", "Thresholds", "SuggestedReviewers", "SearchAsRoles", "MaxDuration", "kubernetes_resources", "Reason")
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CLAIMSTOROLES_FIELD_NUMBER: _ClassVar[int]
    ANNOTATIONS_FIELD_NUMBER: _ClassVar[int]
    THRESHOLDS_FIELD_NUMBER: _ClassVar[int]
    SUGGESTEDREVIEWERS_FIELD_NUMBER: _ClassVar[int]
    SEARCHASROLES_FIELD_NUMBER: _ClassVar[int]
    MAXDURATION_FIELD_NUMBER: _ClassVar[int]
    KUBERNETES_RESOURCES_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    Roles: _containers.RepeatedScalarFieldContainer[str]
    ClaimsToRoles: _containers.RepeatedCompositeFieldContainer[ClaimMapping]
    Annotations: _wrappers_pb2_1.LabelValues
    Thresholds: _containers.RepeatedCompositeFieldContainer[AccessReviewThreshold]
    SuggestedReviewers: _containers.RepeatedScalarFieldContainer[str]
    SearchAsRoles: _containers.RepeatedScalarFieldContainer[str]
    MaxDuration: int
    kubernetes_resources: _containers.RepeatedCompositeFieldContainer[RequestKubernetesResource]
    Reason: AccessRequestConditionsReason
    def __init__(self, Roles: _Optional[_Iterable[str]] = ..., ClaimsToRoles: _Optional[_Iterable[_Union[ClaimMapping, _Mapping]]] = ..., Annotations: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., Thresholds: _Optional[_Iterable[_Union[AccessReviewThreshold, _Mapping]]] = ..., SuggestedReviewers: _Optional[_Iterable[str]] = ..., SearchAsRoles: _Optional[_Iterable[str]] = ..., MaxDuration: _Optional[int] = ..., kubernetes_resources: _Optional[_Iterable[_Union[RequestKubernetesResource, _Mapping]]] = ..., Reason: _Optional[_Union[AccessRequestConditionsReason, _Mapping]] = ...) -> None: ...

class AccessRequestConditionsReason(_message.Message):
    __slots__ = ("Mode",)
    MODE_FIELD_NUMBER: _ClassVar[int]
    Mode: str
    def __init__(self, Mode: _Optional[str] = ...) -> None: ...

class RequestKubernetesResource(_message.Message):
    __slots__ = ("kind", "APIGroup")
    KIND_FIELD_NUMBER: _ClassVar[int]
    APIGROUP_FIELD_NUMBER: _ClassVar[int]
    kind: str
    APIGroup: str
    def __init__(self, kind: _Optional[str] = ..., APIGroup: _Optional[str] = ...) -> None: ...

class AccessReviewThreshold(_message.Message):
    __slots__ = ("Name", "Filter", "Approve", "Deny")
    NAME_FIELD_NUMBER: _ClassVar[int]
    FILTER_FIELD_NUMBER: _ClassVar[int]
    APPROVE_FIELD_NUMBER: _ClassVar[int]
    DENY_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Filter: str
    Approve: int
    Deny: int
    def __init__(self, Name: _Optional[str] = ..., Filter: _Optional[str] = ..., Approve: _Optional[int] = ..., Deny: _Optional[int] = ...) -> None: ...

class AccessReviewConditions(_message.Message):
    __slots__ = ("Roles", "ClaimsToRoles", "Where", "PreviewAsRoles")
    ROLES_FIELD_NUMBER: _ClassVar[int]
    CLAIMSTOROLES_FIELD_NUMBER: _ClassVar[int]
    WHERE_FIELD_NUMBER: _ClassVar[int]
    PREVIEWASROLES_FIELD_NUMBER: _ClassVar[int]
    Roles: _containers.RepeatedScalarFieldContainer[str]
    ClaimsToRoles: _containers.RepeatedCompositeFieldContainer[ClaimMapping]
    Where: str
    PreviewAsRoles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Roles: _Optional[_Iterable[str]] = ..., ClaimsToRoles: _Optional[_Iterable[_Union[ClaimMapping, _Mapping]]] = ..., Where: _Optional[str] = ..., PreviewAsRoles: _Optional[_Iterable[str]] = ...) -> None: ...

class ClaimMapping(_message.Message):
    __slots__ = ("Claim", "Value", "Roles")
    CLAIM_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    Claim: str
    Value: str
    Roles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Claim: _Optional[str] = ..., Value: _Optional[str] = ..., Roles: _Optional[_Iterable[str]] = ...) -> None: ...

class Rule(_message.Message):
    __slots__ = ("Resources", "Verbs", "Where", "Actions")
    RESOURCES_FIELD_NUMBER: _ClassVar[int]
    VERBS_FIELD_NUMBER: _ClassVar[int]
    WHERE_FIELD_NUMBER: _ClassVar[int]
    ACTIONS_FIELD_NUMBER: _ClassVar[int]
    Resources: _containers.RepeatedScalarFieldContainer[str]
    Verbs: _containers.RepeatedScalarFieldContainer[str]
    Where: str
    Actions: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Resources: _Optional[_Iterable[str]] = ..., Verbs: _Optional[_Iterable[str]] = ..., Where: _Optional[str] = ..., Actions: _Optional[_Iterable[str]] = ...) -> None: ...

class ImpersonateConditions(_message.Message):
    __slots__ = ("Users", "Roles", "Where")
    USERS_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    WHERE_FIELD_NUMBER: _ClassVar[int]
    Users: _containers.RepeatedScalarFieldContainer[str]
    Roles: _containers.RepeatedScalarFieldContainer[str]
    Where: str
    def __init__(self, Users: _Optional[_Iterable[str]] = ..., Roles: _Optional[_Iterable[str]] = ..., Where: _Optional[str] = ...) -> None: ...

class UserV2(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec", "Status")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: UserSpecV2
    Status: UserStatusV2
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[UserSpecV2, _Mapping]] = ..., Status: _Optional[_Union[UserStatusV2, _Mapping]] = ...) -> None: ...

class UserStatusV2(_message.Message):
    __slots__ = ("password_state", "mfa_weakest_device")
    PASSWORD_STATE_FIELD_NUMBER: _ClassVar[int]
    MFA_WEAKEST_DEVICE_FIELD_NUMBER: _ClassVar[int]
    password_state: PasswordState
    mfa_weakest_device: MFADeviceKind
    def __init__(self, password_state: _Optional[_Union[PasswordState, str]] = ..., mfa_weakest_device: _Optional[_Union[MFADeviceKind, str]] = ...) -> None: ...

class UserSpecV2(_message.Message):
    __slots__ = ("OIDCIdentities", "SAMLIdentities", "GithubIdentities", "Roles", "Traits", "Status", "Expires", "CreatedBy", "LocalAuth", "TrustedDeviceIDs")
    OIDCIDENTITIES_FIELD_NUMBER: _ClassVar[int]
    SAMLIDENTITIES_FIELD_NUMBER: _ClassVar[int]
    GITHUBIDENTITIES_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    TRAITS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    CREATEDBY_FIELD_NUMBER: _ClassVar[int]
    LOCALAUTH_FIELD_NUMBER: _ClassVar[int]
    TRUSTEDDEVICEIDS_FIELD_NUMBER: _ClassVar[int]
    OIDCIdentities: _containers.RepeatedCompositeFieldContainer[ExternalIdentity]
    SAMLIdentities: _containers.RepeatedCompositeFieldContainer[ExternalIdentity]
    GithubIdentities: _containers.RepeatedCompositeFieldContainer[ExternalIdentity]
    Roles: _containers.RepeatedScalarFieldContainer[str]
    Traits: _wrappers_pb2_1.LabelValues
    Status: LoginStatus
    Expires: _timestamp_pb2.Timestamp
    CreatedBy: CreatedBy
    LocalAuth: LocalAuthSecrets
    TrustedDeviceIDs: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, OIDCIdentities: _Optional[_Iterable[_Union[ExternalIdentity, _Mapping]]] = ..., SAMLIdentities: _Optional[_Iterable[_Union[ExternalIdentity, _Mapping]]] = ..., GithubIdentities: _Optional[_Iterable[_Union[ExternalIdentity, _Mapping]]] = ..., Roles: _Optional[_Iterable[str]] = ..., Traits: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., Status: _Optional[_Union[LoginStatus, _Mapping]] = ..., Expires: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., CreatedBy: _Optional[_Union[CreatedBy, _Mapping]] = ..., LocalAuth: _Optional[_Union[LocalAuthSecrets, _Mapping]] = ..., TrustedDeviceIDs: _Optional[_Iterable[str]] = ...) -> None: ...

class ExternalIdentity(_message.Message):
    __slots__ = ("ConnectorID", "Username", "SAMLSingleLogoutURL", "UserID")
    CONNECTORID_FIELD_NUMBER: _ClassVar[int]
    USERNAME_FIELD_NUMBER: _ClassVar[int]
    SAMLSINGLELOGOUTURL_FIELD_NUMBER: _ClassVar[int]
    USERID_FIELD_NUMBER: _ClassVar[int]
    ConnectorID: str
    Username: str
    SAMLSingleLogoutURL: str
    UserID: str
    def __init__(self, ConnectorID: _Optional[str] = ..., Username: _Optional[str] = ..., SAMLSingleLogoutURL: _Optional[str] = ..., UserID: _Optional[str] = ...) -> None: ...

class LoginStatus(_message.Message):
    __slots__ = ("IsLocked", "LockedMessage", "LockedTime", "LockExpires")
    ISLOCKED_FIELD_NUMBER: _ClassVar[int]
    LOCKEDMESSAGE_FIELD_NUMBER: _ClassVar[int]
    LOCKEDTIME_FIELD_NUMBER: _ClassVar[int]
    LOCKEXPIRES_FIELD_NUMBER: _ClassVar[int]
    IsLocked: bool
    LockedMessage: str
    LockedTime: _timestamp_pb2.Timestamp
    LockExpires: _timestamp_pb2.Timestamp
    def __init__(self, IsLocked: _Optional[bool] = ..., LockedMessage: _Optional[str] = ..., LockedTime: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., LockExpires: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class CreatedBy(_message.Message):
    __slots__ = ("Connector", "Time", "User")
    CONNECTOR_FIELD_NUMBER: _ClassVar[int]
    TIME_FIELD_NUMBER: _ClassVar[int]
    USER_FIELD_NUMBER: _ClassVar[int]
    Connector: ConnectorRef
    Time: _timestamp_pb2.Timestamp
    User: UserRef
    def __init__(self, Connector: _Optional[_Union[ConnectorRef, _Mapping]] = ..., Time: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., User: _Optional[_Union[UserRef, _Mapping]] = ...) -> None: ...

class ConnectorRef(_message.Message):
    __slots__ = ("Type", "ID", "Identity")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    IDENTITY_FIELD_NUMBER: _ClassVar[int]
    Type: str
    ID: str
    Identity: str
    def __init__(self, Type: _Optional[str] = ..., ID: _Optional[str] = ..., Identity: _Optional[str] = ...) -> None: ...

class UserRef(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class LocalAuthSecrets(_message.Message):
    __slots__ = ("PasswordHash", "TOTPKey", "MFA", "Webauthn")
    PASSWORDHASH_FIELD_NUMBER: _ClassVar[int]
    TOTPKEY_FIELD_NUMBER: _ClassVar[int]
    MFA_FIELD_NUMBER: _ClassVar[int]
    WEBAUTHN_FIELD_NUMBER: _ClassVar[int]
    PasswordHash: bytes
    TOTPKey: str
    MFA: _containers.RepeatedCompositeFieldContainer[MFADevice]
    Webauthn: WebauthnLocalAuth
    def __init__(self, PasswordHash: _Optional[bytes] = ..., TOTPKey: _Optional[str] = ..., MFA: _Optional[_Iterable[_Union[MFADevice, _Mapping]]] = ..., Webauthn: _Optional[_Union[WebauthnLocalAuth, _Mapping]] = ...) -> None: ...

class MFADevice(_message.Message):
    __slots__ = ("kind", "sub_kind", "version", "metadata", "id", "added_at", "last_used", "totp", "u2f", "webauthn", "sso")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUB_KIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    ID_FIELD_NUMBER: _ClassVar[int]
    ADDED_AT_FIELD_NUMBER: _ClassVar[int]
    LAST_USED_FIELD_NUMBER: _ClassVar[int]
    TOTP_FIELD_NUMBER: _ClassVar[int]
    U2F_FIELD_NUMBER: _ClassVar[int]
    WEBAUTHN_FIELD_NUMBER: _ClassVar[int]
    SSO_FIELD_NUMBER: _ClassVar[int]
    kind: str
    sub_kind: str
    version: str
    metadata: Metadata
    id: str
    added_at: _timestamp_pb2.Timestamp
    last_used: _timestamp_pb2.Timestamp
    totp: TOTPDevice
    u2f: U2FDevice
    webauthn: WebauthnDevice
    sso: SSOMFADevice
    def __init__(self, kind: _Optional[str] = ..., sub_kind: _Optional[str] = ..., version: _Optional[str] = ..., metadata: _Optional[_Union[Metadata, _Mapping]] = ..., id: _Optional[str] = ..., added_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., last_used: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., totp: _Optional[_Union[TOTPDevice, _Mapping]] = ..., u2f: _Optional[_Union[U2FDevice, _Mapping]] = ..., webauthn: _Optional[_Union[WebauthnDevice, _Mapping]] = ..., sso: _Optional[_Union[SSOMFADevice, _Mapping]] = ...) -> None: ...

class TOTPDevice(_message.Message):
    __slots__ = ("key",)
    KEY_FIELD_NUMBER: _ClassVar[int]
    key: str
    def __init__(self, key: _Optional[str] = ...) -> None: ...

class U2FDevice(_message.Message):
    __slots__ = ("key_handle", "pub_key", "counter")
    KEY_HANDLE_FIELD_NUMBER: _ClassVar[int]
    PUB_KEY_FIELD_NUMBER: _ClassVar[int]
    COUNTER_FIELD_NUMBER: _ClassVar[int]
    key_handle: bytes
    pub_key: bytes
    counter: int
    def __init__(self, key_handle: _Optional[bytes] = ..., pub_key: _Optional[bytes] = ..., counter: _Optional[int] = ...) -> None: ...

class WebauthnDevice(_message.Message):
    __slots__ = ("credential_id", "public_key_cbor", "attestation_type", "aaguid", "signature_counter", "attestation_object", "resident_key", "credential_rp_id", "credential_backup_eligible", "credential_backed_up")
    CREDENTIAL_ID_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_KEY_CBOR_FIELD_NUMBER: _ClassVar[int]
    ATTESTATION_TYPE_FIELD_NUMBER: _ClassVar[int]
    AAGUID_FIELD_NUMBER: _ClassVar[int]
    SIGNATURE_COUNTER_FIELD_NUMBER: _ClassVar[int]
    ATTESTATION_OBJECT_FIELD_NUMBER: _ClassVar[int]
    RESIDENT_KEY_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_RP_ID_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_BACKUP_ELIGIBLE_FIELD_NUMBER: _ClassVar[int]
    CREDENTIAL_BACKED_UP_FIELD_NUMBER: _ClassVar[int]
    credential_id: bytes
    public_key_cbor: bytes
    attestation_type: str
    aaguid: bytes
    signature_counter: int
    attestation_object: bytes
    resident_key: bool
    credential_rp_id: str
    credential_backup_eligible: _wrappers_pb2.BoolValue
    credential_backed_up: _wrappers_pb2.BoolValue
    def __init__(self, credential_id: _Optional[bytes] = ..., public_key_cbor: _Optional[bytes] = ..., attestation_type: _Optional[str] = ..., aaguid: _Optional[bytes] = ..., signature_counter: _Optional[int] = ..., attestation_object: _Optional[bytes] = ..., resident_key: _Optional[bool] = ..., credential_rp_id: _Optional[str] = ..., credential_backup_eligible: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ..., credential_backed_up: _Optional[_Union[_wrappers_pb2.BoolValue, _Mapping]] = ...) -> None: ...

class SSOMFADevice(_message.Message):
    __slots__ = ("connector_id", "connector_type", "display_name")
    CONNECTOR_ID_FIELD_NUMBER: _ClassVar[int]
    CONNECTOR_TYPE_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    connector_id: str
    connector_type: str
    display_name: str
    def __init__(self, connector_id: _Optional[str] = ..., connector_type: _Optional[str] = ..., display_name: _Optional[str] = ...) -> None: ...

class WebauthnLocalAuth(_message.Message):
    __slots__ = ("UserID",)
    USERID_FIELD_NUMBER: _ClassVar[int]
    UserID: bytes
    def __init__(self, UserID: _Optional[bytes] = ...) -> None: ...

class ProvisionTokenV2(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec", "Status")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: ProvisionTokenSpecV2
    Status: ProvisionTokenStatusV2
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[ProvisionTokenSpecV2, _Mapping]] = ..., Status: _Optional[_Union[ProvisionTokenStatusV2, _Mapping]] = ...) -> None: ...

class ProvisionTokenStatusV2(_message.Message):
    __slots__ = ("BoundKeypair",)
    BOUNDKEYPAIR_FIELD_NUMBER: _ClassVar[int]
    BoundKeypair: ProvisionTokenStatusV2BoundKeypair
    def __init__(self, BoundKeypair: _Optional[_Union[ProvisionTokenStatusV2BoundKeypair, _Mapping]] = ...) -> None: ...

class ProvisionTokenStatusV2BoundKeypair(_message.Message):
    __slots__ = ("RegistrationSecret", "BoundPublicKey", "BoundBotInstanceID", "RecoveryCount", "LastRecoveredAt", "LastRotatedAt")
    REGISTRATIONSECRET_FIELD_NUMBER: _ClassVar[int]
    BOUNDPUBLICKEY_FIELD_NUMBER: _ClassVar[int]
    BOUNDBOTINSTANCEID_FIELD_NUMBER: _ClassVar[int]
    RECOVERYCOUNT_FIELD_NUMBER: _ClassVar[int]
    LASTRECOVEREDAT_FIELD_NUMBER: _ClassVar[int]
    LASTROTATEDAT_FIELD_NUMBER: _ClassVar[int]
    RegistrationSecret: str
    BoundPublicKey: str
    BoundBotInstanceID: str
    RecoveryCount: int
    LastRecoveredAt: _timestamp_pb2.Timestamp
    LastRotatedAt: _timestamp_pb2.Timestamp
    def __init__(self, RegistrationSecret: _Optional[str] = ..., BoundPublicKey: _Optional[str] = ..., BoundBotInstanceID: _Optional[str] = ..., RecoveryCount: _Optional[int] = ..., LastRecoveredAt: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., LastRotatedAt: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProvisionTokenV2List(_message.Message):
    __slots__ = ("ProvisionTokens",)
    PROVISIONTOKENS_FIELD_NUMBER: _ClassVar[int]
    ProvisionTokens: _containers.RepeatedCompositeFieldContainer[ProvisionTokenV2]
    def __init__(self, ProvisionTokens: _Optional[_Iterable[_Union[ProvisionTokenV2, _Mapping]]] = ...) -> None: ...

class TokenRule(_message.Message):
    __slots__ = ("AWSAccount", "AWSRegions", "AWSRole", "AWSARN")
    AWSACCOUNT_FIELD_NUMBER: _ClassVar[int]
    AWSREGIONS_FIELD_NUMBER: _ClassVar[int]
    AWSROLE_FIELD_NUMBER: _ClassVar[int]
    AWSARN_FIELD_NUMBER: _ClassVar[int]
    AWSAccount: str
    AWSRegions: _containers.RepeatedScalarFieldContainer[str]
    AWSRole: str
    AWSARN: str
    def __init__(self, AWSAccount: _Optional[str] = ..., AWSRegions: _Optional[_Iterable[str]] = ..., AWSRole: _Optional[str] = ..., AWSARN: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2(_message.Message):
    __slots__ = ("Roles", "Allow", "AWSIIDTTL", "JoinMethod", "BotName", "SuggestedLabels", "GitHub", "CircleCI", "SuggestedAgentMatcherLabels", "Kubernetes", "Azure", "GitLab", "GCP", "Spacelift", "TPM", "TerraformCloud", "Bitbucket", "Oracle", "BoundKeypair", "AzureDevops")
    ROLES_FIELD_NUMBER: _ClassVar[int]
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    AWSIIDTTL_FIELD_NUMBER: _ClassVar[int]
    JOINMETHOD_FIELD_NUMBER: _ClassVar[int]
    BOTNAME_FIELD_NUMBER: _ClassVar[int]
    SUGGESTEDLABELS_FIELD_NUMBER: _ClassVar[int]
    GITHUB_FIELD_NUMBER: _ClassVar[int]
    CIRCLECI_FIELD_NUMBER: _ClassVar[int]
    SUGGESTEDAGENTMATCHERLABELS_FIELD_NUMBER: _ClassVar[int]
    KUBERNETES_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    GITLAB_FIELD_NUMBER: _ClassVar[int]
    GCP_FIELD_NUMBER: _ClassVar[int]
    SPACELIFT_FIELD_NUMBER: _ClassVar[int]
    TPM_FIELD_NUMBER: _ClassVar[int]
    TERRAFORMCLOUD_FIELD_NUMBER: _ClassVar[int]
    BITBUCKET_FIELD_NUMBER: _ClassVar[int]
    ORACLE_FIELD_NUMBER: _ClassVar[int]
    BOUNDKEYPAIR_FIELD_NUMBER: _ClassVar[int]
    AZUREDEVOPS_FIELD_NUMBER: _ClassVar[int]
    Roles: _containers.RepeatedScalarFieldContainer[str]
    Allow: _containers.RepeatedCompositeFieldContainer[TokenRule]
    AWSIIDTTL: int
    JoinMethod: str
    BotName: str
    SuggestedLabels: _wrappers_pb2_1.LabelValues
    GitHub: ProvisionTokenSpecV2GitHub
    CircleCI: ProvisionTokenSpecV2CircleCI
    SuggestedAgentMatcherLabels: _wrappers_pb2_1.LabelValues
    Kubernetes: ProvisionTokenSpecV2Kubernetes
    Azure: ProvisionTokenSpecV2Azure
    GitLab: ProvisionTokenSpecV2GitLab
    GCP: ProvisionTokenSpecV2GCP
    Spacelift: ProvisionTokenSpecV2Spacelift
    TPM: ProvisionTokenSpecV2TPM
    TerraformCloud: ProvisionTokenSpecV2TerraformCloud
    Bitbucket: ProvisionTokenSpecV2Bitbucket
    Oracle: ProvisionTokenSpecV2Oracle
    BoundKeypair: ProvisionTokenSpecV2BoundKeypair
    AzureDevops: ProvisionTokenSpecV2AzureDevops
    def __init__(self, Roles: _Optional[_Iterable[str]] = ..., Allow: _Optional[_Iterable[_Union[TokenRule, _Mapping]]] = ..., AWSIIDTTL: _Optional[int] = ..., JoinMethod: _Optional[str] = ..., BotName: _Optional[str] = ..., SuggestedLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., GitHub: _Optional[_Union[ProvisionTokenSpecV2GitHub, _Mapping]] = ..., CircleCI: _Optional[_Union[ProvisionTokenSpecV2CircleCI, _Mapping]] = ..., SuggestedAgentMatcherLabels: _Optional[_Union[_wrappers_pb2_1.LabelValues, _Mapping]] = ..., Kubernetes: _Optional[_Union[ProvisionTokenSpecV2Kubernetes, _Mapping]] = ..., Azure: _Optional[_Union[ProvisionTokenSpecV2Azure, _Mapping]] = ..., GitLab: _Optional[_Union[ProvisionTokenSpecV2GitLab, _Mapping]] = ..., GCP: _Optional[_Union[ProvisionTokenSpecV2GCP, _Mapping]] = ..., Spacelift: _Optional[_Union[ProvisionTokenSpecV2Spacelift, _Mapping]] = ..., TPM: _Optional[_Union[ProvisionTokenSpecV2TPM, _Mapping]] = ..., TerraformCloud: _Optional[_Union[ProvisionTokenSpecV2TerraformCloud, _Mapping]] = ..., Bitbucket: _Optional[_Union[ProvisionTokenSpecV2Bitbucket, _Mapping]] = ..., Oracle: _Optional[_Union[ProvisionTokenSpecV2Oracle, _Mapping]] = ..., BoundKeypair: _Optional[_Union[ProvisionTokenSpecV2BoundKeypair, _Mapping]] = ..., AzureDevops: _Optional[_Union[ProvisionTokenSpecV2AzureDevops, _Mapping]] = ...) -> None: ...

class ProvisionTokenSpecV2Oracle(_message.Message):
    __slots__ = ("Allow",)
    class Rule(_message.Message):
        __slots__ = ("Tenancy", "ParentCompartments", "Regions")
        TENANCY_FIELD_NUMBER: _ClassVar[int]
        PARENTCOMPARTMENTS_FIELD_NUMBER: _ClassVar[int]
        REGIONS_FIELD_NUMBER: _ClassVar[int]
        Tenancy: str
        ParentCompartments: _containers.RepeatedScalarFieldContainer[str]
        Regions: _containers.RepeatedScalarFieldContainer[str]
        def __init__(self, Tenancy: _Optional[str] = ..., ParentCompartments: _Optional[_Iterable[str]] = ..., Regions: _Optional[_Iterable[str]] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2Oracle.Rule]
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2Oracle.Rule, _Mapping]]] = ...) -> None: ...

class ProvisionTokenSpecV2BoundKeypair(_message.Message):
    __slots__ = ("Onboarding", "Recovery", "RotateAfter")
    class OnboardingSpec(_message.Message):
        __slots__ = ("InitialPublicKey", "RegistrationSecret", "MustRegisterBefore")
        INITIALPUBLICKEY_FIELD_NUMBER: _ClassVar[int]
        REGISTRATIONSECRET_FIELD_NUMBER: _ClassVar[int]
        MUSTREGISTERBEFORE_FIELD_NUMBER: _ClassVar[int]
        InitialPublicKey: str
        RegistrationSecret: str
        MustRegisterBefore: _timestamp_pb2.Timestamp
        def __init__(self, InitialPublicKey: _Optional[str] = ..., RegistrationSecret: _Optional[str] = ..., MustRegisterBefore: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...
    class RecoverySpec(_message.Message):
        __slots__ = ("Limit", "Mode")
        LIMIT_FIELD_NUMBER: _ClassVar[int]
        MODE_FIELD_NUMBER: _ClassVar[int]
        Limit: int
        Mode: str
        def __init__(self, Limit: _Optional[int] = ..., Mode: _Optional[str] = ...) -> None: ...
    ONBOARDING_FIELD_NUMBER: _ClassVar[int]
    RECOVERY_FIELD_NUMBER: _ClassVar[int]
    ROTATEAFTER_FIELD_NUMBER: _ClassVar[int]
    Onboarding: ProvisionTokenSpecV2BoundKeypair.OnboardingSpec
    Recovery: ProvisionTokenSpecV2BoundKeypair.RecoverySpec
    RotateAfter: _timestamp_pb2.Timestamp
    def __init__(self, Onboarding: _Optional[_Union[ProvisionTokenSpecV2BoundKeypair.OnboardingSpec, _Mapping]] = ..., Recovery: _Optional[_Union[ProvisionTokenSpecV2BoundKeypair.RecoverySpec, _Mapping]] = ..., RotateAfter: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class ProvisionTokenSpecV2AzureDevops(_message.Message):
    __slots__ = ("Allow", "OrganizationID")
    class Rule(_message.Message):
        __slots__ = ("Sub", "ProjectName", "PipelineName", "ProjectID", "DefinitionID", "RepositoryURI", "RepositoryVersion", "RepositoryRef")
        SUB_FIELD_NUMBER: _ClassVar[int]
        PROJECTNAME_FIELD_NUMBER: _ClassVar[int]
        PIPELINENAME_FIELD_NUMBER: _ClassVar[int]
        PROJECTID_FIELD_NUMBER: _ClassVar[int]
        DEFINITIONID_FIELD_NUMBER: _ClassVar[int]
        REPOSITORYURI_FIELD_NUMBER: _ClassVar[int]
        REPOSITORYVERSION_FIELD_NUMBER: _ClassVar[int]
        REPOSITORYREF_FIELD_NUMBER: _ClassVar[int]
        Sub: str
        ProjectName: str
        PipelineName: str
        ProjectID: str
        DefinitionID: str
        RepositoryURI: str
        RepositoryVersion: str
        RepositoryRef: str
        def __init__(self, Sub: _Optional[str] = ..., ProjectName: _Optional[str] = ..., PipelineName: _Optional[str] = ..., ProjectID: _Optional[str] = ..., DefinitionID: _Optional[str] = ..., RepositoryURI: _Optional[str] = ..., RepositoryVersion: _Optional[str] = ..., RepositoryRef: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONID_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2AzureDevops.Rule]
    OrganizationID: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2AzureDevops.Rule, _Mapping]]] = ..., OrganizationID: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2TPM(_message.Message):
    __slots__ = ("Allow", "EKCertAllowedCAs")
    class Rule(_message.Message):
        __slots__ = ("Description", "EKPublicHash", "EKCertificateSerial")
        DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
        EKPUBLICHASH_FIELD_NUMBER: _ClassVar[int]
        EKCERTIFICATESERIAL_FIELD_NUMBER: _ClassVar[int]
        Description: str
        EKPublicHash: str
        EKCertificateSerial: str
        def __init__(self, Description: _Optional[str] = ..., EKPublicHash: _Optional[str] = ..., EKCertificateSerial: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    EKCERTALLOWEDCAS_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2TPM.Rule]
    EKCertAllowedCAs: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2TPM.Rule, _Mapping]]] = ..., EKCertAllowedCAs: _Optional[_Iterable[str]] = ...) -> None: ...

class ProvisionTokenSpecV2GitHub(_message.Message):
    __slots__ = ("Allow", "EnterpriseServerHost", "EnterpriseSlug", "StaticJWKS")
    class Rule(_message.Message):
        __slots__ = ("Sub", "Repository", "RepositoryOwner", "Workflow", "Environment", "Actor", "Ref", "RefType")
        SUB_FIELD_NUMBER: _ClassVar[int]
        REPOSITORY_FIELD_NUMBER: _ClassVar[int]
        REPOSITORYOWNER_FIELD_NUMBER: _ClassVar[int]
        WORKFLOW_FIELD_NUMBER: _ClassVar[int]
        ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
        ACTOR_FIELD_NUMBER: _ClassVar[int]
        REF_FIELD_NUMBER: _ClassVar[int]
        REFTYPE_FIELD_NUMBER: _ClassVar[int]
        Sub: str
        Repository: str
        RepositoryOwner: str
        Workflow: str
        Environment: str
        Actor: str
        Ref: str
        RefType: str
        def __init__(self, Sub: _Optional[str] = ..., Repository: _Optional[str] = ..., RepositoryOwner: _Optional[str] = ..., Workflow: _Optional[str] = ..., Environment: _Optional[str] = ..., Actor: _Optional[str] = ..., Ref: _Optional[str] = ..., RefType: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    ENTERPRISESERVERHOST_FIELD_NUMBER: _ClassVar[int]
    ENTERPRISESLUG_FIELD_NUMBER: _ClassVar[int]
    STATICJWKS_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2GitHub.Rule]
    EnterpriseServerHost: str
    EnterpriseSlug: str
    StaticJWKS: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2GitHub.Rule, _Mapping]]] = ..., EnterpriseServerHost: _Optional[str] = ..., EnterpriseSlug: _Optional[str] = ..., StaticJWKS: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2GitLab(_message.Message):
    __slots__ = ("Allow", "Domain", "StaticJWKS")
    class Rule(_message.Message):
        __slots__ = ("Sub", "Ref", "RefType", "NamespacePath", "ProjectPath", "PipelineSource", "Environment", "UserLogin", "UserID", "UserEmail", "RefProtected", "EnvironmentProtected", "CIConfigSHA", "CIConfigRefURI", "DeploymentTier", "ProjectVisibility")
        SUB_FIELD_NUMBER: _ClassVar[int]
        REF_FIELD_NUMBER: _ClassVar[int]
        REFTYPE_FIELD_NUMBER: _ClassVar[int]
        NAMESPACEPATH_FIELD_NUMBER: _ClassVar[int]
        PROJECTPATH_FIELD_NUMBER: _ClassVar[int]
        PIPELINESOURCE_FIELD_NUMBER: _ClassVar[int]
        ENVIRONMENT_FIELD_NUMBER: _ClassVar[int]
        USERLOGIN_FIELD_NUMBER: _ClassVar[int]
        USERID_FIELD_NUMBER: _ClassVar[int]
        USEREMAIL_FIELD_NUMBER: _ClassVar[int]
        REFPROTECTED_FIELD_NUMBER: _ClassVar[int]
        ENVIRONMENTPROTECTED_FIELD_NUMBER: _ClassVar[int]
        CICONFIGSHA_FIELD_NUMBER: _ClassVar[int]
        CICONFIGREFURI_FIELD_NUMBER: _ClassVar[int]
        DEPLOYMENTTIER_FIELD_NUMBER: _ClassVar[int]
        PROJECTVISIBILITY_FIELD_NUMBER: _ClassVar[int]
        Sub: str
        Ref: str
        RefType: str
        NamespacePath: str
        ProjectPath: str
        PipelineSource: str
        Environment: str
        UserLogin: str
        UserID: str
        UserEmail: str
        RefProtected: BoolValue
        EnvironmentProtected: BoolValue
        CIConfigSHA: str
        CIConfigRefURI: str
        DeploymentTier: str
        ProjectVisibility: str
        def __init__(self, Sub: _Optional[str] = ..., Ref: _Optional[str] = ..., RefType: _Optional[str] = ..., NamespacePath: _Optional[str] = ..., ProjectPath: _Optional[str] = ..., PipelineSource: _Optional[str] = ..., Environment: _Optional[str] = ..., UserLogin: _Optional[str] = ..., UserID: _Optional[str] = ..., UserEmail: _Optional[str] = ..., RefProtected: _Optional[_Union[BoolValue, _Mapping]] = ..., EnvironmentProtected: _Optional[_Union[BoolValue, _Mapping]] = ..., CIConfigSHA: _Optional[str] = ..., CIConfigRefURI: _Optional[str] = ..., DeploymentTier: _Optional[str] = ..., ProjectVisibility: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    STATICJWKS_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2GitLab.Rule]
    Domain: str
    StaticJWKS: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2GitLab.Rule, _Mapping]]] = ..., Domain: _Optional[str] = ..., StaticJWKS: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2CircleCI(_message.Message):
    __slots__ = ("Allow", "OrganizationID")
    class Rule(_message.Message):
        __slots__ = ("ProjectID", "ContextID")
        PROJECTID_FIELD_NUMBER: _ClassVar[int]
        CONTEXTID_FIELD_NUMBER: _ClassVar[int]
        ProjectID: str
        ContextID: str
        def __init__(self, ProjectID: _Optional[str] = ..., ContextID: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    ORGANIZATIONID_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2CircleCI.Rule]
    OrganizationID: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2CircleCI.Rule, _Mapping]]] = ..., OrganizationID: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2Spacelift(_message.Message):
    __slots__ = ("Allow", "Hostname")
    class Rule(_message.Message):
        __slots__ = ("SpaceID", "CallerID", "CallerType", "Scope")
        SPACEID_FIELD_NUMBER: _ClassVar[int]
        CALLERID_FIELD_NUMBER: _ClassVar[int]
        CALLERTYPE_FIELD_NUMBER: _ClassVar[int]
        SCOPE_FIELD_NUMBER: _ClassVar[int]
        SpaceID: str
        CallerID: str
        CallerType: str
        Scope: str
        def __init__(self, SpaceID: _Optional[str] = ..., CallerID: _Optional[str] = ..., CallerType: _Optional[str] = ..., Scope: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2Spacelift.Rule]
    Hostname: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2Spacelift.Rule, _Mapping]]] = ..., Hostname: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2Kubernetes(_message.Message):
    __slots__ = ("Allow", "Type", "StaticJWKS")
    class StaticJWKSConfig(_message.Message):
        __slots__ = ("JWKS",)
        JWKS_FIELD_NUMBER: _ClassVar[int]
        JWKS: str
        def __init__(self, JWKS: _Optional[str] = ...) -> None: ...
    class Rule(_message.Message):
        __slots__ = ("ServiceAccount",)
        SERVICEACCOUNT_FIELD_NUMBER: _ClassVar[int]
        ServiceAccount: str
        def __init__(self, ServiceAccount: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    STATICJWKS_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2Kubernetes.Rule]
    Type: str
    StaticJWKS: ProvisionTokenSpecV2Kubernetes.StaticJWKSConfig
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2Kubernetes.Rule, _Mapping]]] = ..., Type: _Optional[str] = ..., StaticJWKS: _Optional[_Union[ProvisionTokenSpecV2Kubernetes.StaticJWKSConfig, _Mapping]] = ...) -> None: ...

class ProvisionTokenSpecV2Azure(_message.Message):
    __slots__ = ("Allow",)
    class Rule(_message.Message):
        __slots__ = ("Subscription", "ResourceGroups")
        SUBSCRIPTION_FIELD_NUMBER: _ClassVar[int]
        RESOURCEGROUPS_FIELD_NUMBER: _ClassVar[int]
        Subscription: str
        ResourceGroups: _containers.RepeatedScalarFieldContainer[str]
        def __init__(self, Subscription: _Optional[str] = ..., ResourceGroups: _Optional[_Iterable[str]] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2Azure.Rule]
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2Azure.Rule, _Mapping]]] = ...) -> None: ...

class ProvisionTokenSpecV2GCP(_message.Message):
    __slots__ = ("Allow",)
    class Rule(_message.Message):
        __slots__ = ("ProjectIDs", "Locations", "ServiceAccounts")
        PROJECTIDS_FIELD_NUMBER: _ClassVar[int]
        LOCATIONS_FIELD_NUMBER: _ClassVar[int]
        SERVICEACCOUNTS_FIELD_NUMBER: _ClassVar[int]
        ProjectIDs: _containers.RepeatedScalarFieldContainer[str]
        Locations: _containers.RepeatedScalarFieldContainer[str]
        ServiceAccounts: _containers.RepeatedScalarFieldContainer[str]
        def __init__(self, ProjectIDs: _Optional[_Iterable[str]] = ..., Locations: _Optional[_Iterable[str]] = ..., ServiceAccounts: _Optional[_Iterable[str]] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2GCP.Rule]
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2GCP.Rule, _Mapping]]] = ...) -> None: ...

class ProvisionTokenSpecV2TerraformCloud(_message.Message):
    __slots__ = ("Allow", "Audience", "Hostname")
    class Rule(_message.Message):
        __slots__ = ("OrganizationID", "OrganizationName", "ProjectID", "ProjectName", "WorkspaceID", "WorkspaceName", "RunPhase")
        ORGANIZATIONID_FIELD_NUMBER: _ClassVar[int]
        ORGANIZATIONNAME_FIELD_NUMBER: _ClassVar[int]
        PROJECTID_FIELD_NUMBER: _ClassVar[int]
        PROJECTNAME_FIELD_NUMBER: _ClassVar[int]
        WORKSPACEID_FIELD_NUMBER: _ClassVar[int]
        WORKSPACENAME_FIELD_NUMBER: _ClassVar[int]
        RUNPHASE_FIELD_NUMBER: _ClassVar[int]
        OrganizationID: str
        OrganizationName: str
        ProjectID: str
        ProjectName: str
        WorkspaceID: str
        WorkspaceName: str
        RunPhase: str
        def __init__(self, OrganizationID: _Optional[str] = ..., OrganizationName: _Optional[str] = ..., ProjectID: _Optional[str] = ..., ProjectName: _Optional[str] = ..., WorkspaceID: _Optional[str] = ..., WorkspaceName: _Optional[str] = ..., RunPhase: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2TerraformCloud.Rule]
    Audience: str
    Hostname: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2TerraformCloud.Rule, _Mapping]]] = ..., Audience: _Optional[str] = ..., Hostname: _Optional[str] = ...) -> None: ...

class ProvisionTokenSpecV2Bitbucket(_message.Message):
    __slots__ = ("Allow", "Audience", "IdentityProviderURL")
    class Rule(_message.Message):
        __slots__ = ("WorkspaceUUID", "RepositoryUUID", "DeploymentEnvironmentUUID", "BranchName")
        WORKSPACEUUID_FIELD_NUMBER: _ClassVar[int]
        REPOSITORYUUID_FIELD_NUMBER: _ClassVar[int]
        DEPLOYMENTENVIRONMENTUUID_FIELD_NUMBER: _ClassVar[int]
        BRANCHNAME_FIELD_NUMBER: _ClassVar[int]
        WorkspaceUUID: str
        RepositoryUUID: str
        DeploymentEnvironmentUUID: str
        BranchName: str
        def __init__(self, WorkspaceUUID: _Optional[str] = ..., RepositoryUUID: _Optional[str] = ..., DeploymentEnvironmentUUID: _Optional[str] = ..., BranchName: _Optional[str] = ...) -> None: ...
    ALLOW_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    IDENTITYPROVIDERURL_FIELD_NUMBER: _ClassVar[int]
    Allow: _containers.RepeatedCompositeFieldContainer[ProvisionTokenSpecV2Bitbucket.Rule]
    Audience: str
    IdentityProviderURL: str
    def __init__(self, Allow: _Optional[_Iterable[_Union[ProvisionTokenSpecV2Bitbucket.Rule, _Mapping]]] = ..., Audience: _Optional[str] = ..., IdentityProviderURL: _Optional[str] = ...) -> None: ...

class SSOClientRedirectSettings(_message.Message):
    __slots__ = ("allowed_https_hostnames", "insecure_allowed_cidr_ranges")
    ALLOWED_HTTPS_HOSTNAMES_FIELD_NUMBER: _ClassVar[int]
    INSECURE_ALLOWED_CIDR_RANGES_FIELD_NUMBER: _ClassVar[int]
    allowed_https_hostnames: _containers.RepeatedScalarFieldContainer[str]
    insecure_allowed_cidr_ranges: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, allowed_https_hostnames: _Optional[_Iterable[str]] = ..., insecure_allowed_cidr_ranges: _Optional[_Iterable[str]] = ...) -> None: ...

class GithubConnectorV3(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: GithubConnectorSpecV3
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[GithubConnectorSpecV3, _Mapping]] = ...) -> None: ...

class GithubConnectorV3List(_message.Message):
    __slots__ = ("GithubConnectors",)
    GITHUBCONNECTORS_FIELD_NUMBER: _ClassVar[int]
    GithubConnectors: _containers.RepeatedCompositeFieldContainer[GithubConnectorV3]
    def __init__(self, GithubConnectors: _Optional[_Iterable[_Union[GithubConnectorV3, _Mapping]]] = ...) -> None: ...

class GithubConnectorSpecV3(_message.Message):
    __slots__ = ("ClientID", "ClientSecret", "RedirectURL", "TeamsToLogins", "Display", "TeamsToRoles", "EndpointURL", "APIEndpointURL", "ClientRedirectSettings")
    CLIENTID_FIELD_NUMBER: _ClassVar[int]
    CLIENTSECRET_FIELD_NUMBER: _ClassVar[int]
    REDIRECTURL_FIELD_NUMBER: _ClassVar[int]
    TEAMSTOLOGINS_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_FIELD_NUMBER: _ClassVar[int]
    TEAMSTOROLES_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTURL_FIELD_NUMBER: _ClassVar[int]
    APIENDPOINTURL_FIELD_NUMBER: _ClassVar[int]
    CLIENTREDIRECTSETTINGS_FIELD_NUMBER: _ClassVar[int]
    ClientID: str
    ClientSecret: str
    RedirectURL: str
    TeamsToLogins: _containers.RepeatedCompositeFieldContainer[TeamMapping]
    Display: str
    TeamsToRoles: _containers.RepeatedCompositeFieldContainer[TeamRolesMapping]
    EndpointURL: str
    APIEndpointURL: str
    ClientRedirectSettings: SSOClientRedirectSettings
    def __init__(self, ClientID: _Optional[str] = ..., ClientSecret: _Optional[str] = ..., RedirectURL: _Optional[str] = ..., TeamsToLogins: _Optional[_Iterable[_Union[TeamMapping, _Mapping]]] = ..., Display: _Optional[str] = ..., TeamsToRoles: _Optional[_Iterable[_Union[TeamRolesMapping, _Mapping]]] = ..., EndpointURL: _Optional[str] = ..., APIEndpointURL: _Optional[str] = ..., ClientRedirectSettings: _Optional[_Union[SSOClientRedirectSettings, _Mapping]] = ...) -> None: ...

class TeamMapping(_message.Message):
    __slots__ = ("Organization", "Team", "Logins", "KubeGroups", "KubeUsers")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    LOGINS_FIELD_NUMBER: _ClassVar[int]
    KUBEGROUPS_FIELD_NUMBER: _ClassVar[int]
    KUBEUSERS_FIELD_NUMBER: _ClassVar[int]
    Organization: str
    Team: str
    Logins: _containers.RepeatedScalarFieldContainer[str]
    KubeGroups: _containers.RepeatedScalarFieldContainer[str]
    KubeUsers: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Organization: _Optional[str] = ..., Team: _Optional[str] = ..., Logins: _Optional[_Iterable[str]] = ..., KubeGroups: _Optional[_Iterable[str]] = ..., KubeUsers: _Optional[_Iterable[str]] = ...) -> None: ...

class TeamRolesMapping(_message.Message):
    __slots__ = ("Organization", "Team", "Roles")
    ORGANIZATION_FIELD_NUMBER: _ClassVar[int]
    TEAM_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    Organization: str
    Team: str
    Roles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Organization: _Optional[str] = ..., Team: _Optional[str] = ..., Roles: _Optional[_Iterable[str]] = ...) -> None: ...

class OIDCConnectorV3(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: OIDCConnectorSpecV3
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[OIDCConnectorSpecV3, _Mapping]] = ...) -> None: ...

class OIDCConnectorV3List(_message.Message):
    __slots__ = ("OIDCConnectors",)
    OIDCCONNECTORS_FIELD_NUMBER: _ClassVar[int]
    OIDCConnectors: _containers.RepeatedCompositeFieldContainer[OIDCConnectorV3]
    def __init__(self, OIDCConnectors: _Optional[_Iterable[_Union[OIDCConnectorV3, _Mapping]]] = ...) -> None: ...

class OIDCConnectorSpecV3(_message.Message):
    __slots__ = ("IssuerURL", "ClientID", "ClientSecret", "ACR", "Provider", "Display", "Scope", "Prompt", "ClaimsToRoles", "GoogleServiceAccountURI", "GoogleServiceAccount", "GoogleAdminEmail", "RedirectURLs", "AllowUnverifiedEmail", "UsernameClaim", "MaxAge", "ClientRedirectSettings", "MFASettings", "PKCEMode")
    ISSUERURL_FIELD_NUMBER: _ClassVar[int]
    CLIENTID_FIELD_NUMBER: _ClassVar[int]
    CLIENTSECRET_FIELD_NUMBER: _ClassVar[int]
    ACR_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_FIELD_NUMBER: _ClassVar[int]
    SCOPE_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    CLAIMSTOROLES_FIELD_NUMBER: _ClassVar[int]
    GOOGLESERVICEACCOUNTURI_FIELD_NUMBER: _ClassVar[int]
    GOOGLESERVICEACCOUNT_FIELD_NUMBER: _ClassVar[int]
    GOOGLEADMINEMAIL_FIELD_NUMBER: _ClassVar[int]
    REDIRECTURLS_FIELD_NUMBER: _ClassVar[int]
    ALLOWUNVERIFIEDEMAIL_FIELD_NUMBER: _ClassVar[int]
    USERNAMECLAIM_FIELD_NUMBER: _ClassVar[int]
    MAXAGE_FIELD_NUMBER: _ClassVar[int]
    CLIENTREDIRECTSETTINGS_FIELD_NUMBER: _ClassVar[int]
    MFASETTINGS_FIELD_NUMBER: _ClassVar[int]
    PKCEMODE_FIELD_NUMBER: _ClassVar[int]
    IssuerURL: str
    ClientID: str
    ClientSecret: str
    ACR: str
    Provider: str
    Display: str
    Scope: _containers.RepeatedScalarFieldContainer[str]
    Prompt: str
    ClaimsToRoles: _containers.RepeatedCompositeFieldContainer[ClaimMapping]
    GoogleServiceAccountURI: str
    GoogleServiceAccount: str
    GoogleAdminEmail: str
    RedirectURLs: _wrappers_pb2_1.StringValues
    AllowUnverifiedEmail: bool
    UsernameClaim: str
    MaxAge: MaxAge
    ClientRedirectSettings: SSOClientRedirectSettings
    MFASettings: OIDCConnectorMFASettings
    PKCEMode: str
    def __init__(self, IssuerURL: _Optional[str] = ..., ClientID: _Optional[str] = ..., ClientSecret: _Optional[str] = ..., ACR: _Optional[str] = ..., Provider: _Optional[str] = ..., Display: _Optional[str] = ..., Scope: _Optional[_Iterable[str]] = ..., Prompt: _Optional[str] = ..., ClaimsToRoles: _Optional[_Iterable[_Union[ClaimMapping, _Mapping]]] = ..., GoogleServiceAccountURI: _Optional[str] = ..., GoogleServiceAccount: _Optional[str] = ..., GoogleAdminEmail: _Optional[str] = ..., RedirectURLs: _Optional[_Union[_wrappers_pb2_1.StringValues, _Mapping]] = ..., AllowUnverifiedEmail: _Optional[bool] = ..., UsernameClaim: _Optional[str] = ..., MaxAge: _Optional[_Union[MaxAge, _Mapping]] = ..., ClientRedirectSettings: _Optional[_Union[SSOClientRedirectSettings, _Mapping]] = ..., MFASettings: _Optional[_Union[OIDCConnectorMFASettings, _Mapping]] = ..., PKCEMode: _Optional[str] = ...) -> None: ...

class MaxAge(_message.Message):
    __slots__ = ("Value",)
    VALUE_FIELD_NUMBER: _ClassVar[int]
    Value: int
    def __init__(self, Value: _Optional[int] = ...) -> None: ...

class OIDCConnectorMFASettings(_message.Message):
    __slots__ = ("enabled", "client_id", "client_secret", "acr_values", "prompt", "max_age")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    CLIENT_ID_FIELD_NUMBER: _ClassVar[int]
    CLIENT_SECRET_FIELD_NUMBER: _ClassVar[int]
    ACR_VALUES_FIELD_NUMBER: _ClassVar[int]
    PROMPT_FIELD_NUMBER: _ClassVar[int]
    MAX_AGE_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    client_id: str
    client_secret: str
    acr_values: str
    prompt: str
    max_age: int
    def __init__(self, enabled: _Optional[bool] = ..., client_id: _Optional[str] = ..., client_secret: _Optional[str] = ..., acr_values: _Optional[str] = ..., prompt: _Optional[str] = ..., max_age: _Optional[int] = ...) -> None: ...

class SAMLConnectorV2(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: SAMLConnectorSpecV2
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[SAMLConnectorSpecV2, _Mapping]] = ...) -> None: ...

class SAMLConnectorV2List(_message.Message):
    __slots__ = ("SAMLConnectors",)
    SAMLCONNECTORS_FIELD_NUMBER: _ClassVar[int]
    SAMLConnectors: _containers.RepeatedCompositeFieldContainer[SAMLConnectorV2]
    def __init__(self, SAMLConnectors: _Optional[_Iterable[_Union[SAMLConnectorV2, _Mapping]]] = ...) -> None: ...

class SAMLConnectorSpecV2(_message.Message):
    __slots__ = ("Issuer", "SSO", "Cert", "Display", "AssertionConsumerService", "Audience", "ServiceProviderIssuer", "EntityDescriptor", "EntityDescriptorURL", "AttributesToRoles", "SigningKeyPair", "Provider", "EncryptionKeyPair", "AllowIDPInitiated", "ClientRedirectSettings", "SingleLogoutURL", "MFASettings", "ForceAuthn", "PreferredRequestBinding")
    ISSUER_FIELD_NUMBER: _ClassVar[int]
    SSO_FIELD_NUMBER: _ClassVar[int]
    CERT_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_FIELD_NUMBER: _ClassVar[int]
    ASSERTIONCONSUMERSERVICE_FIELD_NUMBER: _ClassVar[int]
    AUDIENCE_FIELD_NUMBER: _ClassVar[int]
    SERVICEPROVIDERISSUER_FIELD_NUMBER: _ClassVar[int]
    ENTITYDESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    ENTITYDESCRIPTORURL_FIELD_NUMBER: _ClassVar[int]
    ATTRIBUTESTOROLES_FIELD_NUMBER: _ClassVar[int]
    SIGNINGKEYPAIR_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_FIELD_NUMBER: _ClassVar[int]
    ENCRYPTIONKEYPAIR_FIELD_NUMBER: _ClassVar[int]
    ALLOWIDPINITIATED_FIELD_NUMBER: _ClassVar[int]
    CLIENTREDIRECTSETTINGS_FIELD_NUMBER: _ClassVar[int]
    SINGLELOGOUTURL_FIELD_NUMBER: _ClassVar[int]
    MFASETTINGS_FIELD_NUMBER: _ClassVar[int]
    FORCEAUTHN_FIELD_NUMBER: _ClassVar[int]
    PREFERREDREQUESTBINDING_FIELD_NUMBER: _ClassVar[int]
    Issuer: str
    SSO: str
    Cert: str
    Display: str
    AssertionConsumerService: str
    Audience: str
    ServiceProviderIssuer: str
    EntityDescriptor: str
    EntityDescriptorURL: str
    AttributesToRoles: _containers.RepeatedCompositeFieldContainer[AttributeMapping]
    SigningKeyPair: AsymmetricKeyPair
    Provider: str
    EncryptionKeyPair: AsymmetricKeyPair
    AllowIDPInitiated: bool
    ClientRedirectSettings: SSOClientRedirectSettings
    SingleLogoutURL: str
    MFASettings: SAMLConnectorMFASettings
    ForceAuthn: SAMLForceAuthn
    PreferredRequestBinding: str
    def __init__(self, Issuer: _Optional[str] = ..., SSO: _Optional[str] = ..., Cert: _Optional[str] = ..., Display: _Optional[str] = ..., AssertionConsumerService: _Optional[str] = ..., Audience: _Optional[str] = ..., ServiceProviderIssuer: _Optional[str] = ..., EntityDescriptor: _Optional[str] = ..., EntityDescriptorURL: _Optional[str] = ..., AttributesToRoles: _Optional[_Iterable[_Union[AttributeMapping, _Mapping]]] = ..., SigningKeyPair: _Optional[_Union[AsymmetricKeyPair, _Mapping]] = ..., Provider: _Optional[str] = ..., EncryptionKeyPair: _Optional[_Union[AsymmetricKeyPair, _Mapping]] = ..., AllowIDPInitiated: _Optional[bool] = ..., ClientRedirectSettings: _Optional[_Union[SSOClientRedirectSettings, _Mapping]] = ..., SingleLogoutURL: _Optional[str] = ..., MFASettings: _Optional[_Union[SAMLConnectorMFASettings, _Mapping]] = ..., ForceAuthn: _Optional[_Union[SAMLForceAuthn, str]] = ..., PreferredRequestBinding: _Optional[str] = ...) -> None: ...

class SAMLConnectorMFASettings(_message.Message):
    __slots__ = ("enabled", "entity_descriptor", "entity_descriptor_url", "force_authn", "issuer", "sso", "cert")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    ENTITY_DESCRIPTOR_FIELD_NUMBER: _ClassVar[int]
    ENTITY_DESCRIPTOR_URL_FIELD_NUMBER: _ClassVar[int]
    FORCE_AUTHN_FIELD_NUMBER: _ClassVar[int]
    ISSUER_FIELD_NUMBER: _ClassVar[int]
    SSO_FIELD_NUMBER: _ClassVar[int]
    CERT_FIELD_NUMBER: _ClassVar[int]
    enabled: bool
    entity_descriptor: str
    entity_descriptor_url: str
    force_authn: SAMLForceAuthn
    issuer: str
    sso: str
    cert: str
    def __init__(self, enabled: _Optional[bool] = ..., entity_descriptor: _Optional[str] = ..., entity_descriptor_url: _Optional[str] = ..., force_authn: _Optional[_Union[SAMLForceAuthn, str]] = ..., issuer: _Optional[str] = ..., sso: _Optional[str] = ..., cert: _Optional[str] = ...) -> None: ...

class AttributeMapping(_message.Message):
    __slots__ = ("Name", "Value", "Roles")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Value: str
    Roles: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Name: _Optional[str] = ..., Value: _Optional[str] = ..., Roles: _Optional[_Iterable[str]] = ...) -> None: ...

class AsymmetricKeyPair(_message.Message):
    __slots__ = ("PrivateKey", "Cert")
    PRIVATEKEY_FIELD_NUMBER: _ClassVar[int]
    CERT_FIELD_NUMBER: _ClassVar[int]
    PrivateKey: str
    Cert: str
    def __init__(self, PrivateKey: _Optional[str] = ..., Cert: _Optional[str] = ...) -> None: ...

class OktaImportRuleV1(_message.Message):
    __slots__ = ("Header", "Spec")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Header: ResourceHeader
    Spec: OktaImportRuleSpecV1
    def __init__(self, Header: _Optional[_Union[ResourceHeader, _Mapping]] = ..., Spec: _Optional[_Union[OktaImportRuleSpecV1, _Mapping]] = ...) -> None: ...

class OktaImportRuleSpecV1(_message.Message):
    __slots__ = ("Priority", "Mappings")
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    MAPPINGS_FIELD_NUMBER: _ClassVar[int]
    Priority: int
    Mappings: _containers.RepeatedCompositeFieldContainer[OktaImportRuleMappingV1]
    def __init__(self, Priority: _Optional[int] = ..., Mappings: _Optional[_Iterable[_Union[OktaImportRuleMappingV1, _Mapping]]] = ...) -> None: ...

class OktaImportRuleMappingV1(_message.Message):
    __slots__ = ("Match", "AddLabels")
    class AddLabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    MATCH_FIELD_NUMBER: _ClassVar[int]
    ADDLABELS_FIELD_NUMBER: _ClassVar[int]
    Match: _containers.RepeatedCompositeFieldContainer[OktaImportRuleMatchV1]
    AddLabels: _containers.ScalarMap[str, str]
    def __init__(self, Match: _Optional[_Iterable[_Union[OktaImportRuleMatchV1, _Mapping]]] = ..., AddLabels: _Optional[_Mapping[str, str]] = ...) -> None: ...

class OktaImportRuleMatchV1(_message.Message):
    __slots__ = ("AppIDs", "GroupIDs", "AppNameRegexes", "GroupNameRegexes")
    APPIDS_FIELD_NUMBER: _ClassVar[int]
    GROUPIDS_FIELD_NUMBER: _ClassVar[int]
    APPNAMEREGEXES_FIELD_NUMBER: _ClassVar[int]
    GROUPNAMEREGEXES_FIELD_NUMBER: _ClassVar[int]
    AppIDs: _containers.RepeatedScalarFieldContainer[str]
    GroupIDs: _containers.RepeatedScalarFieldContainer[str]
    AppNameRegexes: _containers.RepeatedScalarFieldContainer[str]
    GroupNameRegexes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, AppIDs: _Optional[_Iterable[str]] = ..., GroupIDs: _Optional[_Iterable[str]] = ..., AppNameRegexes: _Optional[_Iterable[str]] = ..., GroupNameRegexes: _Optional[_Iterable[str]] = ...) -> None: ...

class ResourceInNamespaceRequest(_message.Message):
    __slots__ = ("Name", "Namespace")
    NAME_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Namespace: str
    def __init__(self, Name: _Optional[str] = ..., Namespace: _Optional[str] = ...) -> None: ...

class KeepAlive(_message.Message):
    __slots__ = ("Name", "Namespace", "Expires", "Type", "HostID")
    class KeepAliveType(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        UNKNOWN: _ClassVar[KeepAlive.KeepAliveType]
        NODE: _ClassVar[KeepAlive.KeepAliveType]
        APP: _ClassVar[KeepAlive.KeepAliveType]
        DATABASE: _ClassVar[KeepAlive.KeepAliveType]
        WINDOWS_DESKTOP: _ClassVar[KeepAlive.KeepAliveType]
        KUBERNETES: _ClassVar[KeepAlive.KeepAliveType]
        DATABASE_SERVICE: _ClassVar[KeepAlive.KeepAliveType]
    UNKNOWN: KeepAlive.KeepAliveType
    NODE: KeepAlive.KeepAliveType
    APP: KeepAlive.KeepAliveType
    DATABASE: KeepAlive.KeepAliveType
    WINDOWS_DESKTOP: KeepAlive.KeepAliveType
    KUBERNETES: KeepAlive.KeepAliveType
    DATABASE_SERVICE: KeepAlive.KeepAliveType
    NAME_FIELD_NUMBER: _ClassVar[int]
    NAMESPACE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    TYPE_FIELD_NUMBER: _ClassVar[int]
    HOSTID_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Namespace: str
    Expires: _timestamp_pb2.Timestamp
    Type: KeepAlive.KeepAliveType
    HostID: str
    def __init__(self, Name: _Optional[str] = ..., Namespace: _Optional[str] = ..., Expires: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., Type: _Optional[_Union[KeepAlive.KeepAliveType, str]] = ..., HostID: _Optional[str] = ...) -> None: ...

class CommandLabelV2(_message.Message):
    __slots__ = ("Period", "Command", "Result")
    PERIOD_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    Period: int
    Command: _containers.RepeatedScalarFieldContainer[str]
    Result: str
    def __init__(self, Period: _Optional[int] = ..., Command: _Optional[_Iterable[str]] = ..., Result: _Optional[str] = ...) -> None: ...

class ServerV2(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: ServerSpecV2
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[ServerSpecV2, _Mapping]] = ...) -> None: ...

class ServerSpecV2(_message.Message):
    __slots__ = ("Addr", "Hostname", "CmdLabels", "UseTunnel", "Version", "PeerAddr", "ProxyIDs", "public_addrs", "CloudMetadata")
    class CmdLabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: CommandLabelV2
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[CommandLabelV2, _Mapping]] = ...) -> None: ...
    ADDR_FIELD_NUMBER: _ClassVar[int]
    HOSTNAME_FIELD_NUMBER: _ClassVar[int]
    CMDLABELS_FIELD_NUMBER: _ClassVar[int]
    USETUNNEL_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    PEERADDR_FIELD_NUMBER: _ClassVar[int]
    PROXYIDS_FIELD_NUMBER: _ClassVar[int]
    PUBLIC_ADDRS_FIELD_NUMBER: _ClassVar[int]
    CLOUDMETADATA_FIELD_NUMBER: _ClassVar[int]
    Addr: str
    Hostname: str
    CmdLabels: _containers.MessageMap[str, CommandLabelV2]
    UseTunnel: bool
    Version: str
    PeerAddr: str
    ProxyIDs: _containers.RepeatedScalarFieldContainer[str]
    public_addrs: _containers.RepeatedScalarFieldContainer[str]
    CloudMetadata: CloudMetadata
    def __init__(self, Addr: _Optional[str] = ..., Hostname: _Optional[str] = ..., CmdLabels: _Optional[_Mapping[str, CommandLabelV2]] = ..., UseTunnel: _Optional[bool] = ..., Version: _Optional[str] = ..., PeerAddr: _Optional[str] = ..., ProxyIDs: _Optional[_Iterable[str]] = ..., public_addrs: _Optional[_Iterable[str]] = ..., CloudMetadata: _Optional[_Union[CloudMetadata, _Mapping]] = ...) -> None: ...

class CloudMetadata(_message.Message):
    __slots__ = ("AWS",)
    AWS_FIELD_NUMBER: _ClassVar[int]
    AWS: AWSInfo
    def __init__(self, AWS: _Optional[_Union[AWSInfo, _Mapping]] = ...) -> None: ...

class AWSInfo(_message.Message):
    __slots__ = ("AccountID", "InstanceID", "Region", "VPCID", "Integration", "SubnetID")
    ACCOUNTID_FIELD_NUMBER: _ClassVar[int]
    INSTANCEID_FIELD_NUMBER: _ClassVar[int]
    REGION_FIELD_NUMBER: _ClassVar[int]
    VPCID_FIELD_NUMBER: _ClassVar[int]
    INTEGRATION_FIELD_NUMBER: _ClassVar[int]
    SUBNETID_FIELD_NUMBER: _ClassVar[int]
    AccountID: str
    InstanceID: str
    Region: str
    VPCID: str
    Integration: str
    SubnetID: str
    def __init__(self, AccountID: _Optional[str] = ..., InstanceID: _Optional[str] = ..., Region: _Optional[str] = ..., VPCID: _Optional[str] = ..., Integration: _Optional[str] = ..., SubnetID: _Optional[str] = ...) -> None: ...

class AppV3(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: AppSpecV3
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[AppSpecV3, _Mapping]] = ...) -> None: ...

class AppSpecV3(_message.Message):
    __slots__ = ("URI", "PublicAddr", "DynamicLabels", "InsecureSkipVerify", "Rewrite", "AWS", "Cloud", "UserGroups", "Integration", "RequiredAppNames", "CORS", "IdentityCenter", "TCPPorts")
    class DynamicLabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: CommandLabelV2
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[CommandLabelV2, _Mapping]] = ...) -> None: ...
    URI_FIELD_NUMBER: _ClassVar[int]
    PUBLICADDR_FIELD_NUMBER: _ClassVar[int]
    DYNAMICLABELS_FIELD_NUMBER: _ClassVar[int]
    INSECURESKIPVERIFY_FIELD_NUMBER: _ClassVar[int]
    REWRITE_FIELD_NUMBER: _ClassVar[int]
    AWS_FIELD_NUMBER: _ClassVar[int]
    CLOUD_FIELD_NUMBER: _ClassVar[int]
    USERGROUPS_FIELD_NUMBER: _ClassVar[int]
    INTEGRATION_FIELD_NUMBER: _ClassVar[int]
    REQUIREDAPPNAMES_FIELD_NUMBER: _ClassVar[int]
    CORS_FIELD_NUMBER: _ClassVar[int]
    IDENTITYCENTER_FIELD_NUMBER: _ClassVar[int]
    TCPPORTS_FIELD_NUMBER: _ClassVar[int]
    URI: str
    PublicAddr: str
    DynamicLabels: _containers.MessageMap[str, CommandLabelV2]
    InsecureSkipVerify: bool
    Rewrite: Rewrite
    AWS: AppAWS
    Cloud: str
    UserGroups: _containers.RepeatedScalarFieldContainer[str]
    Integration: str
    RequiredAppNames: _containers.RepeatedScalarFieldContainer[str]
    CORS: CORSPolicy
    IdentityCenter: AppIdentityCenter
    TCPPorts: _containers.RepeatedCompositeFieldContainer[PortRange]
    def __init__(self, URI: _Optional[str] = ..., PublicAddr: _Optional[str] = ..., DynamicLabels: _Optional[_Mapping[str, CommandLabelV2]] = ..., InsecureSkipVerify: _Optional[bool] = ..., Rewrite: _Optional[_Union[Rewrite, _Mapping]] = ..., AWS: _Optional[_Union[AppAWS, _Mapping]] = ..., Cloud: _Optional[str] = ..., UserGroups: _Optional[_Iterable[str]] = ..., Integration: _Optional[str] = ..., RequiredAppNames: _Optional[_Iterable[str]] = ..., CORS: _Optional[_Union[CORSPolicy, _Mapping]] = ..., IdentityCenter: _Optional[_Union[AppIdentityCenter, _Mapping]] = ..., TCPPorts: _Optional[_Iterable[_Union[PortRange, _Mapping]]] = ...) -> None: ...

class Rewrite(_message.Message):
    __slots__ = ("Redirect", "Headers", "JWTClaims")
    REDIRECT_FIELD_NUMBER: _ClassVar[int]
    HEADERS_FIELD_NUMBER: _ClassVar[int]
    JWTCLAIMS_FIELD_NUMBER: _ClassVar[int]
    Redirect: _containers.RepeatedScalarFieldContainer[str]
    Headers: _containers.RepeatedCompositeFieldContainer[Header]
    JWTClaims: str
    def __init__(self, Redirect: _Optional[_Iterable[str]] = ..., Headers: _Optional[_Iterable[_Union[Header, _Mapping]]] = ..., JWTClaims: _Optional[str] = ...) -> None: ...

class Header(_message.Message):
    __slots__ = ("Name", "Value")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    Name: str
    Value: str
    def __init__(self, Name: _Optional[str] = ..., Value: _Optional[str] = ...) -> None: ...

class AppAWS(_message.Message):
    __slots__ = ("ExternalID",)
    EXTERNALID_FIELD_NUMBER: _ClassVar[int]
    ExternalID: str
    def __init__(self, ExternalID: _Optional[str] = ...) -> None: ...

class CORSPolicy(_message.Message):
    __slots__ = ("allowed_origins", "allowed_methods", "allowed_headers", "allow_credentials", "max_age", "exposed_headers")
    ALLOWED_ORIGINS_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_METHODS_FIELD_NUMBER: _ClassVar[int]
    ALLOWED_HEADERS_FIELD_NUMBER: _ClassVar[int]
    ALLOW_CREDENTIALS_FIELD_NUMBER: _ClassVar[int]
    MAX_AGE_FIELD_NUMBER: _ClassVar[int]
    EXPOSED_HEADERS_FIELD_NUMBER: _ClassVar[int]
    allowed_origins: _containers.RepeatedScalarFieldContainer[str]
    allowed_methods: _containers.RepeatedScalarFieldContainer[str]
    allowed_headers: _containers.RepeatedScalarFieldContainer[str]
    allow_credentials: bool
    max_age: int
    exposed_headers: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, allowed_origins: _Optional[_Iterable[str]] = ..., allowed_methods: _Optional[_Iterable[str]] = ..., allowed_headers: _Optional[_Iterable[str]] = ..., allow_credentials: _Optional[bool] = ..., max_age: _Optional[int] = ..., exposed_headers: _Optional[_Iterable[str]] = ...) -> None: ...

class AppIdentityCenter(_message.Message):
    __slots__ = ("AccountID", "PermissionSets")
    ACCOUNTID_FIELD_NUMBER: _ClassVar[int]
    PERMISSIONSETS_FIELD_NUMBER: _ClassVar[int]
    AccountID: str
    PermissionSets: _containers.RepeatedCompositeFieldContainer[IdentityCenterPermissionSet]
    def __init__(self, AccountID: _Optional[str] = ..., PermissionSets: _Optional[_Iterable[_Union[IdentityCenterPermissionSet, _Mapping]]] = ...) -> None: ...

class IdentityCenterPermissionSet(_message.Message):
    __slots__ = ("ARN", "Name", "AssignmentID")
    ARN_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    ASSIGNMENTID_FIELD_NUMBER: _ClassVar[int]
    ARN: str
    Name: str
    AssignmentID: str
    def __init__(self, ARN: _Optional[str] = ..., Name: _Optional[str] = ..., AssignmentID: _Optional[str] = ...) -> None: ...

class PortRange(_message.Message):
    __slots__ = ("Port", "EndPort")
    PORT_FIELD_NUMBER: _ClassVar[int]
    ENDPORT_FIELD_NUMBER: _ClassVar[int]
    Port: int
    EndPort: int
    def __init__(self, Port: _Optional[int] = ..., EndPort: _Optional[int] = ...) -> None: ...

class DatabaseV3(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec", "Status")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: DatabaseSpecV3
    Status: DatabaseStatusV3
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[DatabaseSpecV3, _Mapping]] = ..., Status: _Optional[_Union[DatabaseStatusV3, _Mapping]] = ...) -> None: ...

class DatabaseSpecV3(_message.Message):
    __slots__ = ("Protocol", "URI", "CACert", "DynamicLabels", "AWS", "GCP", "Azure", "TLS", "AD", "MySQL", "AdminUser", "MongoAtlas", "Oracle")
    class DynamicLabelsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: CommandLabelV2
        def __init__(self, key: _Optional[str] = ..., value: _Optional[_Union[CommandLabelV2, _Mapping]] = ...) -> None: ...
    PROTOCOL_FIELD_NUMBER: _ClassVar[int]
    URI_FIELD_NUMBER: _ClassVar[int]
    CACERT_FIELD_NUMBER: _ClassVar[int]
    DYNAMICLABELS_FIELD_NUMBER: _ClassVar[int]
    AWS_FIELD_NUMBER: _ClassVar[int]
    GCP_FIELD_NUMBER: _ClassVar[int]
    AZURE_FIELD_NUMBER: _ClassVar[int]
    TLS_FIELD_NUMBER: _ClassVar[int]
    AD_FIELD_NUMBER: _ClassVar[int]
    MYSQL_FIELD_NUMBER: _ClassVar[int]
    ADMINUSER_FIELD_NUMBER: _ClassVar[int]
    MONGOATLAS_FIELD_NUMBER: _ClassVar[int]
    ORACLE_FIELD_NUMBER: _ClassVar[int]
    Protocol: str
    URI: str
    CACert: str
    DynamicLabels: _containers.MessageMap[str, CommandLabelV2]
    AWS: AWS
    GCP: GCPCloudSQL
    Azure: Azure
    TLS: DatabaseTLS
    AD: AD
    MySQL: MySQLOptions
    AdminUser: DatabaseAdminUser
    MongoAtlas: MongoAtlas
    Oracle: OracleOptions
    def __init__(self, Protocol: _Optional[str] = ..., URI: _Optional[str] = ..., CACert: _Optional[str] = ..., DynamicLabels: _Optional[_Mapping[str, CommandLabelV2]] = ..., AWS: _Optional[_Union[AWS, _Mapping]] = ..., GCP: _Optional[_Union[GCPCloudSQL, _Mapping]] = ..., Azure: _Optional[_Union[Azure, _Mapping]] = ..., TLS: _Optional[_Union[DatabaseTLS, _Mapping]] = ..., AD: _Optional[_Union[AD, _Mapping]] = ..., MySQL: _Optional[_Union[MySQLOptions, _Mapping]] = ..., AdminUser: _Optional[_Union[DatabaseAdminUser, _Mapping]] = ..., MongoAtlas: _Optional[_Union[MongoAtlas, _Mapping]] = ..., Oracle: _Optional[_Union[OracleOptions, _Mapping]] = ...) -> None: ...

class DatabaseStatusV3(_message.Message):
    __slots__ = ("CACert", "ManagedUsers")
    CACERT_FIELD_NUMBER: _ClassVar[int]
    MANAGEDUSERS_FIELD_NUMBER: _ClassVar[int]
    CACert: str
    ManagedUsers: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, CACert: _Optional[str] = ..., ManagedUsers: _Optional[_Iterable[str]] = ...) -> None: ...

class DatabaseAdminUser(_message.Message):
    __slots__ = ("Name", "DefaultDatabase")
    NAME_FIELD_NUMBER: _ClassVar[int]
    DEFAULTDATABASE_FIELD_NUMBER: _ClassVar[int]
    Name: str
    DefaultDatabase: str
    def __init__(self, Name: _Optional[str] = ..., DefaultDatabase: _Optional[str] = ...) -> None: ...

class OracleOptions(_message.Message):
    __slots__ = ("AuditUser",)
    AUDITUSER_FIELD_NUMBER: _ClassVar[int]
    AuditUser: str
    def __init__(self, AuditUser: _Optional[str] = ...) -> None: ...

class AWS(_message.Message):
    __slots__ = ("Region", "Redshift", "RDS", "AccountID", "ElastiCache", "SecretStore", "MemoryDB", "RDSProxy", "RedshiftServerless", "ExternalID", "AssumeRoleARN", "OpenSearch", "SessionTags", "DocumentDB")
    class SessionTagsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    REGION_FIELD_NUMBER: _ClassVar[int]
    REDSHIFT_FIELD_NUMBER: _ClassVar[int]
    RDS_FIELD_NUMBER: _ClassVar[int]
    ACCOUNTID_FIELD_NUMBER: _ClassVar[int]
    ELASTICACHE_FIELD_NUMBER: _ClassVar[int]
    SECRETSTORE_FIELD_NUMBER: _ClassVar[int]
    MEMORYDB_FIELD_NUMBER: _ClassVar[int]
    RDSPROXY_FIELD_NUMBER: _ClassVar[int]
    REDSHIFTSERVERLESS_FIELD_NUMBER: _ClassVar[int]
    EXTERNALID_FIELD_NUMBER: _ClassVar[int]
    ASSUMEROLEARN_FIELD_NUMBER: _ClassVar[int]
    OPENSEARCH_FIELD_NUMBER: _ClassVar[int]
    SESSIONTAGS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTDB_FIELD_NUMBER: _ClassVar[int]
    Region: str
    Redshift: Redshift
    RDS: RDS
    AccountID: str
    ElastiCache: ElastiCache
    SecretStore: SecretStore
    MemoryDB: MemoryDB
    RDSProxy: RDSProxy
    RedshiftServerless: RedshiftServerless
    ExternalID: str
    AssumeRoleARN: str
    OpenSearch: OpenSearch
    SessionTags: _containers.ScalarMap[str, str]
    DocumentDB: DocumentDB
    def __init__(self, Region: _Optional[str] = ..., Redshift: _Optional[_Union[Redshift, _Mapping]] = ..., RDS: _Optional[_Union[RDS, _Mapping]] = ..., AccountID: _Optional[str] = ..., ElastiCache: _Optional[_Union[ElastiCache, _Mapping]] = ..., SecretStore: _Optional[_Union[SecretStore, _Mapping]] = ..., MemoryDB: _Optional[_Union[MemoryDB, _Mapping]] = ..., RDSProxy: _Optional[_Union[RDSProxy, _Mapping]] = ..., RedshiftServerless: _Optional[_Union[RedshiftServerless, _Mapping]] = ..., ExternalID: _Optional[str] = ..., AssumeRoleARN: _Optional[str] = ..., OpenSearch: _Optional[_Union[OpenSearch, _Mapping]] = ..., SessionTags: _Optional[_Mapping[str, str]] = ..., DocumentDB: _Optional[_Union[DocumentDB, _Mapping]] = ...) -> None: ...

class SecretStore(_message.Message):
    __slots__ = ("KeyPrefix", "KMSKeyID")
    KEYPREFIX_FIELD_NUMBER: _ClassVar[int]
    KMSKEYID_FIELD_NUMBER: _ClassVar[int]
    KeyPrefix: str
    KMSKeyID: str
    def __init__(self, KeyPrefix: _Optional[str] = ..., KMSKeyID: _Optional[str] = ...) -> None: ...

class Redshift(_message.Message):
    __slots__ = ("ClusterID",)
    CLUSTERID_FIELD_NUMBER: _ClassVar[int]
    ClusterID: str
    def __init__(self, ClusterID: _Optional[str] = ...) -> None: ...

class RDS(_message.Message):
    __slots__ = ("InstanceID", "ClusterID", "ResourceID", "IAMAuth", "Subnets", "VPCID", "SecurityGroups")
    INSTANCEID_FIELD_NUMBER: _ClassVar[int]
    CLUSTERID_FIELD_NUMBER: _ClassVar[int]
    RESOURCEID_FIELD_NUMBER: _ClassVar[int]
    IAMAUTH_FIELD_NUMBER: _ClassVar[int]
    SUBNETS_FIELD_NUMBER: _ClassVar[int]
    VPCID_FIELD_NUMBER: _ClassVar[int]
    SECURITYGROUPS_FIELD_NUMBER: _ClassVar[int]
    InstanceID: str
    ClusterID: str
    ResourceID: str
    IAMAuth: bool
    Subnets: _containers.RepeatedScalarFieldContainer[str]
    VPCID: str
    SecurityGroups: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, InstanceID: _Optional[str] = ..., ClusterID: _Optional[str] = ..., ResourceID: _Optional[str] = ..., IAMAuth: _Optional[bool] = ..., Subnets: _Optional[_Iterable[str]] = ..., VPCID: _Optional[str] = ..., SecurityGroups: _Optional[_Iterable[str]] = ...) -> None: ...

class RDSProxy(_message.Message):
    __slots__ = ("Name", "CustomEndpointName", "ResourceID")
    NAME_FIELD_NUMBER: _ClassVar[int]
    CUSTOMENDPOINTNAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCEID_FIELD_NUMBER: _ClassVar[int]
    Name: str
    CustomEndpointName: str
    ResourceID: str
    def __init__(self, Name: _Optional[str] = ..., CustomEndpointName: _Optional[str] = ..., ResourceID: _Optional[str] = ...) -> None: ...

class ElastiCache(_message.Message):
    __slots__ = ("ReplicationGroupID", "UserGroupIDs", "TransitEncryptionEnabled", "EndpointType")
    REPLICATIONGROUPID_FIELD_NUMBER: _ClassVar[int]
    USERGROUPIDS_FIELD_NUMBER: _ClassVar[int]
    TRANSITENCRYPTIONENABLED_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTTYPE_FIELD_NUMBER: _ClassVar[int]
    ReplicationGroupID: str
    UserGroupIDs: _containers.RepeatedScalarFieldContainer[str]
    TransitEncryptionEnabled: bool
    EndpointType: str
    def __init__(self, ReplicationGroupID: _Optional[str] = ..., UserGroupIDs: _Optional[_Iterable[str]] = ..., TransitEncryptionEnabled: _Optional[bool] = ..., EndpointType: _Optional[str] = ...) -> None: ...

class MemoryDB(_message.Message):
    __slots__ = ("ClusterName", "ACLName", "TLSEnabled", "EndpointType")
    CLUSTERNAME_FIELD_NUMBER: _ClassVar[int]
    ACLNAME_FIELD_NUMBER: _ClassVar[int]
    TLSENABLED_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTTYPE_FIELD_NUMBER: _ClassVar[int]
    ClusterName: str
    ACLName: str
    TLSEnabled: bool
    EndpointType: str
    def __init__(self, ClusterName: _Optional[str] = ..., ACLName: _Optional[str] = ..., TLSEnabled: _Optional[bool] = ..., EndpointType: _Optional[str] = ...) -> None: ...

class RedshiftServerless(_message.Message):
    __slots__ = ("WorkgroupName", "EndpointName", "WorkgroupID")
    WORKGROUPNAME_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTNAME_FIELD_NUMBER: _ClassVar[int]
    WORKGROUPID_FIELD_NUMBER: _ClassVar[int]
    WorkgroupName: str
    EndpointName: str
    WorkgroupID: str
    def __init__(self, WorkgroupName: _Optional[str] = ..., EndpointName: _Optional[str] = ..., WorkgroupID: _Optional[str] = ...) -> None: ...

class OpenSearch(_message.Message):
    __slots__ = ("DomainName", "DomainID", "EndpointType")
    DOMAINNAME_FIELD_NUMBER: _ClassVar[int]
    DOMAINID_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTTYPE_FIELD_NUMBER: _ClassVar[int]
    DomainName: str
    DomainID: str
    EndpointType: str
    def __init__(self, DomainName: _Optional[str] = ..., DomainID: _Optional[str] = ..., EndpointType: _Optional[str] = ...) -> None: ...

class DocumentDB(_message.Message):
    __slots__ = ("ClusterID", "InstanceID", "EndpointType")
    CLUSTERID_FIELD_NUMBER: _ClassVar[int]
    INSTANCEID_FIELD_NUMBER: _ClassVar[int]
    ENDPOINTTYPE_FIELD_NUMBER: _ClassVar[int]
    ClusterID: str
    InstanceID: str
    EndpointType: str
    def __init__(self, ClusterID: _Optional[str] = ..., InstanceID: _Optional[str] = ..., EndpointType: _Optional[str] = ...) -> None: ...

class GCPCloudSQL(_message.Message):
    __slots__ = ("ProjectID", "InstanceID")
    PROJECTID_FIELD_NUMBER: _ClassVar[int]
    INSTANCEID_FIELD_NUMBER: _ClassVar[int]
    ProjectID: str
    InstanceID: str
    def __init__(self, ProjectID: _Optional[str] = ..., InstanceID: _Optional[str] = ...) -> None: ...

class Azure(_message.Message):
    __slots__ = ("Name", "ResourceID", "Redis", "IsFlexiServer")
    NAME_FIELD_NUMBER: _ClassVar[int]
    RESOURCEID_FIELD_NUMBER: _ClassVar[int]
    REDIS_FIELD_NUMBER: _ClassVar[int]
    ISFLEXISERVER_FIELD_NUMBER: _ClassVar[int]
    Name: str
    ResourceID: str
    Redis: AzureRedis
    IsFlexiServer: bool
    def __init__(self, Name: _Optional[str] = ..., ResourceID: _Optional[str] = ..., Redis: _Optional[_Union[AzureRedis, _Mapping]] = ..., IsFlexiServer: _Optional[bool] = ...) -> None: ...

class AzureRedis(_message.Message):
    __slots__ = ("ClusteringPolicy",)
    CLUSTERINGPOLICY_FIELD_NUMBER: _ClassVar[int]
    ClusteringPolicy: str
    def __init__(self, ClusteringPolicy: _Optional[str] = ...) -> None: ...

class AD(_message.Message):
    __slots__ = ("KeytabFile", "Krb5File", "Domain", "SPN", "LDAPCert", "KDCHostName")
    KEYTABFILE_FIELD_NUMBER: _ClassVar[int]
    KRB5FILE_FIELD_NUMBER: _ClassVar[int]
    DOMAIN_FIELD_NUMBER: _ClassVar[int]
    SPN_FIELD_NUMBER: _ClassVar[int]
    LDAPCERT_FIELD_NUMBER: _ClassVar[int]
    KDCHOSTNAME_FIELD_NUMBER: _ClassVar[int]
    KeytabFile: str
    Krb5File: str
    Domain: str
    SPN: str
    LDAPCert: str
    KDCHostName: str
    def __init__(self, KeytabFile: _Optional[str] = ..., Krb5File: _Optional[str] = ..., Domain: _Optional[str] = ..., SPN: _Optional[str] = ..., LDAPCert: _Optional[str] = ..., KDCHostName: _Optional[str] = ...) -> None: ...

class DatabaseTLS(_message.Message):
    __slots__ = ("Mode", "CACert", "ServerName", "TrustSystemCertPool")
    MODE_FIELD_NUMBER: _ClassVar[int]
    CACERT_FIELD_NUMBER: _ClassVar[int]
    SERVERNAME_FIELD_NUMBER: _ClassVar[int]
    TRUSTSYSTEMCERTPOOL_FIELD_NUMBER: _ClassVar[int]
    Mode: DatabaseTLSMode
    CACert: str
    ServerName: str
    TrustSystemCertPool: bool
    def __init__(self, Mode: _Optional[_Union[DatabaseTLSMode, str]] = ..., CACert: _Optional[str] = ..., ServerName: _Optional[str] = ..., TrustSystemCertPool: _Optional[bool] = ...) -> None: ...

class MySQLOptions(_message.Message):
    __slots__ = ("ServerVersion",)
    SERVERVERSION_FIELD_NUMBER: _ClassVar[int]
    ServerVersion: str
    def __init__(self, ServerVersion: _Optional[str] = ...) -> None: ...

class MongoAtlas(_message.Message):
    __slots__ = ("Name",)
    NAME_FIELD_NUMBER: _ClassVar[int]
    Name: str
    def __init__(self, Name: _Optional[str] = ...) -> None: ...

class TrustedClusterV2(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: TrustedClusterSpecV2
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[TrustedClusterSpecV2, _Mapping]] = ...) -> None: ...

class TrustedClusterSpecV2(_message.Message):
    __slots__ = ("Enabled", "Roles", "Token", "ProxyAddress", "ReverseTunnelAddress", "RoleMap")
    ENABLED_FIELD_NUMBER: _ClassVar[int]
    ROLES_FIELD_NUMBER: _ClassVar[int]
    TOKEN_FIELD_NUMBER: _ClassVar[int]
    PROXYADDRESS_FIELD_NUMBER: _ClassVar[int]
    REVERSETUNNELADDRESS_FIELD_NUMBER: _ClassVar[int]
    ROLEMAP_FIELD_NUMBER: _ClassVar[int]
    Enabled: bool
    Roles: _containers.RepeatedScalarFieldContainer[str]
    Token: str
    ProxyAddress: str
    ReverseTunnelAddress: str
    RoleMap: _containers.RepeatedCompositeFieldContainer[RoleMapping]
    def __init__(self, Enabled: _Optional[bool] = ..., Roles: _Optional[_Iterable[str]] = ..., Token: _Optional[str] = ..., ProxyAddress: _Optional[str] = ..., ReverseTunnelAddress: _Optional[str] = ..., RoleMap: _Optional[_Iterable[_Union[RoleMapping, _Mapping]]] = ...) -> None: ...

class RoleMapping(_message.Message):
    __slots__ = ("Remote", "Local")
    REMOTE_FIELD_NUMBER: _ClassVar[int]
    LOCAL_FIELD_NUMBER: _ClassVar[int]
    Remote: str
    Local: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, Remote: _Optional[str] = ..., Local: _Optional[_Iterable[str]] = ...) -> None: ...

class LockV2(_message.Message):
    __slots__ = ("Kind", "SubKind", "Version", "Metadata", "Spec")
    KIND_FIELD_NUMBER: _ClassVar[int]
    SUBKIND_FIELD_NUMBER: _ClassVar[int]
    VERSION_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    SPEC_FIELD_NUMBER: _ClassVar[int]
    Kind: str
    SubKind: str
    Version: str
    Metadata: Metadata
    Spec: LockSpecV2
    def __init__(self, Kind: _Optional[str] = ..., SubKind: _Optional[str] = ..., Version: _Optional[str] = ..., Metadata: _Optional[_Union[Metadata, _Mapping]] = ..., Spec: _Optional[_Union[LockSpecV2, _Mapping]] = ...) -> None: ...

class LockSpecV2(_message.Message):
    __slots__ = ("Target", "Message", "Expires", "CreatedAt", "CreatedBy")
    TARGET_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_FIELD_NUMBER: _ClassVar[int]
    CREATEDAT_FIELD_NUMBER: _ClassVar[int]
    CREATEDBY_FIELD_NUMBER: _ClassVar[int]
    Target: LockTarget
    Message: str
    Expires: _timestamp_pb2.Timestamp
    CreatedAt: _timestamp_pb2.Timestamp
    CreatedBy: str
    def __init__(self, Target: _Optional[_Union[LockTarget, _Mapping]] = ..., Message: _Optional[str] = ..., Expires: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., CreatedAt: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., CreatedBy: _Optional[str] = ...) -> None: ...

class LockTarget(_message.Message):
    __slots__ = ("User", "Role", "Login", "Node", "MFADevice", "WindowsDesktop", "AccessRequest", "Device", "ServerID")
    USER_FIELD_NUMBER: _ClassVar[int]
    ROLE_FIELD_NUMBER: _ClassVar[int]
    LOGIN_FIELD_NUMBER: _ClassVar[int]
    NODE_FIELD_NUMBER: _ClassVar[int]
    MFADEVICE_FIELD_NUMBER: _ClassVar[int]
    WINDOWSDESKTOP_FIELD_NUMBER: _ClassVar[int]
    ACCESSREQUEST_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    SERVERID_FIELD_NUMBER: _ClassVar[int]
    User: str
    Role: str
    Login: str
    Node: str
    MFADevice: str
    WindowsDesktop: str
    AccessRequest: str
    Device: str
    ServerID: str
    def __init__(self, User: _Optional[str] = ..., Role: _Optional[str] = ..., Login: _Optional[str] = ..., Node: _Optional[str] = ..., MFADevice: _Optional[str] = ..., WindowsDesktop: _Optional[str] = ..., AccessRequest: _Optional[str] = ..., Device: _Optional[str] = ..., ServerID: _Optional[str] = ...) -> None: ...
