"""String ``format`` checks of CRD schemas, as kube-apiserver applies them.

The apiserver keeps only the formats listed in apiextensions-apiserver
``pkg/apiserver/validation/formats.go`` (names normalised by dropping ``-``, so ``date-time`` is
``datetime``); any other string format is stripped and never checked. Integer formats other than
``int32``/``int64`` and number formats other than ``float``/``double`` are stripped too, and the
kept numeric formats only influence the type check (no range check: the schema validator builds
its number validator without type and format). The checks below follow go-openapi ``strfmt``
closely enough for a test double; the rarely used ones (isbn, creditcard, ssn) are regex
approximations.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import ipaddress
import re
from collections.abc import Callable
from types import MappingProxyType
from typing import Final

__all__ = ["effective_format", "format_checker"]

_UUID = r"[0-9a-f]{8}-?[0-9a-f]{4}-?%s[0-9a-f]{3}-?%s[0-9a-f]{3}-?[0-9a-f]{12}"
_RX: Final[MappingProxyType[str, re.Pattern[str]]] = MappingProxyType(
    {
        "bsonobjectid": re.compile(r"^[0-9a-fA-F]{24}$"),
        "uuid": re.compile("(?i)^" + (_UUID % ("[0-9a-f]", "[0-9a-f]")) + "$"),
        "uuid3": re.compile("(?i)^" + (_UUID % ("3", "[0-9a-f]")) + "$"),
        "uuid4": re.compile("(?i)^" + (_UUID % ("4", "[89ab]")) + "$"),
        "uuid5": re.compile("(?i)^" + (_UUID % ("5", "[89ab]")) + "$"),
        "hexcolor": re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"),
        "rgbcolor": re.compile(
            r"^rgb\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\)$",
        ),
        "ssn": re.compile(r"^\d{3}[- ]?\d{2}[- ]?\d{4}$"),
        "isbn10": re.compile(r"^(?:[0-9]{9}X|[0-9]{10})$"),
        "isbn13": re.compile(r"^(?:[0-9]{13})$"),
        "creditcard": re.compile(
            r"^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}"
            r"|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\d{3})\d{11})$"
        ),
        "hostname": re.compile(
            r"^(?=.{1,253}$)[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?"
            r"(\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*$"
        ),
        "email": re.compile(r"^[^@\s<>]+@[^@\s<>]+$"),
        "duration": re.compile(
            r"^(((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+|0)$"
            r"|^\s*\d+\s*(ns|us|ms|s|m|h|d|w|nano|micro|milli|second|minute|hour|day|week)"
            r"(s|seconds?|minutes?|hours?|days?|weeks?)?\s*$"
        ),
        "quantity": re.compile(
            r"^[+-]?(\d+(\.\d*)?|\.\d+)"
            r"(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?\d+))?$"
        ),
    }
)


def _is_ip(version: int) -> Callable[[str], bool]:
    def check(s: str) -> bool:
        try:
            return ipaddress.ip_address(s).version == version
        except ValueError:
            return False

    return check


def _cidr(s: str) -> bool:
    try:
        ipaddress.ip_network(s, strict=False)
    except ValueError:
        return False
    return "/" in s


def _mac(s: str) -> bool:
    return bool(
        re.fullmatch(r"([0-9A-Fa-f]{2}[:-]){5,19}[0-9A-Fa-f]{2}", s)
        or re.fullmatch(r"([0-9A-Fa-f]{4}\.){2,9}[0-9A-Fa-f]{4}", s)
    )


def _byte(s: str) -> bool:
    try:
        base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        return False
    return True


_TIME: Final = re.compile(
    r"^([0-9]{2}):([0-9]{2}):([0-9]{2})(.[0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$"
)


def _date(s: str) -> bool:
    # strfmt IsDate: time.Parse("2006-01-02"), a real calendar date.
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s):
        return False
    try:
        datetime.date.fromisoformat(s)
    except ValueError:
        return False
    return True


def _datetime(s: str) -> bool:
    # strfmt IsDateTime: split the lowercased string on "t", a date, then
    # HH:MM:SS[.frac](z|+hh:mm) with hour <= 23, minute and second <= 59.
    parts = s.lower().split("t")
    if len(s) < 4 or len(parts) < 2 or not _date(parts[0]):
        return False
    m = _TIME.match(parts[1])
    return m is not None and m.group(1) <= "23" and m.group(2) <= "59" and m.group(3) <= "59"


def _uri(s: str) -> bool:
    # net/url.ParseRequestURI: an absolute URI (scheme:...) or an absolute path.
    return bool(re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*:|/)\S*$", s))


def _isbn(s: str) -> bool:
    digits = s.replace("-", "").replace(" ", "")
    return bool(_RX["isbn10"].match(digits) or _RX["isbn13"].match(digits))


def _rgb(s: str) -> bool:
    m = _RX["rgbcolor"].match(s)
    return m is not None and all(int(g) <= 255 for g in m.groups())


def _matcher(rx: re.Pattern[str]) -> Callable[[str], bool]:
    def check(s: str) -> bool:
        return rx.match(s) is not None

    return check


def _build_checks() -> MappingProxyType[str, Callable[[str], bool]]:
    checks: dict[str, Callable[[str], bool]] = {
        "ipv4": _is_ip(4),
        "ipv6": _is_ip(6),
        "cidr": _cidr,
        "mac": _mac,
        "byte": _byte,
        "uri": _uri,
        "date": _date,
        "datetime": _datetime,
        "isbn": _isbn,
        "isbn10": lambda s: bool(_RX["isbn10"].match(s.replace("-", "").replace(" ", ""))),
        "isbn13": lambda s: bool(_RX["isbn13"].match(s.replace("-", "").replace(" ", ""))),
        "rgbcolor": _rgb,
        "password": lambda s: True,
        "k8sshortname": lambda s: (
            bool(re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?", s)) and len(s) <= 63
        ),
        "k8slongname": lambda s: (
            bool(
                re.fullmatch(r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", s)
            )
            and len(s) <= 253
        ),
    }
    for name, rx in _RX.items():
        checks.setdefault(name, _matcher(rx))
    return MappingProxyType(checks)


_CHECKS: Final = _build_checks()


def effective_format(schema_type: str, fmt: str) -> str:
    """The format the apiserver keeps for this type (``""`` when it strips it)."""
    if not fmt:
        return ""
    if schema_type in ("", "string"):
        return fmt if fmt.replace("-", "") in _CHECKS else ""
    if schema_type == "integer":
        return fmt if fmt in ("int32", "int64") else ""
    if schema_type == "number":
        return fmt if fmt in ("float", "double") else ""
    return ""


def format_checker(fmt: str) -> Callable[[str], bool] | None:
    """The string check for a kept format, or ``None`` for numeric or unknown formats."""
    return _CHECKS.get(fmt.replace("-", ""))
