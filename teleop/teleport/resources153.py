# ruff: noqa: ASYNC109  -- ``timeout`` is a gRPC deadline sent to the server, not a local wait
"""The calls for Teleport's RFD 153 resources: bots, workload identities, autoupdate, access lists.

Each method names the gRPC method Teleport's Go client uses (``api/client/client.go`` and the
generated ``*_grpc.pb.go``) and returns the generated message. These services are newer than the
legacy ``proto.AuthService`` calls and have no fallbacks. ``timeout`` replaces the client-wide
per-attempt deadline for that call, as in ``resources``. The autoupdate config and version are
singletons: their Get and Delete take no name.
"""

from __future__ import annotations

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_pb2 as al_pb2
from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_service_pb2 as alpb
from teleop.teleport._proto.teleport.autoupdate.v1 import autoupdate_pb2 as au_pb2
from teleop.teleport._proto.teleport.autoupdate.v1 import autoupdate_service_pb2 as aupb
from teleop.teleport._proto.teleport.machineid.v1 import bot_pb2
from teleop.teleport._proto.teleport.machineid.v1 import bot_service_pb2 as botpb
from teleop.teleport._proto.teleport.workloadidentity.v1 import resource_pb2 as wi_pb2
from teleop.teleport._proto.teleport.workloadidentity.v1 import resource_service_pb2 as wipb
from teleop.teleport.transport import Transport

__all__ = ["ACCESS_LISTS", "AUTOUPDATE", "BOTS", "WORKLOAD_IDENTITIES", "Resource153Calls"]

ACCESS_LISTS = "/teleport.accesslist.v1.AccessListService/"

AUTOUPDATE = "/teleport.autoupdate.v1.AutoUpdateService/"

BOTS = "/teleport.machineid.v1.BotService/"
WORKLOAD_IDENTITIES = "/teleport.workloadidentity.v1.WorkloadIdentityResourceService/"

_Empty = empty_pb2.Empty


