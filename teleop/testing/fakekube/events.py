"""events.k8s.io/v1 as a view of core/v1 Events, as kube-apiserver serves them.

Both APIs are one resource in storage (core ``events``); events.k8s.io/v1 renames fields on the
way in and out (``k8s.io/kubernetes/pkg/apis/events/v1`` conversion): ``regarding`` is
``involvedObject``, ``note`` is ``message``, ``reportingController`` is ``reportingComponent``,
and the ``deprecated*`` fields are the core ``source``, ``firstTimestamp``, ``lastTimestamp``
and ``count``. So an event recorded through either API is listed by both, and ``kubectl
describe`` (core, ``involvedObject.*`` field selectors) sees events an operator wrote through
events.k8s.io.
"""

from __future__ import annotations

from typing import Any

__all__ = ["core_to_events_v1", "events_v1_to_core"]

# events.k8s.io/v1 name -> core/v1 name
_RENAMES = (
    ("regarding", "involvedObject"),
    ("note", "message"),
    ("reportingController", "reportingComponent"),
    ("deprecatedSource", "source"),
    ("deprecatedFirstTimestamp", "firstTimestamp"),
    ("deprecatedLastTimestamp", "lastTimestamp"),
    ("deprecatedCount", "count"),
)


def events_v1_to_core(obj: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in obj.items() if k not in ("apiVersion", "kind")}
    for new, old in _RENAMES:
        if new in out:
            out[old] = out.pop(new)
    return {"apiVersion": "v1", "kind": "Event", **out}


def core_to_events_v1(obj: dict[str, Any]) -> dict[str, Any]:
    out = {k: v for k, v in obj.items() if k not in ("apiVersion", "kind")}
    for new, old in _RENAMES:
        if old in out:
            out[new] = out.pop(old)
    return {"apiVersion": "events.k8s.io/v1", "kind": "Event", **out}
