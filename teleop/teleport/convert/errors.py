"""ConversionError: the one error the converter raises, naming the path of the offending field.

Users read these messages in a CR's status condition (``Failed to decode Kubernetes CR: <err>``),
so each carries the dotted path of the field as the user wrote it (``spec.allow.node_labels.env``,
``spec.allow.rules[0].verbs``) and a short reason. The converter stops at the first error.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ConversionError", "json_type_name"]


class ConversionError(ValueError):
    """A value could not be converted; ``str(err)`` is exactly ``"<path>: <reason>"``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def json_type_name(value: Any) -> str:
    """The JSON type of a decoded JSON/YAML value: string, number, boolean, list, object, null."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__
