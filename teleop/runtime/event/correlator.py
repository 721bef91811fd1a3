"""client-go's event correlator (``tools/record/events_cache.go``): aggregate, count, filter.

Controllers that fail in a loop would otherwise write one Event per failure. Three stages, in
client-go's order, each with an LRU of 4096 keys:

1. **Aggregation**: events that differ only in their message ("similar") are counted per
   (source, object, type, reason); once 10 distinct messages arrive within 600 s of each other,
   further ones are replaced by one event "(combined from similar events): <message>" keyed by
   the similarity key, so they collapse into that event's count.
2. **Observation**: an event identical to one already written (same key) becomes a merge patch
   of the existing Event: ``count + 1``, new ``lastTimestamp`` and message, same name.
3. **Spam filter**: a token bucket per (source, object, type): burst 25, then one event per
   300 s; events over the limit are dropped.

Times come from the injected clock. Events are plain dicts in core/v1 JSON form.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from teleop.runtime.clock import Clock
from teleop.runtime.event.lru import LRU

__all__ = [
    "CorrelationResult",
    "CorrelatorOptions",
    "EventCorrelator",
    "aggregate_key",
    "event_name",
    "format_time",
    "spam_key",
]

COMBINED_PREFIX = "(combined from similar events): "


def format_time(t: datetime) -> str:
    """metav1.Time: RFC 3339 in UTC with second precision and a Z."""
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class CorrelatorOptions:
    """client-go's defaults (``tools/record/events_cache.go``)."""

    lru_size: int = 4096
    max_similar_events: int = 10
    max_similar_interval: float = 600.0
    spam_burst: int = 25
    spam_refill_seconds: float = 300.0


@dataclass(frozen=True, slots=True)
class CorrelationResult:
    """What to write: ``event`` (created, or patched with ``patch`` when set); ``skip`` to drop.

    ``key`` identifies the correlation record to update with the server's answer.
    """

    event: dict[str, Any]
    key: str
    patch: dict[str, Any] | None = None
    skip: bool = False


def _ref(event: dict[str, Any]) -> dict[str, Any]:
    ref: dict[str, Any] = event.get("involvedObject") or {}
    return ref


def spam_key(event: dict[str, Any]) -> str:
    """Source + involved object + type: what the spam filter's token bucket is kept per."""
    ref, src = _ref(event), event.get("source") or {}
    parts = (
        src.get("component", ""),
        src.get("host", ""),
        ref.get("kind", ""),
        ref.get("namespace", ""),
        ref.get("name", ""),
        ref.get("uid", ""),
        ref.get("apiVersion", ""),
        event.get("type", ""),
    )
    return "\x00".join(str(p) for p in parts)


def aggregate_key(event: dict[str, Any]) -> str:
    """Everything but the message: events with the same key are "similar"."""
    parts = (
        spam_key(event),
        event.get("reason", ""),
        event.get("reportingComponent", event.get("reportingController", "")),
        event.get("reportingInstance", ""),
    )
    return "\x00".join(str(p) for p in parts)


def _event_key(event: dict[str, Any]) -> str:
    return aggregate_key(event) + "\x00" + str(event.get("message", ""))


@dataclass
class _Aggregate:
    messages: set[str] = field(default_factory=set)
    last_seen: float = 0.0


@dataclass
class _Observation:
    count: int
    first_timestamp: str
    name: str
    resource_version: str


@dataclass
class _Bucket:
    tokens: float
    stamp: float


