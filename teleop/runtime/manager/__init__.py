"""The manager: owns clients, caches, metrics, probes, events and leader election; runs runnables.

``Manager`` (``manager.py``) with ``ManagerOptions`` (``options.py``); ``Runnable`` and the
groups it is started in (``runnables.py``); the HTTP servers (``http.py``); SIGTERM/SIGINT
handling (``signals.py``).
"""

from teleop.runtime.manager.http import HttpServer, parse_bind_address
from teleop.runtime.manager.manager import Manager
from teleop.runtime.manager.options import ManagerOptions
from teleop.runtime.manager.runnables import (
    Runnable,
    RunnableFunc,
    RunnableGroup,
    needs_leader_election,
)
from teleop.runtime.manager.signals import SignalHandler

__all__ = [
    "HttpServer",
    "Manager",
    "ManagerOptions",
    "Runnable",
    "RunnableFunc",
    "RunnableGroup",
    "SignalHandler",
    "needs_leader_election",
    "parse_bind_address",
]
