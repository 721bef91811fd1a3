"""Decoding the watch stream: arbitrary chunking, ERROR events as typed errors."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest

from teleop.runtime.client.errors import Expired, ServerError
from teleop.runtime.client.watch import WatchEvent, decode_watch


async def _chunks(data: bytes, size: int) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


def _line(etype: str, obj: dict[str, object]) -> bytes:
    return json.dumps({"type": etype, "object": obj}).encode() + b"\n"


@pytest.mark.parametrize("size", [1, 7, 64, 100_000])
async def test_any_chunking(size: int) -> None:
    objs = [{"metadata": {"name": f"o{i}", "resourceVersion": str(i)}} for i in range(20)]
    data = b"".join(_line("ADDED", o) for o in objs) + b"\n"
    got = [e async for e in decode_watch(_chunks(data, size))]
    assert got == [WatchEvent("ADDED", o) for o in objs]
    assert got[3].resource_version == "3"


async def test_last_line_without_newline() -> None:
    data = _line("MODIFIED", {"metadata": {"name": "a"}})[:-1]
    got = [e async for e in decode_watch(_chunks(data, 5))]
    assert got == [WatchEvent("MODIFIED", {"metadata": {"name": "a"}})]


async def test_error_event_raises_typed() -> None:
    status = {"kind": "Status", "code": 410, "reason": "Expired", "message": "too old"}
    data = _line("ADDED", {"metadata": {"name": "a"}}) + _line("ERROR", status)
    seen: list[WatchEvent] = []

    async def collect() -> None:
        async for e in decode_watch(_chunks(data, 3)):
            seen.append(e)

    with pytest.raises(Expired):
        await collect()
    assert len(seen) == 1


async def test_garbage_raises() -> None:
    with pytest.raises(ServerError):
        async for _ in decode_watch(_chunks(b"{not json\n", 100)):
            pass
