"""Kubernetes Events (core/v1) for controllers: client-go's ``tools/record`` in asyncio.

``EventBroadcaster`` owns the queue, the correlator and the sender task; ``EventRecorder``
(one per component, from ``new_recorder``) is what controllers call. The manager creates one
broadcaster writing through its ``KubeClient`` (``KubeEventSink``) and runs it.
"""

from teleop.runtime.event.broadcaster import EventBroadcaster
from teleop.runtime.event.correlator import (
    CorrelationResult,
    CorrelatorOptions,
    EventCorrelator,
)
from teleop.runtime.event.recorder import EVENT_TYPES, EventRecorder, object_reference
from teleop.runtime.event.sink import EVENTS, EventClient, EventSink, KubeEventSink

__all__ = [
    "EVENTS",
    "EVENT_TYPES",
    "CorrelationResult",
    "CorrelatorOptions",
    "EventBroadcaster",
    "EventClient",
    "EventCorrelator",
    "EventRecorder",
    "EventSink",
    "KubeEventSink",
    "object_reference",
]
