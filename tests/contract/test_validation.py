"""Invalid CRs: what the API server rejects, and what only the converter can catch.

Every kind has a spec the CRD schema refuses (422 from the API server, nothing stored, nothing
sent to Teleport). A few kinds have fields the schema must leave open because Teleport accepts
a string or a list there (label maps: ``node_labels``, ``suggested_labels``); a value that is
neither passes the API server, so the operator must report ``ValidStructure=False`` without
calling Teleport, and converge once the CR is fixed.
"""

from __future__ import annotations

from typing import Any

import pytest

from teleop.operator.apis import KindSpec, kind_spec
from teleop.operator.apis import conditions as c
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import PRIMITIVES, Primitives, primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

# One schema violation per kind: (spec, the field path the API server names).
SCHEMA_VIOLATIONS: dict[str, tuple[dict[str, Any], str]] = {
    "TeleportUser": ({"roles": ["r"], "traits": {"logins": {"a": "b"}}}, "spec.traits.logins"),
    "TeleportRole": ({"options": {"max_session_ttl": "forever"}}, "spec.options.max_session_ttl"),
    "TeleportRoleV6": ({"allow": {"logins": "root"}}, "spec.allow.logins"),
    "TeleportRoleV7": ({"allow": {"rules": [{"verbs": "list"}]}}, "spec.allow.rules[0].verbs"),
    "TeleportRoleV8": (
        {"allow": {"kubernetes_resources": [{"verbs": "get"}]}},
        "spec.allow.kubernetes_resources[0].verbs",
    ),
    "TeleportProvisionToken": ({"roles": ["Node"], "aws_iid_ttl": "forever"}, "spec.aws_iid_ttl"),
    "TeleportGithubConnector": (
        {"client_redirect_settings": {"allowed_https_hostnames": "x"}},
        "spec.client_redirect_settings.allowed_https_hostnames",
    ),
    "TeleportSAMLConnector": ({"force_authn": 7}, "spec.force_authn"),
    "TeleportOIDCConnector": ({"max_age": "forever"}, "spec.max_age"),
    "TeleportLoginRule": ({"priority": "high"}, "spec.priority"),
    "TeleportLock": ({"target": {"user": ["jdoe"]}}, "spec.target.user"),
    "TeleportDatabaseV3": (
        {"protocol": "postgres", "uri": "db:5432", "aws": {"rds": {"iam_auth": "yes"}}},
        "spec.aws.rds.iam_auth",
    ),
    "TeleportTrustedClusterV2": ({"enabled": "yes"}, "spec.enabled"),
    "TeleportOpenSSHServerV2": ({"addr": 22, "hostname": "h"}, "spec.addr"),
    "TeleportOpenSSHEICEServerV2": (
        {"addr": "h:22", "cloud_metadata": {"aws": {"account_id": 1}}},
        "spec.cloud_metadata.aws.account_id",
    ),
    "TeleportAppV3": (
        {"uri": "http://x", "insecure_skip_verify": "yes"},
        "spec.insecure_skip_verify",
    ),
    "TeleportOktaImportRule": (
        {"priority": 1, "mappings": [{"add_labels": {"team": {"a": "b"}}}]},
        "spec.mappings[0].add_labels.team",
    ),
    "TeleportBotV1": ({"roles": "ci"}, "spec.roles"),
    "TeleportWorkloadIdentityV1": ({"spiffe": {"id": 7}}, "spec.spiffe.id"),
    "TeleportAutoupdateConfigV1": ({"tools": {"mode": ["on"]}}, "spec.tools.mode"),
    "TeleportAutoupdateVersionV1": ({"agents": {"mode": 1}}, "spec.agents.mode"),
    "TeleportAccessList": (
        {"title": "t", "grants": {"traits": {"a": "b"}}},
        "spec.grants.traits.a",
    ),
}

