"""The Teleport messages the client takes and returns, re-exported from the generated modules.

Only ``teleop.teleport`` and faketeleport may import ``teleop.teleport._proto`` (an import-linter
contract), so the operator names resource messages through this module: ``types.RoleV6``,
``types.UserV2`` and so on. They are the protoc-generated classes themselves (wire-compatible with
Teleport), not wrappers; ``teleop.teleport.convert`` turns them into Teleport's JSON and back.
"""

from __future__ import annotations

from teleop.teleport._proto.teleport.accesslist.v1.accesslist_pb2 import AccessList
from teleop.teleport._proto.teleport.autoupdate.v1.autoupdate_pb2 import (
    AutoUpdateConfig,
    AutoUpdateVersion,
)
from teleop.teleport._proto.teleport.legacy.client.proto.authservice_pb2 import (
    Features,
    PingResponse,
)
from teleop.teleport._proto.teleport.legacy.client.proto.event_pb2 import (
    DELETE,
    INIT,
    PUT,
    Event,
)
from teleop.teleport._proto.teleport.legacy.types.types_pb2 import (
    AppV3,
    DatabaseV3,
    GithubConnectorV3,
    LockV2,
    Metadata,
    OIDCConnectorV3,
    OktaImportRuleV1,
    ProvisionTokenV2,
    ResourceHeader,
    RoleV6,
    SAMLConnectorV2,
    ServerV2,
    TrustedClusterV2,
    UserV2,
)
from teleop.teleport._proto.teleport.loginrule.v1.loginrule_pb2 import LoginRule
from teleop.teleport._proto.teleport.machineid.v1.bot_pb2 import Bot
from teleop.teleport._proto.teleport.workloadidentity.v1.resource_pb2 import WorkloadIdentity

__all__ = [
    "DELETE",
    "INIT",
    "PUT",
    "AccessList",
    "AppV3",
    "AutoUpdateConfig",
    "AutoUpdateVersion",
    "Bot",
    "DatabaseV3",
    "Event",
    "Features",
    "GithubConnectorV3",
    "LockV2",
    "LoginRule",
    "Metadata",
    "OIDCConnectorV3",
    "OktaImportRuleV1",
    "PingResponse",
    "ProvisionTokenV2",
    "ResourceHeader",
    "RoleV6",
    "SAMLConnectorV2",
    "ServerV2",
    "TrustedClusterV2",
    "UserV2",
    "WorkloadIdentity",
]
