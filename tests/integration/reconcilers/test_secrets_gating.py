"""``secret://`` lookup for connector client secrets, and enterprise-only kinds gated off."""

from __future__ import annotations

import base64
import json
import logging

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.reconcilers import MutationError
from teleop.operator.reconcilers.secretlookup import SECRETS
from teleop.runtime import Request
from teleop.testing.faketeleport.state import GITHUB
from tests.integration.reconcilers.conftest import NAMESPACE, Harness

GH = "TeleportGithubConnector"
CANARY = "CANARY-7c1d9e-never-log-me"
SPEC = {
    "client_id": "id",
    "client_secret": "secret://gh-secret/client-secret",
    "redirect_url": "https://teleport.example.com/v1/webapi/github/callback",
    "teams_to_roles": [{"organization": "o", "team": "t", "roles": ["r"]}],
}


def condition(cr: dict, type_: str) -> dict:
    return next(c for c in cr["status"]["conditions"] if c["type"] == type_)


async def put_secret(harness: Harness, value: str, annotation: str | None) -> None:
    md: dict = {"name": "gh-secret", "namespace": NAMESPACE}
    if annotation is not None:
        md["annotations"] = {"resources.teleport.dev/allow-lookup-from-cr": annotation}
    body = {
        "apiVersion": "v1",
        "kind": "Secret",
        "metadata": md,
        "data": {"client-secret": base64.b64encode(value.encode()).decode()},
    }
    try:
        await harness.api.create(SECRETS, body)
    except Exception:
        await harness.api.patch(SECRETS, "gh-secret", body, namespace=NAMESPACE)


async def everything_visible(harness: Harness, name: str) -> str:
    """Status and events of CR ``name`` as one string."""
    cr = await harness.get(GH, name)
    events = await harness.events(name, wait=False)
    return json.dumps(cr.get("status")) + json.dumps(events)


async def test_allowed_lookup_writes_the_secret_and_never_shows_it(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    await put_secret(harness, CANARY, " other ,gh ")
    await harness.create(GH, "gh", SPEC)
    await harness.reconcile(GH, "gh")
    assert harness.teleport.store.get(GITHUB, "gh").Spec.ClientSecret == CANARY
    cr = await harness.get(GH, "gh")
    assert condition(cr, "Ready")["status"] == "True"
    # unchanged: Teleport never returns the secret, the applied hash recognises it
    await harness.reconcile(GH, "gh")
    assert harness.teleport_writes("gh") == ["CreateGithubConnector"]
    # a rotated secret changes the hash: one upsert
    await put_secret(harness, CANARY + "-rotated", "*")
    await harness.reconcile(GH, "gh")
    assert harness.teleport_writes("gh") == ["CreateGithubConnector", "UpsertGithubConnectorV2"]
    stored = harness.teleport.store.get(GITHUB, "gh").Spec.ClientSecret
    assert stored == CANARY + "-rotated"
    await harness.events("gh", reason="Updated")
    assert CANARY not in await everything_visible(harness, "gh")
    assert CANARY not in caplog.text


@pytest.mark.parametrize(
    ("annotation", "expected"),
    [("someone-else, another", "does not list 'gh'"), (None, "lacks the annotation")],
)
async def test_refused_lookup_is_a_mutation_error(
    harness: Harness, caplog: pytest.LogCaptureFixture, annotation: str | None, expected: str
) -> None:
    caplog.set_level(logging.DEBUG)
    await put_secret(harness, CANARY, annotation)
    await harness.create(GH, "gh", SPEC)
    with pytest.raises(MutationError):
        await harness.reconcile(GH, "gh")
    assert harness.teleport_writes("gh") == []
    cr = await harness.get(GH, "gh")
    reconciled = condition(cr, "SuccessfullyReconciled")
    assert (reconciled["status"], reconciled["reason"]) == ("False", "MutationError")
    assert expected in reconciled["message"]
    assert "spec.client_secret" in reconciled["message"]
    assert condition(cr, "Ready")["reason"] == "MutationError"
    await harness.events("gh", reason="MutationFailed")
    assert CANARY not in await everything_visible(harness, "gh")
    assert CANARY not in caplog.text


async def test_gated_kind_gets_one_status_write(harness: Harness) -> None:
    kind = KINDS_BY_NAME["TeleportOIDCConnector"]
    reconciler = harness.gated(kind.kind)
    await harness.create(kind.kind, "okta", {"issuer_url": "https://example.okta.com"})
    for _ in range(3):
        await reconciler.reconcile(Request(NAMESPACE, "okta"))
        await harness.sync(kind.kind, "okta")
    assert harness.cr_writes(kind, "okta") == [("create", ""), ("patch", "status")]
    cr = await harness.get(kind.kind, "okta")
    ready = condition(cr, "Ready")
    assert (ready["status"], ready["reason"]) == ("False", "FeatureUnavailable")
    assert "OIDC" in ready["message"]
    assert "Enterprise" in ready["message"]
    assert len(harness.teleport.log) == 0
    await harness.events("okta", reason="FeatureUnavailable")
