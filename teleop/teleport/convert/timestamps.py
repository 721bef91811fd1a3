"""RFC 3339 timestamps with nanoseconds, as Go's ``time.RFC3339Nano`` reads and writes them.

``datetime`` stops at microseconds, so the fraction is parsed separately and the seconds come
from calendar arithmetic. Output is always UTC with a "Z" and the fraction's trailing zeros trimmed,
which is what Go's ``time.Time.MarshalJSON`` writes after ``UTC()``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

__all__ = ["format_rfc3339", "parse_rfc3339"]

_RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?"
    r"(?:([Zz])|([+-])(\d{2}):(\d{2}))\Z"
)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def parse_rfc3339(text: str) -> tuple[int, int]:
    """(seconds since the Unix epoch, nanoseconds); ``ValueError`` if not RFC 3339."""
    m = _RFC3339.match(text)
    if m is None:
        raise ValueError(text)
    year, month, day, hour, minute, second = (int(g) for g in m.group(1, 2, 3, 4, 5, 6))
    nanos = int((m.group(7) or "0").ljust(9, "0"))
    base = datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    seconds = (base - _EPOCH) // timedelta(seconds=1)
    if m.group(9) is not None:
        offset = int(m.group(10)) * 3600 + int(m.group(11)) * 60
        seconds -= offset if m.group(9) == "+" else -offset
    return seconds, nanos


def format_rfc3339(seconds: int, nanos: int) -> str:
    """Go's ``t.UTC().Format(time.RFC3339Nano)``."""
    moment = _EPOCH + timedelta(seconds=seconds)
    frac = f"{nanos:09d}".rstrip("0")
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}T"
        f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
        + (f".{frac}" if frac else "")
        + "Z"
    )
