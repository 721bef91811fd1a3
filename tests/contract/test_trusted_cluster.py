"""TeleportTrustedClusterV2's join token through the secret lookup (``secret://<secret>/<key>``).

Allowed (the Secret's ``allow-lookup-from-cr`` names the CR): Teleport holds the Secret's value,
the CR never shows it, and a rotated Secret is written once. Denied (another CR named):
SuccessfullyReconciled=False with MutationError naming ``spec.token``, nothing written.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis import kind_spec
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.testing.faketeleport.trustedclusters import TRUSTED_CLUSTER
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

KIND = kind_spec("TeleportTrustedClusterV2")
NAME = "root.example.com"


def secret_body(value: str, allow: str) -> dict[str, Any]:
    return {
        "metadata": {"name": "join", "annotations": {ANNOTATION_SECRET_LOOKUP: allow}},
        "data": {"token": base64.b64encode(value.encode()).decode()},
    }


async def test_token_from_an_allowed_secret_and_its_rotation(env: Env) -> None:
    secrets = f"/api/v1/namespaces/{env.namespace}/secrets"
    r = await env.api.post(secrets, secret_body("first-token", NAME))
    assert r.status == 201, r.body
    spec = {**primitives(KIND.kind).valid(), "token": "secret://join/token"}
    async with env.operator():
        await env.create(KIND, NAME, spec)
        cr = await env.wait_ready(KIND, NAME)
        stored: Any = env.teleport.store.get(TRUSTED_CLUSTER, NAME)
        assert stored.Spec.Token == "first-token"
        assert "first-token" not in repr(cr)

        mark = env.teleport_mark()
        r = await env.api.put(f"{secrets}/join", secret_body("second-token", NAME))
        assert r.status == 200, r.body
        await env.annotate(KIND, NAME, {"rotated": "1"})  # a reconcile, as a resync would

        def rotated() -> bool:
            s: Any = env.teleport.store.get(TRUSTED_CLUSTER, NAME)
            return bool(s.Spec.Token == "second-token")

        await eventually(rotated, what="the rotated token in Teleport")
        assert len(env.teleport_writes(since=mark)) == 1


async def test_token_from_a_secret_for_another_cr_is_refused(env: Env) -> None:
    r = await env.api.post(
        f"/api/v1/namespaces/{env.namespace}/secrets", secret_body("nope", "other")
    )
    assert r.status == 201, r.body
    spec = {**primitives(KIND.kind).valid(), "token": "secret://join/token"}
    async with env.operator():
        await env.create(KIND, NAME, spec)
        cr = await env.wait_condition(
            KIND, NAME, c.CONDITION_RECONCILED, c.STATUS_FALSE, c.REASON_MUTATION_ERROR
        )
        cond = condition(cr, c.CONDITION_RECONCILED)
        assert cond is not None
        assert "spec.token" in cond["message"], cond
        assert env.teleport_writes() == []
