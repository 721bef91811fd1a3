"""Field numbers and wire kinds of every declared field, as published by Teleport.

Typed in from Teleport's api/proto sources (types.proto, authservice.proto, event.proto,
users_service.proto, loginrule*.proto, okta_service.proto; Teleport 17/18 snapshots), not
derived from our own .proto files. Kinds: s string, i varint integer, b bool, e enum, y bytes,
m message, M map<string,string>, L map<string,message>. Repeated-ness comes from the descriptor.
"""

TYPES = {
    "Metadata": "Name=1:s Namespace=2:s Description=3:s Labels=5:M Expires=6:m Revision=8:s",
    "ResourceHeader": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m",
    "BoolValue": "Value=1:b",
    "ResourceRequest": "Name=1:s",
    "ResourceWithSecretsRequest": "Name=1:s WithSecrets=2:b SAMLValidationNoFollowURLs=3:b",
    "ResourcesWithSecretsRequest": "WithSecrets=1:b SAMLValidationNoFollowURLs=2:b",
    "WatchKind": "Kind=1:s LoadSecrets=2:b Name=3:s Filter=4:M SubKind=5:s Version=6:s",
    "RoleV6": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "RoleSpecV6": "Options=1:m Allow=2:m Deny=3:m",
    "SSHLocalPortForwarding": "Enabled=1:m",
    "SSHRemotePortForwarding": "Enabled=1:m",
    "SSHPortForwarding": "Local=1:m Remote=2:m",
    "RoleOptions": (
        "ForwardAgent=1:b MaxSessionTTL=2:i PortForwarding=3:m CertificateFormat=4:s "
        "ClientIdleTimeout=5:i DisconnectExpiredCert=6:b BPF=7:s PermitX11Forwarding=8:b "
        "MaxConnections=9:i MaxSessions=10:i RequestAccess=11:s RequestPrompt=12:s Lock=14:s "
        "RecordSession=15:m DesktopClipboard=16:m CertExtensions=17:m "
        "MaxKubernetesConnections=18:i DesktopDirectorySharing=19:m CreateHostUser=20:m "
        "PinSourceIP=21:b SSHFileCopy=22:m RequireMFAType=23:e DeviceTrustMode=24:s IDP=25:m "
        "CreateDesktopUser=26:m CreateDatabaseUser=27:m CreateHostUserMode=28:e "
        "CreateDatabaseUserMode=29:e MFAVerificationInterval=30:m "
        "CreateHostUserDefaultShell=31:s SSHPortForwarding=32:m"
    ),
    "RecordSession": "Desktop=1:m Default=2:s SSH=3:s",
    "CertExtension": "Type=1:e Mode=2:e Name=3:s Value=4:s",
    "IdPOptions": "SAML=1:m",
    "IdPSAMLOptions": "Enabled=1:m",
    "RoleConditions": (
        "Logins=1:s Namespaces=2:s NodeLabels=3:m Rules=4:m KubeGroups=5:s Request=6:m "
        "KubeUsers=7:s AppLabels=8:m ClusterLabels=9:m KubernetesLabels=10:m "
        "DatabaseLabels=11:m DatabaseNames=12:s DatabaseUsers=13:s Impersonate=14:m "
        "ReviewRequests=15:m AWSRoleARNs=16:s WindowsDesktopLogins=17:s "
        "WindowsDesktopLabels=18:m RequireSessionJoin=19:m JoinSessions=20:m HostGroups=21:s "
        "HostSudoers=22:s AzureIdentities=23:s KubernetesResources=24:m "
        "GCPServiceAccounts=25:s DatabaseServiceLabels=26:m GroupLabels=27:m "
        "DesktopGroups=28:s DatabaseRoles=29:s NodeLabelsExpression=30:s "
        "AppLabelsExpression=31:s ClusterLabelsExpression=32:s "
        "KubernetesLabelsExpression=33:s DatabaseLabelsExpression=34:s "
        "DatabaseServiceLabelsExpression=35:s WindowsDesktopLabelsExpression=36:s "
        "GroupLabelsExpression=37:s DatabasePermissions=38:m SPIFFE=39:m "
        "AccountAssignments=42:m git_hub_permissions=43:m WorkloadIdentityLabels=44:m "
        "WorkloadIdentityLabelsExpression=45:s"
    ),
    "IdentityCenterAccountAssignment": "PermissionSet=1:s Account=2:s",
    "GitHubPermission": "organizations=1:s",
    "SPIFFERoleCondition": "Path=1:s DNSSANs=2:s IPSANs=3:s",
    "DatabasePermission": "Permissions=1:s Match=2:m",
    "KubernetesResource": "Kind=1:s Namespace=2:s Name=3:s Verbs=4:s APIGroup=5:s",
    "ResourceInNamespaceRequest": "Name=1:s Namespace=2:s",
    "KeepAlive": "Name=1:s Namespace=2:s Expires=4:m Type=9:e HostID=10:s",
    "CommandLabelV2": "Period=1:i Command=2:s Result=3:s",
    "ServerV2": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "ServerSpecV2": (
        "Addr=1:s Hostname=3:s CmdLabels=4:L UseTunnel=6:b Version=7:s PeerAddr=11:s "
        "ProxyIDs=12:s public_addrs=13:s CloudMetadata=14:m"
    ),
    "CloudMetadata": "AWS=1:m",
    "AWSInfo": ("AccountID=1:s InstanceID=2:s Region=3:s VPCID=4:s Integration=5:s SubnetID=6:s"),
    "AppV3": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "AppSpecV3": (
        "URI=1:s PublicAddr=2:s DynamicLabels=3:L InsecureSkipVerify=4:b Rewrite=5:m AWS=6:m "
        "Cloud=7:s UserGroups=8:s Integration=9:s RequiredAppNames=10:s CORS=11:m "
        "IdentityCenter=12:m TCPPorts=13:m"
    ),
    "Rewrite": "Redirect=1:s Headers=2:m JWTClaims=3:s",
    "Header": "Name=1:s Value=2:s",
    "AppAWS": "ExternalID=1:s",
    "CORSPolicy": (
        "allowed_origins=1:s allowed_methods=2:s allowed_headers=3:s allow_credentials=4:b "
        "max_age=5:i exposed_headers=6:s"
    ),
    "AppIdentityCenter": "AccountID=1:s PermissionSets=2:m",
    "IdentityCenterPermissionSet": "ARN=1:s Name=2:s AssignmentID=3:s",
    "PortRange": "Port=1:i EndPort=2:i",
    "DatabaseV3": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m Status=6:m",
    "DatabaseSpecV3": (
        "Protocol=1:s URI=2:s CACert=3:s DynamicLabels=4:L AWS=5:m GCP=6:m Azure=7:m TLS=8:m "
        "AD=9:m MySQL=10:m AdminUser=11:m MongoAtlas=12:m Oracle=13:m"
    ),
    "DatabaseStatusV3": "CACert=1:s ManagedUsers=4:s",
    "DatabaseAdminUser": "Name=1:s DefaultDatabase=2:s",
    "OracleOptions": "AuditUser=1:s",
    "AWS": (
        "Region=1:s Redshift=2:m RDS=3:m AccountID=4:s ElastiCache=5:m SecretStore=6:m "
        "MemoryDB=7:m RDSProxy=8:m RedshiftServerless=9:m ExternalID=10:s AssumeRoleARN=11:s "
        "OpenSearch=12:m SessionTags=15:M DocumentDB=16:m"
    ),
    "SecretStore": "KeyPrefix=1:s KMSKeyID=2:s",
    "Redshift": "ClusterID=1:s",
    "RDS": (
        "InstanceID=1:s ClusterID=2:s ResourceID=3:s IAMAuth=4:b Subnets=5:s VPCID=6:s "
        "SecurityGroups=7:s"
    ),
    "RDSProxy": "Name=1:s CustomEndpointName=2:s ResourceID=3:s",
    "ElastiCache": (
        "ReplicationGroupID=1:s UserGroupIDs=2:s TransitEncryptionEnabled=3:b EndpointType=4:s"
    ),
    "MemoryDB": "ClusterName=1:s ACLName=2:s TLSEnabled=3:b EndpointType=4:s",
    "RedshiftServerless": "WorkgroupName=1:s EndpointName=2:s WorkgroupID=3:s",
    "OpenSearch": "DomainName=1:s DomainID=2:s EndpointType=3:s",
    "DocumentDB": "ClusterID=1:s InstanceID=2:s EndpointType=3:s",
    "GCPCloudSQL": "ProjectID=1:s InstanceID=2:s",
    "Azure": "Name=1:s ResourceID=2:s Redis=3:m IsFlexiServer=4:b",
    "AzureRedis": "ClusteringPolicy=1:s",
    "AD": ("KeytabFile=1:s Krb5File=2:s Domain=3:s SPN=4:s LDAPCert=5:s KDCHostName=6:s"),
    "DatabaseTLS": "Mode=1:e CACert=2:s ServerName=3:s TrustSystemCertPool=4:b",
    "MySQLOptions": "ServerVersion=1:s",
    "MongoAtlas": "Name=1:s",
    "TrustedClusterV2": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "TrustedClusterSpecV2": (
        "Enabled=1:b Roles=2:s Token=3:s ProxyAddress=4:s ReverseTunnelAddress=5:s RoleMap=6:m"
    ),
    "RoleMapping": "Remote=1:s Local=2:s",
    "LockV2": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "LockSpecV2": "Target=1:m Message=2:s Expires=3:m CreatedAt=4:m CreatedBy=5:s",
    "LockTarget": (
        "User=1:s Role=2:s Login=3:s Node=4:s MFADevice=5:s WindowsDesktop=6:s "
        "AccessRequest=7:s Device=8:s ServerID=9:s"
    ),
    "SessionRequirePolicy": "Name=1:s Filter=2:s Kinds=3:s Count=4:i Modes=5:s OnLeave=6:s",
    "SessionJoinPolicy": "Name=1:s Roles=2:s Kinds=3:s Modes=4:s",
    "AccessRequestConditions": (
        "Roles=1:s ClaimsToRoles=2:m Annotations=3:m Thresholds=4:m SuggestedReviewers=5:s "
        "SearchAsRoles=6:s MaxDuration=7:i kubernetes_resources=8:m Reason=9:m"
    ),
    "AccessRequestConditionsReason": "Mode=1:s",
    "RequestKubernetesResource": "kind=1:s APIGroup=2:s",
    "AccessReviewThreshold": "Name=1:s Filter=2:s Approve=3:i Deny=4:i",
    "AccessReviewConditions": "Roles=1:s ClaimsToRoles=2:m Where=3:s PreviewAsRoles=4:s",
    "ClaimMapping": "Claim=1:s Value=2:s Roles=3:s",
    "Rule": "Resources=1:s Verbs=2:s Where=3:s Actions=4:s",
    "ImpersonateConditions": "Users=1:s Roles=2:s Where=3:s",
    "UserV2": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m Status=6:m",
    "UserStatusV2": "password_state=1:e mfa_weakest_device=2:e",
    "UserSpecV2": (
        "OIDCIdentities=1:m SAMLIdentities=2:m GithubIdentities=3:m Roles=4:s Traits=5:m "
        "Status=6:m Expires=7:m CreatedBy=8:m LocalAuth=9:m TrustedDeviceIDs=10:s"
    ),
    "ExternalIdentity": "ConnectorID=1:s Username=2:s SAMLSingleLogoutURL=3:s UserID=4:s",
    "LoginStatus": "IsLocked=1:b LockedMessage=2:s LockedTime=3:m LockExpires=4:m",
    "CreatedBy": "Connector=1:m Time=2:m User=3:m",
    "ConnectorRef": "Type=1:s ID=2:s Identity=3:s",
    "UserRef": "Name=1:s",
    "LocalAuthSecrets": "PasswordHash=1:y TOTPKey=2:s MFA=5:m Webauthn=6:m",
    "MFADevice": (
        "kind=1:s sub_kind=2:s version=3:s metadata=4:m id=5:s added_at=6:m last_used=7:m "
        "totp=8:m u2f=9:m webauthn=10:m sso=11:m"
    ),
    "TOTPDevice": "key=1:s",
    "U2FDevice": "key_handle=1:y pub_key=2:y counter=3:i",
    "WebauthnDevice": (
        "credential_id=1:y public_key_cbor=2:y attestation_type=3:s aaguid=4:y "
        "signature_counter=5:i attestation_object=6:y resident_key=7:b credential_rp_id=8:s "
        "credential_backup_eligible=9:m credential_backed_up=10:m"
    ),
    "SSOMFADevice": "connector_id=1:s connector_type=2:s display_name=3:s",
    "WebauthnLocalAuth": "UserID=1:y",
    "ProvisionTokenV2": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m Status=6:m",
    "ProvisionTokenV2List": "ProvisionTokens=1:m",
    "ProvisionTokenStatusV2": "BoundKeypair=1:m",
    "ProvisionTokenStatusV2BoundKeypair": (
        "RegistrationSecret=1:s BoundPublicKey=2:s BoundBotInstanceID=3:s RecoveryCount=4:i "
        "LastRecoveredAt=5:m LastRotatedAt=6:m"
    ),
    "TokenRule": "AWSAccount=1:s AWSRegions=2:s AWSRole=3:s AWSARN=4:s",
    "ProvisionTokenSpecV2": (
        "Roles=1:s Allow=2:m AWSIIDTTL=3:i JoinMethod=4:s BotName=5:s SuggestedLabels=6:m "
        "GitHub=7:m CircleCI=8:m SuggestedAgentMatcherLabels=9:m Kubernetes=10:m Azure=11:m "
        "GitLab=12:m GCP=13:m Spacelift=14:m TPM=15:m TerraformCloud=16:m Bitbucket=17:m "
        "Oracle=18:m BoundKeypair=19:m AzureDevops=20:m"
    ),
    "ProvisionTokenSpecV2TPM": "Allow=1:m EKCertAllowedCAs=2:s",
    "ProvisionTokenSpecV2TPM.Rule": "Description=1:s EKPublicHash=4:s EKCertificateSerial=5:s",
    "ProvisionTokenSpecV2GitHub": (
        "Allow=1:m EnterpriseServerHost=2:s EnterpriseSlug=3:s StaticJWKS=4:s"
    ),
    "ProvisionTokenSpecV2GitHub.Rule": (
        "Sub=1:s Repository=2:s RepositoryOwner=3:s Workflow=4:s Environment=5:s Actor=6:s "
        "Ref=7:s RefType=8:s"
    ),
    "ProvisionTokenSpecV2GitLab": "Allow=1:m Domain=2:s StaticJWKS=3:s",
    "ProvisionTokenSpecV2GitLab.Rule": (
        "Sub=1:s Ref=2:s RefType=3:s NamespacePath=4:s ProjectPath=5:s PipelineSource=6:s "
        "Environment=7:s UserLogin=8:s UserID=9:s UserEmail=10:s RefProtected=11:m "
        "EnvironmentProtected=12:m CIConfigSHA=13:s CIConfigRefURI=14:s DeploymentTier=15:s "
        "ProjectVisibility=16:s"
    ),
    "ProvisionTokenSpecV2CircleCI": "Allow=1:m OrganizationID=2:s",
    "ProvisionTokenSpecV2CircleCI.Rule": "ProjectID=1:s ContextID=2:s",
    "ProvisionTokenSpecV2Spacelift": "Allow=1:m Hostname=2:s",
    "ProvisionTokenSpecV2Spacelift.Rule": "SpaceID=1:s CallerID=2:s CallerType=3:s Scope=4:s",
    "ProvisionTokenSpecV2Kubernetes": "Allow=1:m Type=2:s StaticJWKS=3:m",
    "ProvisionTokenSpecV2Kubernetes.Rule": "ServiceAccount=1:s",
    "ProvisionTokenSpecV2Kubernetes.StaticJWKSConfig": "JWKS=1:s",
    "ProvisionTokenSpecV2Azure": "Allow=1:m",
    "ProvisionTokenSpecV2Azure.Rule": "Subscription=1:s ResourceGroups=2:s",
    "ProvisionTokenSpecV2GCP": "Allow=1:m",
    "ProvisionTokenSpecV2GCP.Rule": "ProjectIDs=1:s Locations=2:s ServiceAccounts=3:s",
    "ProvisionTokenSpecV2TerraformCloud": "Allow=1:m Audience=2:s Hostname=3:s",
    "ProvisionTokenSpecV2TerraformCloud.Rule": (
        "OrganizationID=1:s OrganizationName=2:s ProjectID=3:s ProjectName=4:s "
        "WorkspaceID=5:s WorkspaceName=6:s RunPhase=7:s"
    ),
    "ProvisionTokenSpecV2Bitbucket": "Allow=1:m Audience=2:s IdentityProviderURL=3:s",
    "ProvisionTokenSpecV2Bitbucket.Rule": (
        "WorkspaceUUID=1:s RepositoryUUID=2:s DeploymentEnvironmentUUID=3:s BranchName=4:s"
    ),
    "ProvisionTokenSpecV2Oracle": "Allow=1:m",
    "ProvisionTokenSpecV2Oracle.Rule": "Tenancy=1:s ParentCompartments=2:s Regions=3:s",
    "ProvisionTokenSpecV2BoundKeypair": "Onboarding=1:m Recovery=2:m RotateAfter=3:m",
    "ProvisionTokenSpecV2BoundKeypair.OnboardingSpec": (
        "InitialPublicKey=1:s RegistrationSecret=2:s MustRegisterBefore=3:m"
    ),
    "ProvisionTokenSpecV2BoundKeypair.RecoverySpec": "Limit=1:i Mode=2:s",
    "ProvisionTokenSpecV2AzureDevops": "Allow=1:m OrganizationID=2:s",
    "ProvisionTokenSpecV2AzureDevops.Rule": (
        "Sub=1:s ProjectName=2:s PipelineName=3:s ProjectID=4:s DefinitionID=5:s "
        "RepositoryURI=6:s RepositoryVersion=7:s RepositoryRef=8:s"
    ),
    "SSOClientRedirectSettings": "allowed_https_hostnames=1:s insecure_allowed_cidr_ranges=2:s",
    "GithubConnectorV3": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "GithubConnectorV3List": "GithubConnectors=1:m",
    "GithubConnectorSpecV3": (
        "ClientID=1:s ClientSecret=2:s RedirectURL=3:s TeamsToLogins=4:m Display=5:s "
        "TeamsToRoles=6:m EndpointURL=7:s APIEndpointURL=8:s ClientRedirectSettings=9:m"
    ),
    "TeamMapping": "Organization=1:s Team=2:s Logins=3:s KubeGroups=4:s KubeUsers=5:s",
    "TeamRolesMapping": "Organization=1:s Team=2:s Roles=3:s",
    "OIDCConnectorV3": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "OIDCConnectorV3List": "OIDCConnectors=1:m",
    "OIDCConnectorSpecV3": (
        "IssuerURL=1:s ClientID=2:s ClientSecret=3:s ACR=5:s Provider=6:s Display=7:s "
        "Scope=8:s Prompt=9:s ClaimsToRoles=10:m GoogleServiceAccountURI=11:s "
        "GoogleServiceAccount=12:s GoogleAdminEmail=13:s RedirectURLs=14:m "
        "AllowUnverifiedEmail=15:b UsernameClaim=16:s MaxAge=17:m ClientRedirectSettings=18:m "
        "MFASettings=19:m PKCEMode=20:s"
    ),
    "MaxAge": "Value=1:i",
    "OIDCConnectorMFASettings": (
        "enabled=1:b client_id=2:s client_secret=3:s acr_values=4:s prompt=5:s max_age=6:i"
    ),
    "SAMLConnectorV2": "Kind=1:s SubKind=2:s Version=3:s Metadata=4:m Spec=5:m",
    "SAMLConnectorV2List": "SAMLConnectors=1:m",
    "SAMLConnectorSpecV2": (
        "Issuer=1:s SSO=2:s Cert=3:s Display=4:s AssertionConsumerService=5:s Audience=6:s "
        "ServiceProviderIssuer=7:s EntityDescriptor=8:s EntityDescriptorURL=9:s "
        "AttributesToRoles=10:m SigningKeyPair=11:m Provider=12:s EncryptionKeyPair=13:m "
        "AllowIDPInitiated=14:b ClientRedirectSettings=15:m SingleLogoutURL=16:s "
        "MFASettings=17:m ForceAuthn=18:e PreferredRequestBinding=19:s"
    ),
    "SAMLConnectorMFASettings": (
        "enabled=1:b entity_descriptor=2:s entity_descriptor_url=3:s force_authn=4:e "
        "issuer=5:s sso=6:s cert=7:s"
    ),
    "AttributeMapping": "Name=1:s Value=2:s Roles=3:s",
    "AsymmetricKeyPair": "PrivateKey=1:s Cert=2:s",
    "OktaImportRuleV1": "Header=1:m Spec=2:m",
    "OktaImportRuleSpecV1": "Priority=1:i Mappings=2:m",
    "OktaImportRuleMappingV1": "Match=1:m AddLabels=2:M",
    "OktaImportRuleMatchV1": "AppIDs=1:s GroupIDs=2:s AppNameRegexes=3:s GroupNameRegexes=4:s",
}

