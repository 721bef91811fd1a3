"""Go duration strings: parse like ``time.ParseDuration``, format like ``time.Duration.String()``.

Teleport's ``types.Duration`` is int64 nanoseconds on the wire; its JSON form is the string
``time.Duration.String()`` produces ("8h0m0s") and its JSON decoder accepts anything
``time.ParseDuration`` accepts plus the word "never" (zero). It rejects JSON numbers. Fractions are
computed with float64 exactly as Go does, so "1.1h" gives Go's nanosecond count. The
``google.protobuf.Duration`` form ("3600s", "1.500s", protojson's spelling) is also here: it is a
valid Go duration too, so one parser reads both.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = [
    "DURATION_NEVER",
    "format_go_duration",
    "format_proto_duration",
    "parse_go_duration",
]

DURATION_NEVER = "never"

_MAX = (1 << 63) - 1
_UNITS: Mapping[str, int] = MappingProxyType(
    {
        "ns": 1,
        "us": 1_000,
        "\u00b5s": 1_000,  # micro sign
        "\u03bcs": 1_000,  # Greek mu
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60 * 1_000_000_000,
        "h": 3600 * 1_000_000_000,
    }
)


def parse_go_duration(text: str) -> int:
    """Nanoseconds for a Go duration string; ``ValueError`` if Go would reject it."""
    if text == DURATION_NEVER:
        return 0
    s = text
    neg = False
    if s and s[0] in "+-":
        neg = s[0] == "-"
        s = s[1:]
    if s == "0":
        return 0
    if not s:
        raise ValueError(text)
    total = 0
    while s:
        i = 0
        while i < len(s) and s[i].isascii() and s[i].isdigit():
            i += 1
        whole, s = s[:i], s[i:]
        frac_digits = ""
        if s.startswith("."):
            j = 1
            while j < len(s) and s[j].isascii() and s[j].isdigit():
                j += 1
            frac_digits, s = s[1:j], s[j:]
        if not whole and not frac_digits:
            raise ValueError(text)
        j = 0
        while j < len(s) and s[j] != "." and not (s[j].isascii() and s[j].isdigit()):
            j += 1
        unit_name, s = s[:j], s[j:]
        unit = _UNITS.get(unit_name)
        if unit is None:
            raise ValueError(text)
        value = int(whole or "0") * unit
        if frac_digits:
            value += _go_fraction(frac_digits, unit)
        total += value
        if total > _MAX + 1:
            raise ValueError(text)
    if neg:
        return -total
    if total > _MAX:
        raise ValueError(text)
    return total


def _go_fraction(digits: str, unit: int) -> int:
    """Go's ``int64(float64(f) * (float64(unit) / scale))``, with its overflow cut-off."""
    f = 0
    scale = 1.0
    for ch in digits:
        nxt = f * 10 + int(ch)
        if nxt > _MAX:
            break
        f = nxt
        scale *= 10
    return int(float(f) * (float(unit) / scale))


def _frac(v: int, prec: int) -> tuple[str, int]:
    """Go's fmtFrac: the ``prec`` low decimal digits of v as ".ddd" (zeros trimmed), and v/10^prec."""
    digits = f"{v % 10**prec:0{prec}d}".rstrip("0")
    return ("." + digits if digits else ""), v // 10**prec


def format_go_duration(nanos: int) -> str:
    """``time.Duration(nanos).String()``: "8h0m0s", "1h30m0s", "300ms", "1.5µs", "0s"."""
    if nanos == 0:
        return "0s"
    sign = "-" if nanos < 0 else ""
    u = abs(nanos)
    if u < 1_000_000_000:
        if u < 1_000:
            return f"{sign}{u}ns"
        if u < 1_000_000:
            frac, whole = _frac(u, 3)
            return f"{sign}{whole}{frac}\u00b5s"
        frac, whole = _frac(u, 6)
        return f"{sign}{whole}{frac}ms"
    frac, u = _frac(u, 9)
    out = f"{u % 60}{frac}s"
    u //= 60
    if u:
        out = f"{u % 60}m{out}"
        u //= 60
        if u:
            out = f"{u}h{out}"
    return sign + out


def format_proto_duration(seconds: int, nanos: int) -> str:
    """protojson's ``google.protobuf.Duration`` form: "3600s", "1.500s", "-0.000000001s"."""
    total = seconds * 1_000_000_000 + nanos
    sign = "-" if total < 0 else ""
    whole, rest = divmod(abs(total), 1_000_000_000)
    if rest == 0:
        return f"{sign}{whole}s"
    digits = f"{rest:09d}"
    for width in (3, 6):
        if digits[width:] == "0" * (9 - width):
            digits = digits[:width]
            break
    return f"{sign}{whole}.{digits}s"
