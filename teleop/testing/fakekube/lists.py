"""LIST: selectors, resourceVersion semantics, limit/continue paging with snapshot consistency.

Pages after the first are served from the snapshot at the first page's resourceVersion, rebuilt
from the store's history, so objects created, changed or deleted between pages do not leak into a
paged list; a continue token (or an ``Exact`` resourceVersion) older than the history window is
410 Expired, as etcd compaction makes it on a real server. ``resourceVersion=0`` means "any
version" and ignores ``limit``, as the watch cache does. Bodies are assembled from stored bytes.
"""

from __future__ import annotations

import base64
import bisect
import json
from collections.abc import Mapping
from typing import Any

from teleop.testing.fakekube.errors import bad_request
from teleop.testing.fakekube.resources import ResourceType
from teleop.testing.fakekube.selectors import FieldSelector, LabelSelector
from teleop.testing.fakekube.store import Store, Stored, encode

__all__ = ["ListRequest", "list_objects", "parse_rv", "versioned"]

_EXPIRED_CONTINUE = (
    "The provided continue parameter is too old to display a consistent list result. You can "
    "start a new list without the continue parameter, or use the continue token in this response "
    "to retrieve the remainder of the results. Continuing with the provided token results in an "
    "inconsistent list - objects that were created, modified, or deleted between the time the "
    "first chunk was returned and now may show up in the list."
)


def parse_rv(text: str) -> int | None:
    """A resourceVersion query value; None for empty. Raises ValueError when not a number."""
    if text == "":
        return None
    value = int(text)
    if value < 0 or not text.isdigit():
        raise ValueError(text)
    return value


def versioned(stored: Stored, rt: ResourceType, version: str) -> bytes:
    """The stored bytes with ``apiVersion`` rewritten for the requested served version."""
    if rt.from_storage is not None:
        return encode(rt.from_storage(stored.obj))
    if version == rt.storage_version:
        return stored.raw
    prefix = b'{"apiVersion":' + json.dumps(rt.api_version()).encode() + b","
    if stored.raw.startswith(prefix):
        return (
            b'{"apiVersion":'
            + json.dumps(rt.api_version(version)).encode()
            + b","
            + stored.raw[len(prefix) :]
        )
    return encode({**stored.obj, "apiVersion": rt.api_version(version)})


class ListRequest:
    """The query parameters of a list, parsed and validated."""

    def __init__(self, rt: ResourceType, namespace: str | None, query: Mapping[str, str]) -> None:
        self.rt = rt
        self.namespace = namespace
        self.labels = LabelSelector.parse(query.get("labelSelector", ""))
        allowed = rt.field_labels
        self.fields = FieldSelector.parse(
            query.get("fieldSelector", ""),
            lambda p: p in ("metadata.name", "metadata.namespace") or p in allowed,
        )
        raw_rv = query.get("resourceVersion", "")
        try:
            self.rv = parse_rv(raw_rv)
        except ValueError:
            raise bad_request(
                f'resourceVersion: Invalid value: "{raw_rv}": strconv.ParseUint: parsing '
                f'"{raw_rv}": invalid syntax'
            ) from None
        self.rv_match = query.get("resourceVersionMatch", "")
        try:
            self.limit = int(query.get("limit", "0") or 0)
        except ValueError:
            raise bad_request(f"limit: invalid value {query.get('limit')!r}") from None
        self.continue_token = query.get("continue", "")

    def matches(self, obj: dict[str, Any]) -> bool:
        if self.namespace is not None and obj["metadata"].get("namespace", "") != self.namespace:
            return False
        return self.labels.matches(obj) and self.fields.matches(obj)


def _encode_continue(rv: int, last: tuple[str, str]) -> str:
    data = json.dumps({"v": "meta.k8s.io/v1", "rv": rv, "start": [last[0], last[1] + "\x00"]})
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def _decode_continue(token: str) -> tuple[int, tuple[str, str]]:
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded))
        start = data["start"]
        return int(data["rv"]), (str(start[0]), str(start[1]))
    except (ValueError, KeyError, IndexError, TypeError):
        raise bad_request(f"continue key is not valid: {token!r}") from None


def list_objects(store: Store, req: ListRequest) -> tuple[int, list[Stored], str, int | None]:
    """Returns (list resourceVersion, items, continue token, remainingItemCount)."""
    rt = req.rt
    start: tuple[str, str] | None = None
    if req.continue_token:
        snap_rv, start = _decode_continue(req.continue_token)
        store.check_not_compacted(snap_rv, _EXPIRED_CONTINUE)
    elif req.rv is not None and req.rv_match == "Exact":
        store.check_not_compacted(req.rv, "The resourceVersion for the provided list is too old.")
        snap_rv = req.rv
    else:
        snap_rv = store.rv
    snapshot = store.snapshot(rt.store_key, snap_rv)
    name = req.fields.equals("metadata.name")
    if name is not None and req.namespace is not None:
        one = snapshot.get((req.namespace, name))
        found = [one] if one is not None and req.matches(one.obj) else []
        return snap_rv, found, "", None
    keys = sorted(snapshot)
    if start is not None:
        keys = keys[bisect.bisect_left(keys, start) :]
    paged = req.limit > 0 and not (req.rv == 0 and not req.continue_token)
    filtering = not (req.labels.empty and req.fields.empty)
    items: list[Stored] = []
    for i, key in enumerate(keys):
        if req.namespace is not None and key[0] != req.namespace:
            continue
        stored = snapshot[key]
        if filtering and not req.matches(stored.obj):
            continue
        if paged and len(items) >= req.limit:
            rest = keys[i:]
            remaining = (
                None
                if filtering
                else sum(1 for k in rest if req.namespace is None or k[0] == req.namespace)
            )
            last = (
                items[-1].obj["metadata"].get("namespace", ""),
                items[-1].obj["metadata"]["name"],
            )
            return snap_rv, items, _encode_continue(snap_rv, last), remaining
        items.append(stored)
    return snap_rv, items, "", None
