"""Child processes for the end-to-end scenarios, and what the bench reads about them from /proc.

Every server in a scenario (fakekube, faketeleport, ``teleop run``, the kopf baseline) is its own
OS process, as in production, so its CPU time and RSS can be read from ``/proc/PID`` without
counting the load generator. Output goes to files in the scenario's scratch directory (never to a
pipe nobody drains); the first stdout line is how fakekube and faketeleport say they are ready.
Linux only (``/proc``), which is what the benchmarks target.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
from collections.abc import Sequence
from pathlib import Path
from typing import IO

__all__ = ["Child", "free_port"]

_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


class Child:
    """One child process; stdout to ``<dir>/<name>.out``, stderr to ``<dir>/<name>.log``."""

    def __init__(
        self, name: str, args: Sequence[str], directory: Path, env: dict[str, str] | None = None
    ) -> None:
        self.name = name
        self.args = list(args)
        self.out = directory / f"{name}.out"
        self.log = directory / f"{name}.log"
        self.env = env
        self.proc: asyncio.subprocess.Process | None = None
        self._files: list[IO[bytes]] = []

    async def start(self) -> Child:
        out, err = self.out.open("wb"), self.log.open("wb")
        self._files = [out, err]
        self.proc = await asyncio.create_subprocess_exec(
            *self.args, stdout=out, stderr=err, stdin=asyncio.subprocess.DEVNULL, env=self.env
        )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.returncode is None

    async def first_line(self, limit: float = 60.0) -> str:
        """The first stdout line; fails if the process exits or stays silent for ``timeout``."""
        async with asyncio.timeout(limit):
            while True:
                text = self.out.read_text(encoding="utf-8", errors="replace")
                if "\n" in text:
                    return text.split("\n", 1)[0].strip()
                if not self.alive():
                    raise RuntimeError(f"{self.name} exited early:\n{self.log_tail()}")
                await asyncio.sleep(0.05)

    def log_tail(self, lines: int = 30) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(self.log.read_text("utf-8", errors="replace").splitlines()[-lines:])

    def signal(self, sig: signal.Signals) -> None:
        if self.alive():
            assert self.proc is not None
            self.proc.send_signal(sig)

    async def stop(self, grace: float = 20.0) -> int | None:
        """SIGTERM, then SIGKILL after ``grace`` seconds; closes the output files."""
        if self.proc is None:
            return None
        if self.proc.returncode is None:
            self.proc.terminate()
            try:
                async with asyncio.timeout(grace):
                    await self.proc.wait()
            except TimeoutError:
                self.proc.kill()
                await self.proc.wait()
        for f in self._files:
            f.close()
        self._files = []
        return self.proc.returncode

    async def kill(self) -> None:
        """SIGKILL and reap."""
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        for f in self._files:
            f.close()
        self._files = []

    # -- /proc ------------------------------------------------------------------------------

    def cpu_s(self) -> float:
        """User + system CPU seconds of the process so far."""
        with open(f"/proc/{self.pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS

    def _status_kib(self, key: str) -> float:
        with open(f"/proc/{self.pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return float(line.split()[1])
        return 0.0

    def rss_mb(self) -> float:
        return self._status_kib("VmRSS") / 1024

    def peak_rss_mb(self) -> float:
        """``VmHWM``: the peak resident set size so far."""
        return self._status_kib("VmHWM") / 1024
