"""Validation causes and their kube-apiserver wording, for fakekube's CRD schema engine.

A ``Cause`` is one entry of a 422 ``Status.details.causes`` list. The real apiserver builds these
from ``field.Error`` values (k8s.io/apimachinery/pkg/util/validation/field/errors.go): ``reason``
is the error type (``FieldValueInvalid``...), ``message`` is ``ErrorBody()`` (type text, bad value,
detail) and ``field`` the dotted path. The helpers here reproduce ``ErrorBody`` and the
``<Kind>.<group> "<name>" is invalid: ...`` message of ``errors.NewInvalid`` so that clients that
parse either see what a real cluster sends. Values are formatted as Go's ``fmt`` would print the
decoded JSON (``%q`` for strings, ``%v`` for numbers, ``%#v`` for maps and slices).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

__all__ = [
    "REASON_TEXT",
    "Cause",
    "format_invalid_message",
    "go_float",
    "go_quote",
    "go_value",
    "make_cause",
]

# ErrorType -> ErrorType.String(), field/errors.go.
REASON_TEXT: Final[dict[str, str]] = {
    "FieldValueNotFound": "Not found",
    "FieldValueRequired": "Required value",
    "FieldValueDuplicate": "Duplicate value",
    "FieldValueInvalid": "Invalid value",
    "FieldValueNotSupported": "Unsupported value",
    "FieldValueForbidden": "Forbidden",
    "FieldValueTooLong": "Too long",
    "FieldValueTooMany": "Too many",
    "InternalError": "Internal error",
    "FieldValueTypeInvalid": "Invalid value",
}

# ErrorBody prints only the type text (never the value) for these.
_NO_VALUE: Final = frozenset(
    {"FieldValueRequired", "FieldValueForbidden", "FieldValueTooLong", "InternalError"}
)

OMIT: Final = object()
"""Sentinel bad value: ErrorBody prints no value (``field.TooMany`` with an unknown count)."""


@dataclass(frozen=True, slots=True)
class Cause:
    """One ``details.causes`` entry: ``reason`` (CauseType), ``message`` (ErrorBody), ``field``."""

    reason: str
    message: str
    field: str

    def error(self) -> str:
        """``field.Error.Error()``: ``"<field>: <message>"`` (the text the aggregate joins)."""
        return f"{self.field}: {self.message}"


def go_quote(s: str) -> str:
    """Go's ``%q`` / ``strconv.Quote`` for the strings we meet (printable text, common escapes)."""
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\x{code:02x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def go_float(f: float) -> str:
    """Go's ``%v`` for a float64: shortest digits, exponent form below 1e-4 and from 1e21."""
    if f != f:
        return "NaN"
    if f in (float("inf"), float("-inf")):
        return "+Inf" if f > 0 else "-Inf"
    if f == 0:
        return "-0" if str(f).startswith("-") else "0"
    sign, digits, exp = Decimal(repr(f)).normalize().as_tuple()
    assert isinstance(exp, int)
    ds = "".join(str(d) for d in digits)
    x = len(ds) + exp - 1  # decimal exponent of the first digit
    neg = "-" if sign else ""
    if x < -4 or x >= 21:
        mant = ds[0] + ("." + ds[1:] if len(ds) > 1 else "")
        return f"{neg}{mant}e{'+' if x >= 0 else '-'}{abs(x):02d}"
    if exp >= 0:
        return neg + ds + "0" * exp
    point = len(ds) + exp
    if point > 0:
        return neg + ds[:point] + "." + ds[point:]
    return neg + "0." + "0" * (-point) + ds


def _go_sharp(v: Any) -> str:
    """Go's ``%#v`` of a decoded JSON value (maps print with sorted keys)."""
    if v is None:
        return "interface {}(nil)"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, float):
        return go_float(v)
    if isinstance(v, str):
        return go_quote(v)
    if isinstance(v, list):
        return "[]interface {}{" + ", ".join(_go_sharp(x) for x in v) + "}"
    if isinstance(v, dict):
        inner = ", ".join(f"{go_quote(k)}:{_go_sharp(v[k])}" for k in sorted(v))
        return "map[string]interface {}{" + inner + "}"
    return repr(v)


def go_value(v: Any) -> str:
    """How ``ErrorBody`` prints a bad value: ``%v`` for scalars, ``%q`` strings, ``%#v`` else.

    Those agree with ``%#v`` for every JSON scalar except null, which ``%v`` prints as "null".
    """
    return "null" if v is None else _go_sharp(v)


def make_cause(reason: str, field: str, value: Any = OMIT, detail: str = "") -> Cause:
    """Build a cause whose message is ``ErrorBody()`` of the equivalent ``field.Error``."""
    text = REASON_TEXT[reason]
    body = text if reason in _NO_VALUE or value is OMIT else f"{text}: {go_value(value)}"
    if detail:
        body = f"{body}: {detail}"
    return Cause(reason=reason, message=body, field=field)


def format_invalid_message(kind_group: str, name: str, causes: list[Cause]) -> str:
    """The ``Status.message`` of a 422 from ``errors.NewInvalid``.

    ``<Kind>.<group> "<name>" is invalid: <agg>`` where ``<agg>`` is ``ErrorList.ToAggregate()``:
    duplicate error strings dropped, one error printed bare, several inside ``[...]`` joined by
    ``", "``; with no causes the message stops after ``is invalid``.
    """
    seen: set[str] = set()
    msgs: list[str] = []
    for c in causes:
        e = c.error()
        if e not in seen:
            seen.add(e)
            msgs.append(e)
    head = f"{kind_group} {go_quote(name)} is invalid"
    if not msgs:
        return head
    if len(msgs) == 1:
        return f"{head}: {msgs[0]}"
    return f"{head}: [{', '.join(msgs)}]"
