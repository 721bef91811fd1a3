"""Checks every faketeleport write applies, whatever the kind: resource names and enum values.

Names: Teleport's metadata check refuses an empty name (``missing parameter Name``); backend keys
cannot hold path separators, whitespace or control characters, and ``.``/``..`` would alias other
keys, so such names are refused with BadParameter too (a faithful-enough model of what a real
server rejects; the exact wording differs by kind and version).

Enums: proto3 keeps numbers a schema does not define, and Go's gogo types would carry them into
Teleport's validation, which rejects them (for example ``invalid host user mode``). The fake
rejects any undefined enum number anywhere in the message with BadParameter.
"""

from __future__ import annotations

import re
from typing import Any

from teleop.teleport.errors import BadParameter

__all__ = ["check_enums", "check_name"]

_BAD_NAME = re.compile(r"[/\\\s\x00-\x1f]|^\.\.?$")
_MAX_NAME = 253


def check_name(kind: str, name: str) -> str:
    """Return ``name`` if Teleport would accept it for ``kind``; else BadParameter."""
    if not name:
        raise BadParameter("missing parameter Name")
    if len(name) > _MAX_NAME or _BAD_NAME.search(name):
        raise BadParameter(f"{kind} name {name!r} is invalid")
    return name


def _is_repeated(fd: Any) -> bool:
    return bool(getattr(fd, "is_repeated", False) or getattr(fd, "label", 0) == 3)


def check_enums(msg: Any, path: str) -> None:
    """Reject enum fields holding numbers the schema does not define, at any depth."""
    for fd, value in msg.ListFields():
        if fd.message_type is not None:
            if fd.message_type.GetOptions().map_entry:
                continue
            for item in value if _is_repeated(fd) else [value]:
                check_enums(item, f"{path}.{fd.name}")
        elif fd.enum_type is not None:
            for v in value if _is_repeated(fd) else [value]:
                if fd.enum_type.values_by_number.get(v) is None:
                    raise BadParameter(f"invalid value {v} for {path}.{fd.name}")
