"""SignalHandler: the first SIGTERM asks for a graceful stop, the second exits with 1."""

from __future__ import annotations

import asyncio
import os
import signal

from teleop.runtime.manager import SignalHandler


async def test_first_signal_stops_gracefully_second_exits() -> None:
    stopped = asyncio.Event()
    exits: list[int] = []
    with SignalHandler(stopped.set, exit=exits.append) as handler:
        os.kill(os.getpid(), signal.SIGTERM)
        await asyncio.wait_for(stopped.wait(), 5)
        assert exits == []
        os.kill(os.getpid(), signal.SIGINT)
        for _ in range(100):
            if exits:
                break
            await asyncio.sleep(0.01)
        assert exits == [1]
        assert handler.received == 2
