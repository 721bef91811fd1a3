"""Where events are written: the ``EventSink`` protocol and its implementation on the API server.

The broadcaster only needs "create this Event" and "merge-patch that Event", so tests can record
into memory and the manager writes core/v1 Events through its ``KubeClient``. Which failures are
worth retrying follows client-go's ``recordEvent``: an answer from the server (any Status, such as
403, 409 or 422) will be the same next time and is dropped; no answer (connection refused, reset,
timeout) is retried.
"""

from __future__ import annotations

from typing import Any, Protocol

from teleop.runtime.client.errors import ApiError, TransportError, is_not_found
from teleop.runtime.client.objects import KubeObject, ResourceType

__all__ = ["EVENTS", "EventClient", "EventSink", "KubeEventSink", "is_not_found", "is_retryable"]

EVENTS = ResourceType("", "v1", "events", "Event", namespaced=True)


class EventSink(Protocol):
    """Writes events; raises on failure."""

    async def create(self, event: KubeObject) -> KubeObject: ...

    async def patch(self, event: KubeObject, patch: dict[str, Any]) -> KubeObject: ...


class EventClient(Protocol):
    """What ``KubeEventSink`` needs from ``teleop.runtime.client.KubeClient``."""

    async def create(
        self, rt: ResourceType, obj: KubeObject, *, namespace: str | None = ...
    ) -> KubeObject: ...

    async def patch(
        self, rt: ResourceType, name: str, patch: Any, *, namespace: str | None = ...
    ) -> KubeObject: ...


def is_retryable(exc: BaseException) -> bool:
    """True when the server never answered: a transport error, or anything but an ``ApiError``."""
    return isinstance(exc, TransportError) or not isinstance(exc, ApiError)


class KubeEventSink:
    """Creates and merge-patches core/v1 Events in the event's own namespace."""

    def __init__(self, client: EventClient) -> None:
        self._client = client

    async def create(self, event: KubeObject) -> KubeObject:
        namespace = event["metadata"]["namespace"]
        return await self._client.create(EVENTS, event, namespace=namespace)

    async def patch(self, event: KubeObject, patch: dict[str, Any]) -> KubeObject:
        meta = event["metadata"]
        # KubeClient.patch defaults to a JSON merge patch, which core/v1 Events accept.
        return await self._client.patch(EVENTS, meta["name"], patch, namespace=meta["namespace"])
