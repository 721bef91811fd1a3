"""A canary secret value never leaves the Secret and Teleport: not in logs, Events, status, metrics.

One operator run (DEBUG logs captured) walks the paths a client secret takes: an allowed lookup
(Teleport must get the value), a refused one, a key holding bytes that are not UTF-8 text around
the canary, Teleport rejecting the write of a resolved connector (the error is recorded and
retried), a rotation to a second canary, and a deletion. Then the canaries (as text and as the
base64 a Secret holds) must appear nowhere else: not in any log record (messages, fields,
exception tracebacks), not in any object the operator can write in its namespace (CRs with their
status, Events, the Lease), not in the metrics exposition, not in an exception's text.
"""

from __future__ import annotations

import base64
import logging
from typing import Any

import grpc
import pytest
from prometheus_client import generate_latest

from teleop.operator.apis import KINDS, kind_spec
from teleop.operator.apis import conditions as c
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.runtime.log import JSONFormatter
from teleop.testing.faketeleport.state import GITHUB
from tests.contract.harness import Env, OperatorRun, eventually
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

GH = kind_spec("TeleportGithubConnector")
OIDC = kind_spec("TeleportOIDCConnector")
CANARY = "canary-3e1b7d5f-first"
CANARY2 = "canary-9a0c4e21-rotated"


def forms(value: str) -> list[str]:
    return [value, base64.b64encode(value.encode()).decode()]


async def put_secret(env: Env, name: str, data: bytes, allow: str) -> None:
    path = f"/api/v1/namespaces/{env.namespace}/secrets"
    body = {
        "metadata": {"name": name, "annotations": {ANNOTATION_SECRET_LOOKUP: allow}},
        "data": {"v": base64.b64encode(data).decode()},
    }
    r = await env.api.get(f"{path}/{name}")
    if r.status == 404:
        r = await env.api.post(path, body)
    else:
        r = await env.api.patch(f"{path}/{name}", {"data": body["data"]})
    assert r.status in (200, 201), r.body


async def namespace_objects(env: Env) -> list[Any]:
    """Every object in the test's namespace the operator could have written (not Secrets)."""
    paths = [
        f"/api/v1/namespaces/{env.namespace}/events",
        f"/apis/events.k8s.io/v1/namespaces/{env.namespace}/events",
        f"/apis/coordination.k8s.io/v1/namespaces/{env.namespace}/leases",
        f"/api/v1/namespaces/{env.namespace}/configmaps",
    ]
    paths += [
        f"/apis/{k.group}/{k.storage_version}/namespaces/{env.namespace}/{k.plural}" for k in KINDS
    ]
    out: list[Any] = []
    for path in paths:
        r = await env.api.get(path)
        assert r.status == 200, (path, r.body)
        out.extend(r.body["items"])
    return out


def leaks(text: str) -> list[str]:
    return [f for v in (CANARY, CANARY2) for f in forms(v) if f in text]


async def scenario(env: Env, op: OperatorRun) -> None:
    base_gh = primitives(GH.kind).valid()
    base_oidc = primitives(OIDC.kind).valid()
    await put_secret(env, "sso", CANARY.encode(), "gh, bad-bytes")
    await put_secret(env, "binary", b"\xff\xfe" + CANARY.encode(), "bad-bytes")
    await env.create(GH, "gh", {**base_gh, "client_secret": "secret://sso/v"})
    await env.create(OIDC, "denied", {**base_oidc, "client_secret": "secret://sso/v"})
    await env.create(GH, "bad-bytes", {**base_gh, "client_secret": "secret://binary/v"})
    await env.wait_ready(GH, "gh")
    stored: Any = env.teleport.store.get(GITHUB, "gh")
    assert stored.Spec.ClientSecret == CANARY
    await env.wait_condition(OIDC, "denied", c.CONDITION_RECONCILED, c.STATUS_FALSE)
    await env.wait_condition(GH, "bad-bytes", c.CONDITION_RECONCILED, c.STATUS_FALSE)

    # Teleport refuses the resolved connector twice: recorded as an error, retried, then written.
    rule = env.teleport.faults.fail(
        "*", grpc.StatusCode.INVALID_ARGUMENT, "bad connector", kind="github", times=2
    )
    await put_secret(env, "sso", CANARY2.encode(), "gh, bad-bytes")
    await env.annotate(GH, "gh", {"test.teleop.dev/poke": "1"})

    async def rotated() -> bool:
        got: Any = env.teleport.store.get(GITHUB, "gh")
        return bool(got.Spec.ClientSecret == CANARY2)

    await eventually(rotated, what="the rotated value in Teleport")
    env.teleport.faults.remove(rule.id)
    await env.delete(GH, "gh")
    await env.wait_gone(GH, "gh")
    await op.settle(GH, ["bad-bytes"])


async def test_canary_never_leaves_the_secret(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with env.operator() as op:
        await scenario(env, op)
        metrics = generate_latest(op.registry).decode()
        assert "controller_runtime_reconcile_total" in metrics
        assert leaks(metrics) == [], "a canary is in the metrics"
        objects = await namespace_objects(env)
        assert any(o.get("kind") == "Event" or "involvedObject" in o for o in objects)
        assert leaks(repr(objects)) == [], "a canary is in an object the operator writes"
    formatter = JSONFormatter()
    lines = [formatter.format(r) for r in caplog.records]
    errors = [r for r in caplog.records if r.exc_info is not None]
    assert errors, "no exception was logged: the failing paths were not exercised"
    assert [line for line in lines if leaks(line)] == [], "a canary is in a log record"
    texts = [f"{r.exc_info[1]!s} {r.exc_info[1]!r}" for r in errors if r.exc_info]
    assert [t for t in texts if leaks(t)] == [], "a canary is in an exception"