class Resource153Calls:
    """Typed calls for RFD 153 resources; ``Client`` supplies the transport."""

    def _transport_or_raise(self) -> Transport:
        raise NotImplementedError

    # --- bots ---------------------------------------------------------------------------------
    async def get_bot(self, name: str, *, timeout: float | None = None) -> bot_pb2.Bot:
        t = self._transport_or_raise()
        req = botpb.GetBotRequest(bot_name=name)
        return await t.unary(BOTS + "GetBot", req, bot_pb2.Bot, deadline=timeout)

    async def create_bot(self, bot: bot_pb2.Bot, *, timeout: float | None = None) -> bot_pb2.Bot:
        t = self._transport_or_raise()
        req = botpb.CreateBotRequest(bot=bot)
        return await t.unary(BOTS + "CreateBot", req, bot_pb2.Bot, deadline=timeout)

    async def upsert_bot(self, bot: bot_pb2.Bot, *, timeout: float | None = None) -> bot_pb2.Bot:
        t = self._transport_or_raise()
        req = botpb.UpsertBotRequest(bot=bot)
        return await t.unary(BOTS + "UpsertBot", req, bot_pb2.Bot, deadline=timeout)

    async def delete_bot(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = botpb.DeleteBotRequest(bot_name=name)
        await t.unary(BOTS + "DeleteBot", req, _Empty, deadline=timeout)

    # --- workload identities ------------------------------------------------------------------
    async def get_workload_identity(
        self, name: str, *, timeout: float | None = None
    ) -> wi_pb2.WorkloadIdentity:
        t = self._transport_or_raise()
        req = wipb.GetWorkloadIdentityRequest(name=name)
        return await t.unary(
            WORKLOAD_IDENTITIES + "GetWorkloadIdentity",
            req,
            wi_pb2.WorkloadIdentity,
            deadline=timeout,
        )

    async def create_workload_identity(
        self, identity: wi_pb2.WorkloadIdentity, *, timeout: float | None = None
    ) -> wi_pb2.WorkloadIdentity:
        t = self._transport_or_raise()
        req = wipb.CreateWorkloadIdentityRequest(workload_identity=identity)
        return await t.unary(
            WORKLOAD_IDENTITIES + "CreateWorkloadIdentity",
            req,
            wi_pb2.WorkloadIdentity,
            deadline=timeout,
        )

    async def upsert_workload_identity(
        self, identity: wi_pb2.WorkloadIdentity, *, timeout: float | None = None
    ) -> wi_pb2.WorkloadIdentity:
        t = self._transport_or_raise()
        req = wipb.UpsertWorkloadIdentityRequest(workload_identity=identity)
        return await t.unary(
            WORKLOAD_IDENTITIES + "UpsertWorkloadIdentity",
            req,
            wi_pb2.WorkloadIdentity,
            deadline=timeout,
        )

    async def delete_workload_identity(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = wipb.DeleteWorkloadIdentityRequest(name=name)
        await t.unary(WORKLOAD_IDENTITIES + "DeleteWorkloadIdentity", req, _Empty, deadline=timeout)

    # --- autoupdate config (singleton) ----------------------------------------------------------
    async def get_autoupdate_config(
        self, *, timeout: float | None = None
    ) -> au_pb2.AutoUpdateConfig:
        t = self._transport_or_raise()
        req = aupb.GetAutoUpdateConfigRequest()
        return await t.unary(
            AUTOUPDATE + "GetAutoUpdateConfig", req, au_pb2.AutoUpdateConfig, deadline=timeout
        )

    async def create_autoupdate_config(
        self, config: au_pb2.AutoUpdateConfig, *, timeout: float | None = None
    ) -> au_pb2.AutoUpdateConfig:
        t = self._transport_or_raise()
        req = aupb.CreateAutoUpdateConfigRequest(config=config)
        return await t.unary(
            AUTOUPDATE + "CreateAutoUpdateConfig", req, au_pb2.AutoUpdateConfig, deadline=timeout
        )

    async def upsert_autoupdate_config(
        self, config: au_pb2.AutoUpdateConfig, *, timeout: float | None = None
    ) -> au_pb2.AutoUpdateConfig:
        t = self._transport_or_raise()
        req = aupb.UpsertAutoUpdateConfigRequest(config=config)
        return await t.unary(
            AUTOUPDATE + "UpsertAutoUpdateConfig", req, au_pb2.AutoUpdateConfig, deadline=timeout
        )

    async def delete_autoupdate_config(self, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = aupb.DeleteAutoUpdateConfigRequest()
        await t.unary(AUTOUPDATE + "DeleteAutoUpdateConfig", req, _Empty, deadline=timeout)

    # --- autoupdate version (singleton) ---------------------------------------------------------
    async def get_autoupdate_version(
        self, *, timeout: float | None = None
    ) -> au_pb2.AutoUpdateVersion:
        t = self._transport_or_raise()
        req = aupb.GetAutoUpdateVersionRequest()
        return await t.unary(
            AUTOUPDATE + "GetAutoUpdateVersion", req, au_pb2.AutoUpdateVersion, deadline=timeout
        )

    async def create_autoupdate_version(
        self, version: au_pb2.AutoUpdateVersion, *, timeout: float | None = None
    ) -> au_pb2.AutoUpdateVersion:
        t = self._transport_or_raise()
        req = aupb.CreateAutoUpdateVersionRequest(version=version)
        return await t.unary(
            AUTOUPDATE + "CreateAutoUpdateVersion", req, au_pb2.AutoUpdateVersion, deadline=timeout
        )

    async def upsert_autoupdate_version(
        self, version: au_pb2.AutoUpdateVersion, *, timeout: float | None = None
    ) -> au_pb2.AutoUpdateVersion:
        t = self._transport_or_raise()
        req = aupb.UpsertAutoUpdateVersionRequest(version=version)
        return await t.unary(
            AUTOUPDATE + "UpsertAutoUpdateVersion", req, au_pb2.AutoUpdateVersion, deadline=timeout
        )

    async def delete_autoupdate_version(self, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = aupb.DeleteAutoUpdateVersionRequest()
        await t.unary(AUTOUPDATE + "DeleteAutoUpdateVersion", req, _Empty, deadline=timeout)

    # --- access lists -------------------------------------------------------------------------
    async def get_access_list(
        self, name: str, *, timeout: float | None = None
    ) -> al_pb2.AccessList:
        t = self._transport_or_raise()
        req = alpb.GetAccessListRequest(name=name)
        return await t.unary(
            ACCESS_LISTS + "GetAccessList", req, al_pb2.AccessList, deadline=timeout
        )

    async def upsert_access_list(
        self, access_list: al_pb2.AccessList, *, timeout: float | None = None
    ) -> al_pb2.AccessList:
        t = self._transport_or_raise()
        req = alpb.UpsertAccessListRequest(access_list=access_list)
        return await t.unary(
            ACCESS_LISTS + "UpsertAccessList", req, al_pb2.AccessList, deadline=timeout
        )

    async def delete_access_list(self, name: str, *, timeout: float | None = None) -> None:
        t = self._transport_or_raise()
        req = alpb.DeleteAccessListRequest(name=name)
        await t.unary(ACCESS_LISTS + "DeleteAccessList", req, _Empty, deadline=timeout)