# Specs the schema accepts but the converter cannot decode: (spec, the path in the message).
CONVERTER_ONLY: list[tuple[str, dict[str, Any], str]] = [
    ("TeleportRole", {"allow": {"node_labels": {"env": {"a": "b"}}}}, "node_labels.env"),
    ("TeleportRoleV6", {"allow": {"node_labels": {"env": {"a": "b"}}}}, "node_labels.env"),
    ("TeleportRoleV7", {"deny": {"kubernetes_labels": {"env": 5}}}, "kubernetes_labels.env"),
    ("TeleportRole", {"allow": {"node_labels": {"*": 7}}}, "node_labels.*"),
    (
        "TeleportProvisionToken",
        {"roles": ["Node"], "join_method": "token", "suggested_labels": {"k": {"a": "b"}}},
        "suggested_labels.k",
    ),
]

TELEPORT_METHOD = {
    "role": "Role",
    "user": "User",
    "token": "Token",
    "github": "GithubConnector",
    "oidc": "OIDCConnector",
    "saml": "SAMLConnector",
    "login_rule": "LoginRule",
    "okta_import_rule": "OktaImportRule",
    "lock": "Lock",
    "db": "Database",
    "trusted_cluster": "TrustedCluster",
    "node": "Node",
    "app": "App",
    "bot": "Bot",
    "workload_identity": "WorkloadIdentity",
    "autoupdate_config": "AutoUpdateConfig",
    "autoupdate_version": "AutoUpdateVersion",
    "access_list": "AccessList",
}


def method_part(kind: KindSpec) -> str:
    return TELEPORT_METHOD[kind.teleport_kind]


@pytest.mark.parametrize("p", PRIMITIVES, ids=lambda p: p.id)
async def test_schema_violation_is_rejected_by_the_api_server(env: Env, p: Primitives) -> None:
    spec, path = SCHEMA_VIOLATIONS[p.kind.kind]
    async with env.operator() as op:
        r = await env.try_create(p.kind, "invalid", spec)
        assert r.status == 422, (r.status, r.body)
        assert r.body["reason"] == "Invalid", r.body
        assert path in r.body["message"], r.body["message"]
        assert await env.get(p.kind, "invalid") is None

        # The valid spec is accepted by the same API server, so the 422 was about the field.
        await p.prerequisites(env.tctl)
        valid = p.cr_name("valid")
        await env.create(p.kind, valid, p.valid())
        await env.wait_ready(p.kind, valid)
        assert {w.name for w in env.teleport_writes()} == {valid}
        assert op.reconciles(p.kind) >= 1


@pytest.mark.parametrize(
    ("kind_name", "spec", "path"),
    CONVERTER_ONLY,
    ids=[f"{k}-{path}" for k, _, path in CONVERTER_ONLY],
)
async def test_what_only_the_converter_catches(
    env: Env, kind_name: str, spec: dict[str, Any], path: str
) -> None:
    kind = kind_spec(kind_name)
    p = primitives(kind_name)
    name = p.cr_name("undecodable")
    async with env.operator() as op:
        r = await env.try_create(kind, name, spec)
        assert r.status == 201, ("the API server must accept it", r.status, r.body)

        cr = await env.wait_condition(
            kind, name, c.CONDITION_VALID_STRUCTURE, c.STATUS_FALSE, c.REASON_FAILED_TO_DECODE
        )
        cond = condition(cr, c.CONDITION_VALID_STRUCTURE)
        assert cond is not None, cond
        assert path in cond["message"], cond
        ready = condition(cr, c.CONDITION_READY)
        assert ready is not None, ready
        assert ready["status"] == c.STATUS_FALSE, ready
        await op.settle(kind, [name])
        assert op.teleport_calls(method_part(kind)) == 0, "Teleport was called"
        assert env.teleport_writes() == []
        warnings = await eventually(
            lambda: _warning_events(env, name), what="a Warning event for the undecodable CR"
        )
        assert any(path in str(e.get("message")) for e in warnings), warnings

        # Fixed, the same CR converges.
        await env.replace_spec(kind, name, p.valid())
        cr = await env.wait_ready(kind, name)
        cond = condition(cr, c.CONDITION_VALID_STRUCTURE)
        assert cond is not None, cond
        assert cond["status"] == c.STATUS_TRUE, cond
        p.assert_matches(await p.read(env.tctl, name), p.valid())


async def _warning_events(env: Env, name: str) -> list[dict[str, Any]]:
    return [e for e in await env.events_for(name) if e.get("type") == "Warning"]
