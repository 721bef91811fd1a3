"""Everything one faketeleport holds: store, write log, faults, features, and shared checks.

Services are thin; rules that span kinds live here so every service applies them the same way:
resource names and enum values are validated (``validation``), a user may only name roles that exist (``role <x> is not found``,
NOT_FOUND, as Teleport's user validation answers), a role still assigned to a user cannot be
deleted (BadParameter with Teleport's masked message), and enterprise features gate the kinds
that need them.

Features (``Features``) are what Ping reports and what gating follows. Decisions, from how a
real OSS Teleport answers: without OIDC (SAML), writing an OIDC (SAML) connector is
PERMISSION_DENIED ``OIDC is only available in enterprise subscriptions``; the login rule service
exists only with OIDC or SAML and the Okta and access list services only with advanced access
workflows, and
otherwise answer UNIMPLEMENTED like a server that does not register them. Defaults are an
enterprise server with everything on, which is what the operator's own tests assume.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from teleop.teleport.clock import Clock, SystemClock
from teleop.teleport.errors import AccessDenied, BadParameter, NotFound
from teleop.testing.faketeleport.faults import Faults
from teleop.testing.faketeleport.store import Kind, Store
from teleop.testing.faketeleport.validation import check_enums, check_name
from teleop.testing.faketeleport.writelog import WriteLog

__all__ = [
    "GITHUB",
    "LOGIN_RULE",
    "OIDC",
    "OKTA_IMPORT_RULE",
    "ROLE",
    "SAML",
    "TOKEN",
    "USER",
    "FakeState",
    "Features",
]

ROLE = Kind("role", lambda o: o.Metadata)
USER = Kind("user", lambda o: o.Metadata)
TOKEN = Kind("token", lambda o: o.Metadata)
GITHUB = Kind("github", lambda o: o.Metadata)
OIDC = Kind("oidc", lambda o: o.Metadata)
SAML = Kind("saml", lambda o: o.Metadata)
LOGIN_RULE = Kind("login_rule", lambda o: o.metadata)
OKTA_IMPORT_RULE = Kind("okta_import_rule", lambda o: o.Header.Metadata)


@dataclass
class Features:
    """License features Ping reports; switch them off to look like an OSS server."""

    oidc: bool = True
    saml: bool = True
    advanced_access_workflows: bool = True
    cluster_name: str = "faketeleport"
    server_version: str = "17.4.0"

    @classmethod
    def oss(cls) -> Features:
        return cls(oidc=False, saml=False, advanced_access_workflows=False)


@dataclass
class FakeState:
    """The shared state behind every service of one faketeleport."""

    clock: Clock = field(default_factory=SystemClock)
    now: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    features: Features = field(default_factory=Features)
    log: WriteLog = field(default_factory=WriteLog)
    faults: Faults = field(init=False)
    store: Store = field(init=False)

    def __post_init__(self) -> None:
        self.faults = Faults(self.clock)
        self.store = Store(self.log, self.now)

    def service_enabled(self, service: str) -> bool:
        """Whether this server offers ``service`` with the current features."""
        if service == "teleport.loginrule.v1.LoginRuleService":
            return self.features.oidc or self.features.saml
        if service in ("teleport.okta.v1.OktaService", "teleport.accesslist.v1.AccessListService"):
            return self.features.advanced_access_workflows
        return True

    def require_feature(self, kind: Kind) -> None:
        """AccessDenied for connector kinds the license does not include."""
        if kind is OIDC and not self.features.oidc:
            raise AccessDenied("OIDC is only available in enterprise subscriptions")
        if kind is SAML and not self.features.saml:
            raise AccessDenied("SAML is only available in enterprise subscriptions")

    @staticmethod
    def check_name(kind: Kind, obj: Any) -> str:
        """Validate the name and enum values of ``obj`` (see ``validation``); returns the name."""
        name = check_name(kind.name, str(kind.metadata(obj).Name))
        check_enums(obj, kind.name)
        return name

    def check_user_roles(self, user: Any) -> None:
        """NotFound for the first role the user names that does not exist."""
        for role in user.Spec.Roles:
            if self.store.find(ROLE, role) is None:
                raise NotFound(f"role {role} is not found")

    def check_role_unused(self, role: str) -> None:
        """BadParameter when a user still holds ``role`` (Teleport masks which user)."""
        for user in self.store.list(USER):
            if role in user.Spec.Roles:
                raise BadParameter(
                    "failed to delete role that still in use by a user. "
                    "Check system server logs for more details."
                )