WRAPPERS = {
    "StringValues": "Values=1:s",
    "LabelValues": "Values=1:L",
    "CustomType": "Bytes=1:y",
}

AUTH = {
    "Watch": "Kinds=1:m AllowPartialSuccess=2:b",
    "GetUserRequest": "Name=1:s WithSecrets=2:b",
    "DeleteUserRequest": "Name=1:s",
    "PingRequest": "",
    "PingResponse": (
        "ClusterName=1:s ServerVersion=2:s ServerFeatures=3:m ProxyPublicAddr=4:s IsBoring=5:b "
        "RemoteAddr=7:s LoadAllCAs=8:b LicenseExpiry=10:m"
    ),
    "Features": (
        "Kubernetes=1:b App=2:b DB=3:b OIDC=4:b SAML=5:b AccessControls=6:b "
        "AdvancedAccessWorkflows=7:b Cloud=8:b HSM=9:b Desktop=10:b RecoveryCodes=14:b "
        "Plugins=15:b AutomaticUpgrades=16:b IsUsageBased=17:b Assist=18:b DeviceTrust=19:m "
        "FeatureHiding=20:b AccessRequests=21:m CustomTheme=22:s IdentityGovernance=23:b "
        "AccessGraph=24:b AccessList=25:m AccessMonitoring=26:m ProductType=27:e Policy=28:m "
        "Questionnaire=29:b IsStripeManaged=30:b ExternalAuditStorage=31:b SupportType=32:e "
        "JoinActiveSessions=33:b MobileDeviceManagement=34:b entitlements=35:L "
        "AccessMonitoringConfigured=36:b CloudAnonymizationKey=37:y"
    ),
    "EntitlementInfo": "enabled=1:b limit=2:i",
    "DeviceTrustFeature": "enabled=1:b devices_usage_limit=2:i",
    "AccessRequestsFeature": "monthly_request_limit=1:i",
    "AccessListFeature": "create_limit=1:i",
    "AccessMonitoringFeature": "enabled=1:b max_report_range_limit=2:i",
    "PolicyFeature": "enabled=1:b",
    "GetRoleRequest": "Name=1:s",
    "UpsertRoleRequest": "Role=1:m",
    "DeleteRoleRequest": "Name=1:s",
    "GetRolesResponse": "Roles=1:m",
    "UpsertTokenV2Request": "V2=1:m",
    "CreateOIDCConnectorRequest": "Connector=1:m",
    "UpsertOIDCConnectorRequest": "Connector=1:m",
    "CreateSAMLConnectorRequest": "Connector=1:m",
    "UpsertSAMLConnectorRequest": "Connector=1:m",
    "CreateGithubConnectorRequest": "Connector=1:m",
    "UpsertGithubConnectorRequest": "Connector=1:m",
    "GetLockRequest": "Name=1:s",
    "DeleteLockRequest": "Name=1:s",
    "Event": (
        "Type=1:e ResourceHeader=2:m ProvisionToken=5:m User=8:m Role=9:m OktaImportRule=40:m"
    ),
}

