"""Field numbers and wire kinds of the RFD 153 messages, as published by Teleport.

Typed in from Teleport's api/proto sources (teleport/header/v1/*.proto,
teleport/machineid/v1/bot*.proto, teleport/workloadidentity/v1/resource*.proto,
teleport/autoupdate/v1/autoupdate*.proto,
teleport/trait/v1/trait.proto, teleport/accesslist/v1/accesslist*.proto; Teleport 17/18 snapshots), not derived from our own .proto
files. Same notation as ``pins``. Newer upstream fields teleop does not describe are listed in
``NOT_DESCRIBED`` (number: name), so their absence is deliberate.
"""

HEADER = {
    "Metadata": (
        "name=1:s namespace=2:s description=3:s labels=5:M expires=6:m id=7:i revision=8:s"
    ),
    "ResourceHeader": "kind=1:s sub_kind=2:s version=3:s metadata=4:m",
}

MACHINEID = {
    "Bot": "kind=1:s sub_kind=2:s version=3:s metadata=4:m spec=5:m status=6:m",
    "Trait": "name=1:s values=2:s",
    "BotSpec": "roles=1:s traits=2:m max_session_ttl=3:m",
    "BotStatus": "user_name=1:s role_name=3:s",
    "GetBotRequest": "bot_name=1:s",
    "CreateBotRequest": "bot=1:m",
    "UpsertBotRequest": "bot=1:m",
    "DeleteBotRequest": "bot_name=1:s",
    "ListBotsRequest": "page_size=1:i page_token=2:s",
    "ListBotsResponse": "bots=1:m next_page_token=2:s",
}

WORKLOADIDENTITY = {
    "WorkloadIdentity": "kind=1:s sub_kind=2:s version=3:s metadata=4:m spec=5:m",
    "WorkloadIdentityConditionEq": "value=1:s",
    "WorkloadIdentityConditionNotEq": "value=1:s",
    "WorkloadIdentityConditionIn": "values=1:s",
    "WorkloadIdentityConditionNotIn": "values=1:s",
    "WorkloadIdentityCondition": "attribute=1:s eq=3:m not_eq=4:m in=5:m not_in=6:m",
    "WorkloadIdentityRule": "conditions=1:m",
    "WorkloadIdentityRules": "allow=1:m",
    "X509DistinguishedNameTemplate": "common_name=1:s organization=2:s organizational_unit=3:s",
    "WorkloadIdentitySPIFFEX509": "dns_sans=1:s subject_template=2:m",
    "WorkloadIdentitySPIFFE": "id=1:s hint=2:s x509=3:m",
    "WorkloadIdentitySpec": "rules=1:m spiffe=2:m",
    "CreateWorkloadIdentityRequest": "workload_identity=1:m",
    "UpdateWorkloadIdentityRequest": "workload_identity=1:m",
    "UpsertWorkloadIdentityRequest": "workload_identity=1:m",
    "GetWorkloadIdentityRequest": "name=1:s",
    "DeleteWorkloadIdentityRequest": "name=1:s",
    "ListWorkloadIdentitiesRequest": "page_size=1:i page_token=2:s",
    "ListWorkloadIdentitiesResponse": "workload_identities=1:m next_page_token=2:s",
}

AUTOUPDATE = {
    "AutoUpdateConfig": "kind=1:s sub_kind=2:s version=3:s metadata=4:m spec=5:m",
    "AutoUpdateConfigSpec": "tools=2:m agents=3:m",
    "AutoUpdateConfigSpecTools": "mode=1:s",
    "AutoUpdateConfigSpecAgents": (
        "mode=1:s strategy=2:s maintenance_window_duration=3:m schedules=6:m"
    ),
    "AgentAutoUpdateSchedules": "regular=1:m",
    "AgentAutoUpdateGroup": "name=1:s days=2:s start_hour=3:i wait_hours=5:i",
    "AutoUpdateVersion": "kind=1:s sub_kind=2:s version=3:s metadata=4:m spec=5:m",
    "AutoUpdateVersionSpec": "tools=2:m agents=3:m",
    "AutoUpdateVersionSpecTools": "target_version=1:s",
    "AutoUpdateVersionSpecAgents": "start_version=1:s target_version=2:s schedule=3:s mode=4:s",
    "GetAutoUpdateConfigRequest": "",
    "CreateAutoUpdateConfigRequest": "config=1:m",
    "UpdateAutoUpdateConfigRequest": "config=1:m",
    "UpsertAutoUpdateConfigRequest": "config=1:m",
    "DeleteAutoUpdateConfigRequest": "",
    "GetAutoUpdateVersionRequest": "",
    "CreateAutoUpdateVersionRequest": "version=1:m",
    "UpdateAutoUpdateVersionRequest": "version=1:m",
    "UpsertAutoUpdateVersionRequest": "version=1:m",
    "DeleteAutoUpdateVersionRequest": "",
}

