"""Structured logging: context fields that follow the task, and JSON and text formatters.

A controller logs every reconcile with ``controller``, ``namespace``, ``name`` and
``reconcileID``, like controller-runtime. Instead of passing a logger down, the fields live in a
``contextvars.ContextVar``: ``log_fields(...)`` adds fields for the duration of a ``with`` block,
and they follow the asyncio task (and any task it creates, which copies the context). A
reconciler then logs through any ordinary ``logging`` logger and its lines carry the same fields,
because ``ContextFilter`` (installed by ``configure_logging``) copies the current fields onto every
record; ``reconcile_context()`` returns them for code that wants them as data (for example to tag
an outgoing request with the reconcileID).

The context variable is the one module-level object here; it is immutable (each ``log_fields``
block sets a new read-only mapping and restores the previous one on exit), so there is no shared
mutable state. ``configure_logging`` changes the process's root logger: the entry point calls it
once.

Output: ``JSONFormatter`` writes one object per line (``ts``, ``level``, ``logger``, ``msg``, then
the context fields, then ``extra=`` fields, then ``error``/``stacktrace``); ``TextFormatter``
writes ``ts LEVEL logger msg key=value ...``.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from types import MappingProxyType
from typing import IO, Any, Literal

__all__ = [
    "RECONCILE_FIELDS",
    "ContextFilter",
    "JSONFormatter",
    "TextFormatter",
    "configure_logging",
    "current_fields",
    "log_fields",
    "reconcile_context",
]

RECONCILE_FIELDS = ("controller", "namespace", "name", "reconcileID")
"""The fields a controller sets around each reconcile."""

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_FIELDS: ContextVar[Mapping[str, Any]] = ContextVar("teleop_log_fields", default=_EMPTY)

_RECORD_ATTR = "teleop_fields"
# Attributes every LogRecord has; anything else on a record came from ``extra=``.
_STANDARD_ATTRS = frozenset(
    logging.LogRecord("", 0, "", 0, "", None, None).__dict__.keys()
    | {"message", "asctime", "taskName", _RECORD_ATTR}
)


@contextmanager
def log_fields(**fields: Any) -> Iterator[Mapping[str, Any]]:
    """Add ``fields`` to every log line emitted in this block (nested blocks add to them)."""
    merged = MappingProxyType({**_FIELDS.get(), **fields})
    token = _FIELDS.set(merged)
    try:
        yield merged
    finally:
        _FIELDS.reset(token)


def current_fields() -> Mapping[str, Any]:
    """The context fields in effect here (read-only)."""
    return _FIELDS.get()


def reconcile_context() -> dict[str, Any]:
    """The reconcile in progress: ``controller``, ``namespace``, ``name``, ``reconcileID``.

    Empty outside a reconcile. Log lines need nothing from this (they get the fields through
    ``ContextFilter``); it is for code that wants the values themselves.
    """
    fields = _FIELDS.get()
    return {k: fields[k] for k in RECONCILE_FIELDS if k in fields}


class ContextFilter(logging.Filter):
    """Copies the current context fields onto each record (as ``record.teleop_fields``).

    Attach it to a handler so that records formatted later, or on another thread, keep the
    fields of the task that logged them.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, _RECORD_ATTR):
            setattr(record, _RECORD_ATTR, _FIELDS.get())
        return True


def _record_fields(record: logging.LogRecord) -> dict[str, Any]:
    ctx: Mapping[str, Any] = getattr(record, _RECORD_ATTR, None) or _FIELDS.get()
    fields = dict(ctx)
    for key, value in record.__dict__.items():
        if key not in _STANDARD_ATTRS and not key.startswith("_"):
            fields[key] = value
    return fields


def _timestamp(record: logging.LogRecord) -> str:
    return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")


class JSONFormatter(logging.Formatter):
    """One JSON object per line; values that are not JSON become strings."""

    def format(self, record: logging.LogRecord) -> str:
        out: dict[str, Any] = {
            "ts": _timestamp(record),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        for key, value in _record_fields(record).items():
            out.setdefault(key, value)
        if record.exc_info and record.exc_info[1] is not None:
            out["error"] = repr(record.exc_info[1])
            out["stacktrace"] = self.formatException(record.exc_info)
        elif record.exc_text:
            out["stacktrace"] = record.exc_text
        if record.stack_info:
            out["stack"] = self.formatStack(record.stack_info)
        return json.dumps(out, default=str)


class TextFormatter(logging.Formatter):
    """``<ts> <LEVEL> <logger> <msg> key=value ...`` for people reading a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        parts = [_timestamp(record), f"{record.levelname:<7}", record.name, record.getMessage()]
        parts += [f"{k}={_text_value(v)}" for k, v in _record_fields(record).items()]
        line = " ".join(parts)
        if record.exc_info and record.exc_info[1] is not None:
            line += "\n" + self.formatException(record.exc_info)
        if record.stack_info:
            line += "\n" + self.formatStack(record.stack_info)
        return line


def _text_value(value: Any) -> str:
    text = str(value)
    return json.dumps(text) if (not text or any(c in text for c in ' "=\n')) else text


def configure_logging(
    level: int | str = "info",
    fmt: Literal["json", "text"] = "json",
    *,
    stream: IO[str] | None = None,
) -> logging.Handler:
    """Send the root logger to ``stream`` (stderr) in ``fmt``; replaces a previous call's handler."""
    if fmt not in ("json", "text"):
        raise ValueError(f"log format must be 'json' or 'text', not {fmt!r}")
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JSONFormatter() if fmt == "json" else TextFormatter())
    setattr(handler, "_teleop", True)  # noqa: B010 - marks the handler we own
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_teleop", False):
            root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper() if isinstance(level, str) else level)
    return handler