class EventCorrelator:
    """Turns each new event into a create, a count++ patch, or nothing."""

    def __init__(
        self,
        clock: Clock,
        options: CorrelatorOptions | None = None,
    ) -> None:
        self._clock = clock
        self._opts = options if options is not None else CorrelatorOptions()
        self._aggregates: LRU[str, _Aggregate] = LRU(self._opts.lru_size)
        self._observed: LRU[str, _Observation] = LRU(self._opts.lru_size)
        self._buckets: LRU[str, _Bucket] = LRU(self._opts.lru_size)

    def correlate(self, event: dict[str, Any]) -> CorrelationResult:
        """Aggregate, then observe, then spam-filter ``event`` (a fresh core/v1 Event dict)."""
        aggregated, key = self._aggregate(event)
        observed, patch = self._observe(aggregated, key)
        if not self._allow(observed):
            return CorrelationResult(observed, key, None, skip=True)
        return CorrelationResult(observed, key, patch)

    def update_state(self, key: str, written: dict[str, Any]) -> None:
        """Remember the name and resourceVersion the server returned for a written event."""
        meta = written.get("metadata") or {}
        self._observed.put(
            key,
            _Observation(
                count=int(written.get("count") or 1),
                first_timestamp=str(written.get("firstTimestamp") or ""),
                name=str(meta.get("name", "")),
                resource_version=str(meta.get("resourceVersion", "")),
            ),
        )

    # -- stages --------------------------------------------------------------------------------

    def _aggregate(self, event: dict[str, Any]) -> tuple[dict[str, Any], str]:
        now = self._clock.monotonic()
        akey = aggregate_key(event)
        record = self._aggregates.get(akey)
        if record is None or now - record.last_seen > self._opts.max_similar_interval:
            record = _Aggregate()
        record.messages.add(str(event.get("message", "")))
        record.last_seen = now
        self._aggregates.put(akey, record)
        if len(record.messages) < self._opts.max_similar_events:
            return event, _event_key(event)
        record.messages.pop()  # do not grow the set beyond the threshold
        wall = self._clock.now()
        ts = format_time(wall)
        ref = _ref(event)
        combined: dict[str, Any] = {
            "apiVersion": "v1",
            "kind": "Event",
            "metadata": {
                "name": event_name(ref.get("name", ""), wall),
                "namespace": (event.get("metadata") or {}).get("namespace", ""),
            },
            "involvedObject": dict(ref),
            "reason": event.get("reason", ""),
            "message": COMBINED_PREFIX + str(event.get("message", "")),
            "type": event.get("type", ""),
            "source": dict(event.get("source") or {}),
            "count": 1,
            "firstTimestamp": ts,
            "lastTimestamp": ts,
        }
        for k in ("reportingComponent", "reportingInstance"):
            if k in event:
                combined[k] = event[k]
        return combined, akey

    def _observe(
        self, event: dict[str, Any], key: str
    ) -> tuple[dict[str, Any], dict[str, Any] | None]:
        event = dict(event)
        event["metadata"] = dict(event.get("metadata") or {})
        last = self._observed.get(key)
        patch: dict[str, Any] | None = None
        if last is not None and last.count > 0:
            event["metadata"]["name"] = last.name
            if last.resource_version:
                event["metadata"]["resourceVersion"] = last.resource_version
            event["firstTimestamp"] = last.first_timestamp
            event["count"] = last.count + 1
            patch = {
                "count": event["count"],
                "lastTimestamp": event["lastTimestamp"],
                "message": event["message"],
            }
        self._observed.put(
            key,
            _Observation(
                count=int(event.get("count") or 1),
                first_timestamp=str(event.get("firstTimestamp", "")),
                name=str(event["metadata"].get("name", "")),
                resource_version=str(event["metadata"].get("resourceVersion", "")),
            ),
        )
        return event, patch

    def _allow(self, event: dict[str, Any]) -> bool:
        now = self._clock.monotonic()
        key = spam_key(event)
        opts = self._opts
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = _Bucket(tokens=float(opts.spam_burst), stamp=now)
        refill = (now - bucket.stamp) / opts.spam_refill_seconds
        bucket.tokens = min(float(opts.spam_burst), bucket.tokens + refill)
        bucket.stamp = now
        self._buckets.put(key, bucket)
        if bucket.tokens >= 1.0:
            bucket.tokens -= 1.0
            return True
        return False


def event_name(object_name: str, t: datetime) -> str:
    """``<object>.<hex unix nanoseconds>``, as client-go names events."""
    nanos = int(t.timestamp()) * 1_000_000_000 + t.microsecond * 1000
    return f"{object_name}.{nanos:x}"