USERS = {
    "GetUserRequest": "name=1:s current_user=2:b with_secrets=3:b",
    "GetUserResponse": "user=1:m",
    "CreateUserRequest": "user=1:m",
    "CreateUserResponse": "user=1:m",
    "UpdateUserRequest": "user=2:m",
    "UpdateUserResponse": "user=1:m",
    "UpsertUserRequest": "user=2:m",
    "UpsertUserResponse": "user=1:m",
    "DeleteUserRequest": "name=1:s",
    "ListUsersRequest": "page_size=1:i page_token=2:s with_secrets=3:b",
    "ListUsersResponse": "users=1:m next_page_token=2:s",
}

LOGINRULE = {
    "LoginRule": ("metadata=1:m version=2:s priority=3:i traits_map=4:L traits_expression=5:s"),
    "CreateLoginRuleRequest": "login_rule=1:m",
    "UpsertLoginRuleRequest": "login_rule=1:m",
    "GetLoginRuleRequest": "name=1:s",
    "ListLoginRulesRequest": "page_size=1:i page_token=2:s",
    "ListLoginRulesResponse": "login_rules=1:m next_page_token=2:s",
    "DeleteLoginRuleRequest": "name=1:s",
}

OKTA = {
    "ListOktaImportRulesRequest": "page_size=1:i page_token=2:s",
    "ListOktaImportRulesResponse": "import_rules=1:m next_page_token=2:s",
    "GetOktaImportRuleRequest": "name=1:s",
    "CreateOktaImportRuleRequest": "import_rule=1:m",
    "UpdateOktaImportRuleRequest": "import_rule=1:m",
    "DeleteOktaImportRuleRequest": "name=1:s",
}

TRUST = {
    "UpsertTrustedClusterRequest": "trusted_cluster=1:m",
    "CreateTrustedClusterRequest": "trusted_cluster=1:m",
    "UpdateTrustedClusterRequest": "trusted_cluster=1:m",
}


def parse(spec: str) -> dict[str, tuple[int, str]]:
    """'Name=1:s Labels=5:M' -> {'Name': (1, 's'), 'Labels': (5, 'M')}."""
    out: dict[str, tuple[int, str]] = {}
    for item in spec.split():
        name, rest = item.split("=")
        number, kind = rest.split(":")
        out[name] = (int(number), kind)
    return out
