"""The write log: one record per API write, so tests can count what a client really wrote.

A record is appended for every create, update, patch and delete that passed validation,
including no-op writes (``changed`` False, resourceVersion unchanged); rejected requests and dry
runs leave no record. Tests read ``FakeKube.writes`` directly, other processes read
``GET /fakekube/writes``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

__all__ = ["WriteRecord"]


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