ACCESSLIST = {
    "Trait": "key=1:s values=2:s",
    "AccessList": "header=1:m spec=2:m status=3:m",
    "AccessListSpec": (
        "description=1:s owners=2:m audit=3:m membership_requires=4:m ownership_requires=5:m "
        "grants=6:m title=8:s owner_grants=11:m type=12:s"
    ),
    "AccessListOwner": "name=1:s description=2:s ineligible_status=3:e membership_kind=4:e",
    "AccessListAudit": "next_audit_date=2:m recurrence=3:m notifications=4:m",
    "Recurrence": "frequency=1:e day_of_month=2:e",
    "Notifications": "start=1:m",
    "AccessListRequires": "roles=1:s traits=2:m",
    "AccessListGrants": "roles=1:s traits=2:m",
    "AccessListStatus": "member_count=1:i member_list_count=2:i owner_of=3:s member_of=4:s",
    "GetAccessListRequest": "name=1:s",
    "UpsertAccessListRequest": "access_list=1:m",
    "UpdateAccessListRequest": "access_list=1:m",
    "DeleteAccessListRequest": "name=1:s",
    "ListAccessListsRequest": "page_size=1:i next_token=2:s",
    "ListAccessListsResponse": "access_lists=1:m next_token=2:s",
}

ACCESSLIST_ENUMS = {
    "ReviewFrequency": {
        0: "UNSPECIFIED",
        1: "ONE_MONTH",
        3: "THREE_MONTHS",
        6: "SIX_MONTHS",
        12: "ONE_YEAR",
    },
    "ReviewDayOfMonth": {0: "UNSPECIFIED", 1: "FIRST", 15: "FIFTEENTH", 31: "LAST"},
    "MembershipKind": {0: "UNSPECIFIED", 1: "USER", 2: "LIST"},
    "IneligibleStatus": {
        0: "UNSPECIFIED",
        1: "ELIGIBLE",
        2: "USER_NOT_EXIST",
        3: "MISSING_REQUIREMENTS",
        4: "EXPIRED",
    },
}
"""Enum numbers and value names (without the enum's upper-snake prefix)."""

NOT_DESCRIBED = {
    "Bot": {7: "scope"},
    "BotSpec": {4: "delegation"},
    "GetBotRequest": {2: "scope"},
    "WorkloadIdentitySPIFFE": {4: "jwt", 5: "ttl"},
    "AccessListStatus": {5: "current_user_assignments"},
}

BOT_SERVICE = {
    "GetBot": ("GetBotRequest", "Bot"),
    "CreateBot": ("CreateBotRequest", "Bot"),
    "UpsertBot": ("UpsertBotRequest", "Bot"),
    "DeleteBot": ("DeleteBotRequest", "google.protobuf.Empty"),
    "ListBots": ("ListBotsRequest", "ListBotsResponse"),
}

WORKLOAD_IDENTITY_SERVICE = {
    "GetWorkloadIdentity": ("GetWorkloadIdentityRequest", "WorkloadIdentity"),
    "CreateWorkloadIdentity": ("CreateWorkloadIdentityRequest", "WorkloadIdentity"),
    "UpdateWorkloadIdentity": ("UpdateWorkloadIdentityRequest", "WorkloadIdentity"),
    "UpsertWorkloadIdentity": ("UpsertWorkloadIdentityRequest", "WorkloadIdentity"),
    "DeleteWorkloadIdentity": ("DeleteWorkloadIdentityRequest", "google.protobuf.Empty"),
    "ListWorkloadIdentities": ("ListWorkloadIdentitiesRequest", "ListWorkloadIdentitiesResponse"),
}

AUTOUPDATE_SERVICE = {
    f"{verb}AutoUpdate{kind}": (
        f"{verb}AutoUpdate{kind}Request",
        "google.protobuf.Empty" if verb == "Delete" else f"AutoUpdate{kind}",
    )
    for kind in ("Config", "Version")
    for verb in ("Get", "Create", "Update", "Upsert", "Delete")
}
"""The config and version calls; the rollout and report calls are not described."""

ACCESS_LIST_SERVICE = {
    "GetAccessList": ("GetAccessListRequest", "AccessList"),
    "UpsertAccessList": ("UpsertAccessListRequest", "AccessList"),
    "UpdateAccessList": ("UpdateAccessListRequest", "AccessList"),
    "DeleteAccessList": ("DeleteAccessListRequest", "google.protobuf.Empty"),
    "ListAccessLists": ("ListAccessListsRequest", "ListAccessListsResponse"),
}
"""The access list calls; member, review and promotion calls are not described."""
