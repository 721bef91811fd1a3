"""SIGTERM/SIGINT handling as controller-runtime's ``SetupSignalHandler`` does it.

The first signal asks for a graceful shutdown (the manager stops its runnables in order and
releases its lease); a second one exits the process at once with status 1, for an operator stuck
in shutdown. The handler is installed on the running event loop and removed on exit; ``exit`` is
injectable so tests can observe the second signal without dying.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
from collections.abc import Callable, Iterable
from types import TracebackType

__all__ = ["SignalHandler"]

DEFAULT_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class SignalHandler:
    """``with SignalHandler(manager.stop): await manager.run()``."""

    def __init__(
        self,
        on_shutdown: Callable[[], None],
        *,
        exit: Callable[[int], None] = os._exit,
        signals: Iterable[signal.Signals] = DEFAULT_SIGNALS,
        logger: logging.Logger | None = None,
    ) -> None:
        self._on_shutdown = on_shutdown
        self._exit = exit
        self._signals = tuple(signals)
        self._log = logger if logger is not None else logging.getLogger(__name__)
        self._loop: asyncio.AbstractEventLoop | None = None
        self.received = 0

    def install(self) -> None:
        self._loop = asyncio.get_running_loop()
        for sig in self._signals:
            self._loop.add_signal_handler(sig, self._handle, sig)

    def uninstall(self) -> None:
        if self._loop is None:
            return
        for sig in self._signals:
            self._loop.remove_signal_handler(sig)
        self._loop = None

    def _handle(self, sig: signal.Signals) -> None:
        self.received += 1
        if self.received == 1:
            self._log.info("received %s, shutting down gracefully", sig.name)
            self._on_shutdown()
        else:
            self._log.warning("received %s again, exiting at once", sig.name)
            self._exit(1)

    def __enter__(self) -> SignalHandler:
        self.install()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.uninstall()
