"""Which adapter serves which Teleport kind: the one place kinds meet their adapters."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from teleop.operator.apis import KindSpec
from teleop.operator.reconcilers import Adapter
from teleop.operator.resources.accesslist import AccessListAdapter
from teleop.operator.resources.app import AppAdapter
from teleop.operator.resources.autoupdateconfig import AutoUpdateConfigAdapter
from teleop.operator.resources.autoupdateversion import AutoUpdateVersionAdapter
from teleop.operator.resources.bot import BotAdapter
from teleop.operator.resources.database import DatabaseAdapter
from teleop.operator.resources.github import GitHubConnectorAdapter
from teleop.operator.resources.lock import LockAdapter
from teleop.operator.resources.loginrule import LoginRuleAdapter
from teleop.operator.resources.node import NodeAdapter
from teleop.operator.resources.oidc import OIDCConnectorAdapter
from teleop.operator.resources.oktaimportrule import OktaImportRuleAdapter
from teleop.operator.resources.role import RoleAdapter
from teleop.operator.resources.saml import SAMLConnectorAdapter
from teleop.operator.resources.token import TokenAdapter
from teleop.operator.resources.trustedcluster import TrustedClusterAdapter
from teleop.operator.resources.user import UserAdapter
from teleop.operator.resources.workloadidentity import WorkloadIdentityAdapter
from teleop.teleport import Client

__all__ = ["ADAPTERS", "adapter_for"]

AdapterFactory = Callable[[KindSpec, Client], Adapter]

ADAPTERS: Mapping[str, AdapterFactory] = MappingProxyType(
    {
        "role": RoleAdapter,
        "user": UserAdapter,
        "token": TokenAdapter,
        "github": GitHubConnectorAdapter,
        "oidc": OIDCConnectorAdapter,
        "saml": SAMLConnectorAdapter,
        "login_rule": LoginRuleAdapter,
        "okta_import_rule": OktaImportRuleAdapter,
        "bot": BotAdapter,
        "lock": LockAdapter,
        "node": NodeAdapter,
        "trusted_cluster": TrustedClusterAdapter,
        "app": AppAdapter,
        "db": DatabaseAdapter,
        "workload_identity": WorkloadIdentityAdapter,
        "autoupdate_config": AutoUpdateConfigAdapter,
        "autoupdate_version": AutoUpdateVersionAdapter,
        "access_list": AccessListAdapter,
    }
)
"""Adapter class per ``KindSpec.teleport_kind``."""


def adapter_for(kind: KindSpec, teleport: Client) -> Adapter:
    return ADAPTERS[kind.teleport_kind](kind, teleport)
