"""The write log and the request log: what a client really wrote, and everything it asked.

A write record is appended for every create, update, patch and delete that passed validation,
including no-op writes (``changed`` False, resourceVersion unchanged); rejected requests and dry
runs leave no record. Tests read ``FakeKube.writes`` directly, other processes read
``GET /fakekube/writes``.

A request record is appended for every request to a resource (``/api/...``, ``/apis/...``) whose
URL names a served resource, before it is carried out, whatever its outcome: its RBAC verb (get,
list, watch, create, update, patch, delete, deletecollection), group, resource, subresource,
namespace, name and User-Agent. That is what an authorizer sees, so a test can compare what a
client used with what a Role grants (reads included, which the write log lacks). Discovery,
OpenAPI and requests failed by injected faults are not recorded. ``FakeKube.requests`` keeps the
newest ``request_log_limit`` records; other processes read ``GET /fakekube/requests``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["RequestRecord", "WriteRecord"]


@dataclass(frozen=True, slots=True)
class WriteRecord:
    """One accepted write."""

    verb: str
    group: str
    resource: str
    namespace: str
    name: str
    resource_version: str
    changed: bool
    subresource: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class RequestRecord:
    """One request to a resource, as an authorizer would see it."""

    verb: str
    group: str
    resource: str
    namespace: str
    name: str
    subresource: str = ""
    user_agent: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
