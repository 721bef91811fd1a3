"""Converter: the JSON plan of each message type, derived from its descriptors once and kept.

Deriving a message's JSON keys, casts and embedded-field routes means scanning every field's
options off the descriptors; doing that for every object decoded or encoded cost more than the
conversion itself. A ``Converter`` remembers, per message descriptor, the plan built the first time
it meets that message type: the routes (JSON key -> the fields to follow) for ``decode`` and the
``(field, FieldJSON, is_map)`` entries in declaration order for ``encode``. A plan never changes
once built (tuples and frozen dataclasses; routes are a read-only mapping).

The cache lives on the instance, never at module level: the operator creates one ``Converter``
and passes it to ``decode``/``encode`` (``converter=``); a call without one uses a fresh
``Converter`` for that call alone. Plans are keyed by the descriptor object, so messages of
private descriptor pools (tests) with the same full name never share a plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from google.protobuf.descriptor import FieldDescriptor

from teleop.teleport.convert.options import FieldJSON, field_json
from teleop.teleport.convert.shapes import fields_of, is_map

__all__ = ["Converter", "FieldPlan"]


@dataclass(frozen=True, slots=True)
class FieldPlan:
    """One field of a message as the converter handles it."""

    field: FieldDescriptor
    json: FieldJSON
    is_map: bool


@dataclass(frozen=True, slots=True)
class _MessagePlan:
    fields: tuple[FieldPlan, ...]
    routes: Mapping[str, tuple[FieldPlan, ...]]


class Converter:
    """Caches each message type's JSON plan; see the module docstring."""

    def __init__(self) -> None:
        self._plans: dict[Any, _MessagePlan] = {}
        self._fields: dict[Any, FieldPlan] = {}

    def fields(self, descriptor: Any) -> tuple[FieldPlan, ...]:
        """The message's fields in declaration order, with their JSON options."""
        return self._plan(descriptor).fields

    def routes(self, descriptor: Any) -> Mapping[str, tuple[FieldPlan, ...]]:
        """JSON key -> the fields to follow to reach it (embedded messages first, then it)."""
        return self._plan(descriptor).routes

    def field(self, field: FieldDescriptor) -> FieldPlan:
        """The plan of one field (its JSON options and whether it is a map)."""
        plan = self._fields.get(field)
        if plan is None:
            plan = FieldPlan(field, field_json(field), is_map(field))
            self._fields[field] = plan
        return plan

    def _plan(self, descriptor: Any) -> _MessagePlan:
        plan = self._plans.get(descriptor)
        if plan is None:
            fields = tuple(self.field(f) for f in fields_of(descriptor))
            routes: dict[str, tuple[FieldPlan, ...]] = {}
            for fp in fields:
                if fp.json.omit:
                    continue
                if fp.json.embed:
                    for key, route in self.routes(fp.field.message_type).items():
                        routes.setdefault(key, (fp, *route))
                else:
                    routes[fp.json.key] = (fp,)
            plan = _MessagePlan(fields, MappingProxyType(routes))
            self._plans[descriptor] = plan
        return plan
