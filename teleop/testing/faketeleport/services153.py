"""The RFD 153 services faketeleport serves, in one list for the server to register.

Each entry is a gRPC service name and its rows (``rpc.Unary``); the services live in their own
modules (``bots``, ``workloadidentities``, ``autoupdate``, ``accesslists``). Keeping the list here lets new RFD 153 kinds join without touching the server.
"""

from __future__ import annotations

from teleop.testing.faketeleport.accesslists import ACCESS_LIST_SERVICE, access_list_rpcs
from teleop.testing.faketeleport.autoupdate import AUTOUPDATE_SERVICE, autoupdate_rpcs
from teleop.testing.faketeleport.bots import BOT_SERVICE, bot_rpcs
from teleop.testing.faketeleport.rpc import Stream, Unary
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.workloadidentities import (
    WORKLOAD_IDENTITY_SERVICE,
    workload_identity_rpcs,
)

__all__ = ["resource153_services"]


def _rows(rows: list[Unary]) -> list[Unary | Stream]:
    return list[Unary | Stream](rows)


def resource153_services(state: FakeState) -> list[tuple[str, list[Unary | Stream]]]:
    """``(service name, rows)`` for every RFD 153 service."""
    return [
        (BOT_SERVICE, _rows(bot_rpcs(state))),
        (WORKLOAD_IDENTITY_SERVICE, _rows(workload_identity_rpcs(state))),
        (AUTOUPDATE_SERVICE, _rows(autoupdate_rpcs(state))),
        (ACCESS_LIST_SERVICE, _rows(access_list_rpcs(state))),
    ]
