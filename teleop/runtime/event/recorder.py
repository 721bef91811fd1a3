"""``EventRecorder``: what controllers call to record a core/v1 Event about an object.

Like client-go's ``recorderImpl`` it builds the Event at once (reference to the object,
``<name>.<hex nanoseconds>`` name, first/last timestamp, count 1, source component and host,
reportingComponent/Instance) and hands it to the broadcaster's queue: ``event`` and ``eventf``
never block and never raise. Only the types Normal and Warning are accepted. Events go to the
involved object's namespace ("default" for cluster-scoped objects) unless the recorder was given
a namespace.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from teleop.runtime.client.objects import KubeObject
from teleop.runtime.clock import Clock
from teleop.runtime.event.correlator import event_name, format_time

__all__ = ["EVENT_TYPES", "EventRecorder", "object_reference"]

EVENT_TYPES = ("Normal", "Warning")


def object_reference(obj: KubeObject) -> dict[str, Any]:
    """A core/v1 ObjectReference to ``obj`` (what ``involvedObject`` holds)."""
    meta = obj.get("metadata") or {}
    ref: dict[str, Any] = {
        "apiVersion": obj.get("apiVersion", ""),
        "kind": obj.get("kind", ""),
        "name": meta.get("name", ""),
    }
    for src, dst in (
        ("namespace", "namespace"),
        ("uid", "uid"),
        ("resourceVersion", "resourceVersion"),
    ):
        if meta.get(src):
            ref[dst] = meta[src]
    return ref


class EventRecorder:
    """Records events as ``component``; made by ``EventBroadcaster.new_recorder``."""

    def __init__(
        self,
        submit: Callable[[dict[str, Any]], bool],
        *,
        component: str,
        clock: Clock,
        host: str = "",
        namespace: str | None = None,
        logger: logging.Logger | None = None,
    ) -> None:
        self._submit = submit
        self._component = component
        self._host = host
        self._namespace = namespace
        self._clock = clock
        self._log = logger if logger is not None else logging.getLogger(__name__)
        self._last_nanos = 0

    @property
    def component(self) -> str:
        return self._component

    def event(self, obj: KubeObject, type: str, reason: str, message: str) -> None:
        """Record an event about ``obj``; ``type`` is "Normal" or "Warning"."""
        self._generate(obj, None, type, reason, message)

    def eventf(self, obj: KubeObject, type: str, reason: str, fmt: str, *args: object) -> None:
        """``event`` with a %-format message."""
        self._generate(obj, None, type, reason, fmt % args if args else fmt)

    def annotated_eventf(
        self,
        obj: KubeObject,
        annotations: Mapping[str, str],
        type: str,
        reason: str,
        fmt: str,
        *args: object,
    ) -> None:
        """``eventf`` with annotations on the Event object."""
        self._generate(obj, annotations, type, reason, fmt % args if args else fmt)

    def _generate(
        self,
        obj: KubeObject,
        annotations: Mapping[str, str] | None,
        type: str,
        reason: str,
        message: str,
    ) -> None:
        if type not in EVENT_TYPES:
            self._log.error("unsupported event type %r, event dropped", type)
            return
        try:
            event = self._make(obj, annotations, type, reason, message)
        except Exception:
            self._log.exception("could not build an event for %r", reason)
            return
        self._submit(event)

    def _make(
        self,
        obj: KubeObject,
        annotations: Mapping[str, str] | None,
        type: str,
        reason: str,
        message: str,
    ) -> dict[str, Any]:
        ref = object_reference(obj)
        now = self._clock.now()
        namespace = self._namespace or ref.get("namespace") or "default"
        name = event_name(ref["name"], now)
        # FakeClock (and coarse clocks) can repeat a timestamp: keep names unique per recorder.
        nanos = int(name.rsplit(".", 1)[1], 16)
        if nanos <= self._last_nanos:
            nanos = self._last_nanos + 1
            name = f"{ref['name']}.{nanos:x}"
        self._last_nanos = nanos
        meta: dict[str, Any] = {"name": name, "namespace": namespace}
        if annotations:
            meta["annotations"] = dict(annotations)
        source: dict[str, Any] = {"component": self._component}
        if self._host:
            source["host"] = self._host
        ts = format_time(now)
        event: dict[str, Any] = {
            "apiVersion": "v1",
            "kind": "Event",
            "metadata": meta,
            "involvedObject": ref,
            "reason": reason,
            "message": message,
            "type": type,
            "source": source,
            "count": 1,
            "firstTimestamp": ts,
            "lastTimestamp": ts,
            "reportingComponent": self._component,
            "reportingInstance": self._host,
        }
        return event
