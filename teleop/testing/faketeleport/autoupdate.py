"""``teleport.autoupdate.v1.AutoUpdateService``: the autoupdate config and version singletons.

Each kind holds at most one resource with a fixed name (``autoupdate-config``,
``autoupdate-version``); Get and Delete take no name and answer NOT_FOUND when it is absent.
Create answers ALREADY_EXISTS when present, Update NOT_FOUND when absent (FAILED_PRECONDITION on
a stale revision), Upsert writes. As Teleport's validation does, a write with another name is
BadParameter (``Name is not valid``), kind and version are filled in (``v1`` only), the spec is
required and the modes, strategy and schedule must be ones Teleport knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.autoupdate.v1 import autoupdate_pb2 as aupb
from teleop.teleport._proto.teleport.autoupdate.v1 import autoupdate_service_pb2 as ausvc
from teleop.teleport.errors import BadParameter
from teleop.teleport.metaview import metadata_view
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = [
    "AUTOUPDATE_CONFIG",
    "AUTOUPDATE_CONFIG_NAME",
    "AUTOUPDATE_SERVICE",
    "AUTOUPDATE_VERSION",
    "AUTOUPDATE_VERSION_NAME",
    "autoupdate_rpcs",
]

AUTOUPDATE_SERVICE = "teleport.autoupdate.v1.AutoUpdateService"
AUTOUPDATE_CONFIG = Kind("autoupdate_config", lambda o: metadata_view(o.metadata))
AUTOUPDATE_VERSION = Kind("autoupdate_version", lambda o: metadata_view(o.metadata))
AUTOUPDATE_CONFIG_NAME = "autoupdate-config"
AUTOUPDATE_VERSION_NAME = "autoupdate-version"

_TOOLS_MODES = ("enabled", "disabled")
_AGENTS_MODES = ("enabled", "disabled", "suspended")
_STRATEGIES = ("halt-on-failure", "time-based")
_SCHEDULES = ("regular", "immediate")


def _one_of(value: str, allowed: tuple[str, ...], what: str) -> None:
    if value and value not in allowed:
        raise BadParameter(f"{what} {value!r} is not valid, must be one of {', '.join(allowed)}")


def _header(state: FakeState, kind: Kind, name: str, obj: Any) -> None:
    state.check_name(kind, obj)
    if obj.metadata.name != name:
        raise BadParameter(f"Name is not valid: the {kind.name} is named {name!r}")
    obj.kind = kind.name
    if not obj.version:
        obj.version = "v1"
    if obj.version != "v1":
        raise BadParameter(f"unsupported {kind.name} version {obj.version}")
    if not obj.HasField("spec"):
        raise BadParameter("Spec is nil")


def _check_config(state: FakeState, config: Any) -> Any:
    _header(state, AUTOUPDATE_CONFIG, AUTOUPDATE_CONFIG_NAME, config)
    spec = config.spec
    _one_of(spec.tools.mode, _TOOLS_MODES, "tools mode")
    _one_of(spec.agents.mode, _AGENTS_MODES, "agents mode")
    _one_of(spec.agents.strategy, _STRATEGIES, "agents strategy")
    if spec.agents.HasField("maintenance_window_duration") and (
        spec.agents.strategy != "time-based"
    ):
        raise BadParameter("maintenance_window_duration requires the time-based strategy")
    return config


def _check_version(state: FakeState, version: Any) -> Any:
    _header(state, AUTOUPDATE_VERSION, AUTOUPDATE_VERSION_NAME, version)
    agents = version.spec.agents
    _one_of(agents.schedule, _SCHEDULES, "agents schedule")
    _one_of(agents.mode, _AGENTS_MODES, "agents mode")
    return version


def _singleton_rpcs(
    state: FakeState,
    kind: Kind,
    name: str,
    suffix: str,
    message: type[Any],
    field: str,
    check: Callable[[FakeState, Any], Any],
) -> list[Unary]:
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(kind, name)

    async def create(req: Any, call: Call) -> Any:
        obj = check(state, getattr(req, field))
        return store.create(kind, obj, method=call.method, caller=call.caller)

    async def update(req: Any, call: Call) -> Any:
        obj = check(state, getattr(req, field))
        return store.update(kind, obj, method=call.method, caller=call.caller)

    async def upsert(req: Any, call: Call) -> Any:
        obj = check(state, getattr(req, field))
        return store.upsert(kind, obj, method=call.method, caller=call.caller)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(kind, name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    def req(verb: str) -> type[Any]:
        request: type[Any] = getattr(ausvc, f"{verb}AutoUpdate{suffix}Request")
        return request

    k = kind.name
    return [
        Unary(f"GetAutoUpdate{suffix}", k, req("Get"), message, get),
        Unary(f"CreateAutoUpdate{suffix}", k, req("Create"), message, create),
        Unary(f"UpdateAutoUpdate{suffix}", k, req("Update"), message, update),
        Unary(f"UpsertAutoUpdate{suffix}", k, req("Upsert"), message, upsert),
        Unary(f"DeleteAutoUpdate{suffix}", k, req("Delete"), empty_pb2.Empty, delete),
    ]


def autoupdate_rpcs(state: FakeState) -> list[Unary]:
    return [
        *_singleton_rpcs(
            state,
            AUTOUPDATE_CONFIG,
            AUTOUPDATE_CONFIG_NAME,
            "Config",
            aupb.AutoUpdateConfig,
            "config",
            _check_config,
        ),
        *_singleton_rpcs(
            state,
            AUTOUPDATE_VERSION,
            AUTOUPDATE_VERSION_NAME,
            "Version",
            aupb.AutoUpdateVersion,
            "version",
            _check_version,
        ),
    ]
