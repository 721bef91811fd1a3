"""Fault injection for faketeleport: failures, latency, outages, denials and missing methods.

Rules are checked by the server interceptor before a call reaches its service, in the order they
were added; the first failing rule wins and every matching latency is added up. A rule matches a
method by ``fnmatch`` pattern on the full name (``/proto.AuthService/GetRole``) or on the short
name (``GetRole``, ``Upsert*``), and optionally only calls touching one resource ``kind``. A rule
can be limited to the next ``times`` matching calls or to a ``duration`` of seconds on the
server's clock, after which it is dropped.

Presets cover what tests ask for: ``fail`` (any code), ``delay``, ``outage`` (UNAVAILABLE for
N seconds), ``deny_kind`` (PERMISSION_DENIED for one kind), and ``disable`` which makes methods
or whole services answer UNIMPLEMENTED as an older Teleport would (``disable("users.v1")``,
``disable("UpsertRoleV2")``). The same operations are exposed over HTTP by ``control``.
"""

from __future__ import annotations

import fnmatch
import itertools
from dataclasses import dataclass, field
from typing import Any

import grpc

from teleop.teleport.clock import Clock

__all__ = ["FaultRule", "Faults", "Verdict"]


@dataclass
class FaultRule:
    """One injected behaviour; see the module docstring for matching."""

    method: str = "*"
    kind: str | None = None
    code: grpc.StatusCode | None = None
    message: str = ""
    latency: float = 0.0
    times: int | None = None
    until: float | None = None
    id: int = 0

    def matches(self, method: str, kind: str | None) -> bool:
        if self.kind is not None and self.kind != kind:
            return False
        short = method.rsplit("/", 1)[-1]
        return fnmatch.fnmatchcase(method, self.method) or fnmatch.fnmatchcase(short, self.method)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "method": self.method,
            "kind": self.kind,
            "code": self.code.name if self.code else None,
            "message": self.message,
            "latency": self.latency,
            "times": self.times,
        }


@dataclass(frozen=True)
class Verdict:
    """What the interceptor should do with one call."""

    latency: float = 0.0
    code: grpc.StatusCode | None = None
    message: str = ""


@dataclass
class Faults:
    """The active rules and disabled methods of one faketeleport."""

    clock: Clock
    rules: list[FaultRule] = field(default_factory=list)
    disabled: set[str] = field(default_factory=set)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def add(self, rule: FaultRule, *, duration: float | None = None) -> FaultRule:
        """Activate ``rule`` (for ``duration`` seconds if given); returns it with its id."""
        rule.id = next(self._ids)
        if duration is not None:
            rule.until = self.clock.monotonic() + duration
        self.rules.append(rule)
        return rule

    def fail(
        self,
        method: str,
        code: grpc.StatusCode,
        message: str = "injected fault",
        *,
        times: int | None = None,
        kind: str | None = None,
    ) -> FaultRule:
        return self.add(
            FaultRule(method=method, code=code, message=message, times=times, kind=kind)
        )

    def delay(self, method: str, seconds: float, *, times: int | None = None) -> FaultRule:
        return self.add(FaultRule(method=method, latency=seconds, times=times))

    def outage(self, seconds: float, method: str = "*") -> FaultRule:
        """UNAVAILABLE for every matching call during the next ``seconds``."""
        rule = FaultRule(
            method=method,
            code=grpc.StatusCode.UNAVAILABLE,
            message="connection refused: auth server is down (injected outage)",
        )
        return self.add(rule, duration=seconds)

    def deny_kind(self, kind: str) -> FaultRule:
        """PERMISSION_DENIED for every call on ``kind``, as Teleport RBAC would answer."""
        msg = f'access denied to perform action on "{kind}"'
        return self.add(FaultRule(kind=kind, code=grpc.StatusCode.PERMISSION_DENIED, message=msg))

    def disable(self, pattern: str) -> None:
        """Answer UNIMPLEMENTED for matching methods or services (e.g. ``users.v1``)."""
        self.disabled.add(pattern)

    def is_disabled(self, method: str) -> bool:
        service, _, short = method.strip("/").partition("/")
        return any(
            p in (short, method, service)
            or service.startswith(f"teleport.{p}.")
            or fnmatch.fnmatchcase(method, p)
            for p in self.disabled
        )

    def remove(self, rule_id: int) -> None:
        self.rules = [r for r in self.rules if r.id != rule_id]

    def clear(self) -> None:
        self.rules.clear()
        self.disabled.clear()

    def check(self, method: str, kind: str | None) -> Verdict:
        """Consume matching rules for one call and say what to do."""
        now = self.clock.monotonic()
        self.rules = [r for r in self.rules if r.until is None or r.until > now]
        latency = 0.0
        code: grpc.StatusCode | None = None
        message = ""
        for rule in list(self.rules):
            if not rule.matches(method, kind):
                continue
            if rule.code is not None and code is not None:
                continue
            if rule.times is not None:
                rule.times -= 1
                if rule.times <= 0:
                    self.rules.remove(rule)
            latency += rule.latency
            if rule.code is not None:
                code, message = rule.code, rule.message
        return Verdict(latency=latency, code=code, message=message)
