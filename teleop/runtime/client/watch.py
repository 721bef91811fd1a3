"""Watch events and the decoder for the API server's watch stream.

A watch answers HTTP 200 and then streams one JSON object per line (chunked transfer):
``{"type": "ADDED"|"MODIFIED"|"DELETED"|"BOOKMARK"|"ERROR", "object": {...}}``. The decoder
splits the raw byte stream on newlines itself (aiohttp's ``readline`` copies more and caps line
length), decodes each line to a plain dict, and turns an ``ERROR`` event into the typed
``ApiError`` its Status carries, so a compacted watch (200, then ERROR code 410) raises
``Expired`` exactly like an HTTP 410 would. Other event types are passed through; the caller
decides what a BOOKMARK means.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from typing import Final

from teleop.runtime.client.errors import ServerError, error_from_status
from teleop.runtime.client.objects import KubeObject

__all__ = ["ADDED", "BOOKMARK", "DELETED", "ERROR", "MODIFIED", "WatchEvent", "decode_watch"]

ADDED: Final = "ADDED"
MODIFIED: Final = "MODIFIED"
DELETED: Final = "DELETED"
BOOKMARK: Final = "BOOKMARK"
ERROR: Final = "ERROR"


@dataclass(frozen=True, slots=True)
class WatchEvent:
    """One change: ``type`` is ADDED, MODIFIED, DELETED or BOOKMARK; ``object`` is the object."""

    type: str
    object: KubeObject

    @property
    def resource_version(self) -> str:
        return str((self.object.get("metadata") or {}).get("resourceVersion") or "")


def _event(line: bytes) -> WatchEvent:
    try:
        raw = json.loads(line)
    except ValueError as e:
        raise ServerError(500, "InternalError", f"undecodable watch event: {e}") from e
    etype = raw.get("type") if isinstance(raw, dict) else None
    obj = raw.get("object") if isinstance(raw, dict) else None
    if not isinstance(etype, str) or not isinstance(obj, dict):
        raise ServerError(500, "InternalError", "malformed watch event")
    if etype == ERROR:
        raise error_from_status(int(obj.get("code") or 500), obj)
    return WatchEvent(etype, obj)


async def decode_watch(chunks: AsyncIterable[bytes]) -> AsyncIterator[WatchEvent]:
    """Events from the raw chunks of a watch response body, in order."""
    pending = bytearray()
    async for chunk in chunks:
        if b"\n" not in chunk:
            pending += chunk
            continue
        if pending:
            pending += chunk
            data = bytes(pending)
            pending.clear()
        else:
            data = chunk
        *lines, rest = data.split(b"\n")
        pending += rest
        for line in lines:
            if line.strip():
                yield _event(line)
    if pending.strip():
        yield _event(bytes(pending))
