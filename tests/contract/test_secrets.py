"""Secret lookup for GitHub and OIDC connectors (``secret://<secret>/<key>``).

Allowed (the Secret's ``resources.teleport.dev/allow-lookup-from-cr`` lists the CR, trimmed, or
is ``*``): Teleport holds the Secret's value. Denied (another CR listed, or no annotation):
SuccessfullyReconciled=False, no Teleport write. In both cases the value never shows in the CR
(status included), in its Events, or in the operator's logs (every record, with its fields).
"""

from __future__ import annotations

import base64
import logging
from typing import Any

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis import kind_spec
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.runtime.log import JSONFormatter
from teleop.testing.faketeleport.state import GITHUB, OIDC
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

CONNECTORS = {"TeleportGithubConnector": GITHUB, "TeleportOIDCConnector": OIDC}
connector = pytest.mark.parametrize("kind_name", list(CONNECTORS))


async def make_secret(env: Env, name: str, value: str, allow: str | None) -> None:
    annotations = {ANNOTATION_SECRET_LOOKUP: allow} if allow is not None else {}
    body = {
        "metadata": {"name": name, "annotations": annotations},
        "data": {"client-secret": base64.b64encode(value.encode()).decode()},
    }
    r = await env.api.post(f"/api/v1/namespaces/{env.namespace}/secrets", body)
    assert r.status == 201, r.body


async def assert_not_exposed(
    env: Env, kind_name: str, name: str, value: str, caplog: pytest.LogCaptureFixture
) -> None:
    cr = await env.must_get(kind_spec(kind_name), name)
    assert value not in repr(cr), "the secret value is in the CR"
    events = await env.events_for(name)
    assert value not in repr(events), "the secret value is in an Event"
    formatter = JSONFormatter()
    lines = [formatter.format(r) for r in caplog.records]
    assert lines, "no operator log was captured"
    leaked = [line for line in lines if value in line]
    assert leaked == [], leaked


@connector
@pytest.mark.parametrize("allow", ["{name}", "other, {name} ", "*"], ids=["name", "list", "star"])
async def test_secret_lookup_allowed(
    env: Env, kind_name: str, allow: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kind = kind_spec(kind_name)
    p = primitives(kind_name)
    name = "sso"
    value = f"s3cr3t-{env.namespace}"
    await make_secret(env, "sso-secret", value, allow.format(name=name))
    spec = {**p.valid(), "client_secret": "secret://sso-secret/client-secret"}
    async with env.operator():
        await env.create(kind, name, spec)
        await env.wait_ready(kind, name)
        stored: Any = env.teleport.store.get(CONNECTORS[kind_name], name)
        assert stored.Spec.ClientSecret == value
        p.assert_matches(await p.read(env.tctl, name), spec)
        await assert_not_exposed(env, kind_name, name, value, caplog)


@connector
@pytest.mark.parametrize("allow", ["another-cr", None], ids=["other-cr", "no-annotation"])
async def test_secret_lookup_denied(
    env: Env, kind_name: str, allow: str | None, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    kind = kind_spec(kind_name)
    p = primitives(kind_name)
    name = "sso"
    value = f"s3cr3t-{env.namespace}"
    await make_secret(env, "sso-secret", value, allow)
    spec = {**p.valid(), "client_secret": "secret://sso-secret/client-secret"}
    async with env.operator():
        await env.create(kind, name, spec)
        cr = await env.wait_condition(kind, name, c.CONDITION_RECONCILED, c.STATUS_FALSE)
        reconciled = condition(cr, c.CONDITION_RECONCILED)
        assert reconciled is not None
        assert reconciled["reason"] == c.REASON_MUTATION_ERROR, reconciled
        assert "sso-secret" in reconciled["message"], reconciled
        ready = condition(cr, c.CONDITION_READY)
        assert ready is not None, ready
        assert ready["status"] == c.STATUS_FALSE, ready
        assert env.teleport_writes() == []
        assert env.teleport.store.find(CONNECTORS[kind_name], name) is None
        await eventually(
            lambda: _warning(env, name), what="a Warning event about the refused lookup"
        )
        await assert_not_exposed(env, kind_name, name, value, caplog)


async def _warning(env: Env, name: str) -> list[dict[str, Any]]:
    return [e for e in await env.events_for(name) if e.get("type") == "Warning"]
