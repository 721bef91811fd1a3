"""``teleport.machineid.v1.BotService``: bots, an RFD 153 resource with server-set status.

Create answers ALREADY_EXISTS when present, Upsert writes, Get/Delete answer NOT_FOUND when absent
(``bot <name> is not found``). As Teleport does, the server fills ``kind`` (``bot``) and the
version (``v1``, the only one), requires a spec, refuses a ``max_session_ttl`` above 168h, and sets
``status``: the bot's user and role are both ``bot-<name>``. The fake records those names only;
it does not create the user and role themselves (they would show up in the user and role tables
the other scenarios count).
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.machineid.v1 import bot_pb2
from teleop.teleport._proto.teleport.machineid.v1 import bot_service_pb2 as botpb
from teleop.teleport.errors import BadParameter
from teleop.teleport.metaview import metadata_view
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["BOT", "BOT_SERVICE", "bot_rpcs"]

BOT_SERVICE = "teleport.machineid.v1.BotService"
BOT = Kind("bot", lambda o: metadata_view(o.metadata))

_MAX_SESSION_TTL_SECONDS = 168 * 3600


def _check(state: FakeState, bot: Any) -> Any:
    name = state.check_name(BOT, bot)
    bot.kind = "bot"
    if not bot.version:
        bot.version = "v1"
    if bot.version != "v1":
        raise BadParameter(f"unsupported bot version {bot.version}")
    if not bot.HasField("spec"):
        raise BadParameter("bot.spec: must be non-nil")
    if bot.spec.max_session_ttl.seconds > _MAX_SESSION_TTL_SECONDS:
        raise BadParameter("bot.spec.max_session_ttl: must be at most 168h")
    bot.status.user_name = f"bot-{name}"
    bot.status.role_name = f"bot-{name}"
    return bot


def bot_rpcs(state: FakeState) -> list[Unary]:
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(BOT, req.bot_name)

    async def create(req: Any, call: Call) -> Any:
        bot = _check(state, req.bot)
        return store.create(BOT, bot, method=call.method, caller=call.caller)

    async def upsert(req: Any, call: Call) -> Any:
        bot = _check(state, req.bot)
        return store.upsert(BOT, bot, method=call.method, caller=call.caller)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(BOT, req.bot_name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def list_bots(req: Any, call: Call) -> Any:
        return botpb.ListBotsResponse(bots=store.list(BOT))

    b = bot_pb2.Bot
    k = BOT.name
    return [
        Unary("GetBot", k, botpb.GetBotRequest, b, get),
        Unary("CreateBot", k, botpb.CreateBotRequest, b, create),
        Unary("UpsertBot", k, botpb.UpsertBotRequest, b, upsert),
        Unary("DeleteBot", k, botpb.DeleteBotRequest, empty_pb2.Empty, delete),
        Unary("ListBots", k, botpb.ListBotsRequest, botpb.ListBotsResponse, list_bots),
    ]
