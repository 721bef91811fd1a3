"""Conformance: ``python -m teleop.testing.fakekube`` as a process."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import aiohttp
import yaml

from tests.fakekube.helpers import CONFIGMAPS, Api, configmap


@asynccontextmanager
async def _server(*args: str) -> AsyncIterator[tuple[asyncio.subprocess.Process, str]]:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "teleop.testing.fakekube", "--host", "127.0.0.1", "--port", "0", *args,
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert proc.stdout is not None
        async with asyncio.timeout(20):
            url = (await proc.stdout.readline()).decode().strip()
        yield proc, url
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()


async def test_prints_url_when_ready_and_serves() -> None:
    async with _server() as (_, url), aiohttp.ClientSession(url) as s:
        assert url.startswith("http://127.0.0.1:")
        assert (await Api(s).get("/api/v1/namespaces/default")).status == 200


async def test_token_is_required() -> None:
    async with _server("--token", "T") as (_, url), aiohttp.ClientSession(url) as s:
        api = Api(s)
        assert (await api.get(CONFIGMAPS)).status == 401
        assert (await api.get(CONFIGMAPS, headers={"Authorization": "Bearer T"})).status == 200


async def test_writes_kubeconfig(tmp_path: Path) -> None:
    path = tmp_path / "kc"
    async with _server("--kubeconfig", str(path), "--token", "T") as (_, url):
        doc = yaml.safe_load(path.read_text())
    assert doc["clusters"][0]["cluster"]["server"] == url
    assert doc["users"][0]["user"] == {"token": "T"}
    assert doc["contexts"][0]["context"]["namespace"] == "default"


async def test_history_window_flag() -> None:
    async with _server("--history-window", "2") as (_, url), aiohttp.ClientSession(url) as s:
        api = Api(s)
        first = await api.post(CONFIGMAPS, configmap("a"))
        for i in range(3):
            await api.post(CONFIGMAPS, configmap(f"b{i}"))
        async with api.watch(CONFIGMAPS, resourceVersion=first.rv) as w:
            [ev] = await w.rest()
        assert ev["type"] == "ERROR"


async def test_bookmark_interval_flag() -> None:
    async with _server("--bookmark-interval", "0.2") as (_, url), aiohttp.ClientSession(url) as s:
        async with Api(s).watch(CONFIGMAPS, allowWatchBookmarks="true") as w:
            [ev] = await w.take(1)
        assert ev["type"] == "BOOKMARK"


async def test_sigterm_exits_cleanly() -> None:
    async with _server() as (proc, _):
        proc.send_signal(signal.SIGTERM)
        async with asyncio.timeout(10):
            assert await proc.wait() == 0


async def test_sigint_exits_cleanly_with_an_open_watch() -> None:
    async with _server() as (proc, url), aiohttp.ClientSession(url) as s:
        async with Api(s).watch(CONFIGMAPS) as w:
            proc.send_signal(signal.SIGINT)
            assert await w.rest(wait=10) == []
        async with asyncio.timeout(10):
            assert await proc.wait() == 0
