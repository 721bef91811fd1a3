"""``status.appliedHash`` never depends on a secret's value, and a rotated Secret is written once.

The CR's status is readable by anyone who can read the CR; a plain hash over a message holding a
resolved client secret would let them brute-force a weak secret offline. The hash covers the
``secret://`` reference and the Secret's uid and resourceVersion instead (``compare``), so:

- it equals the hash of the message *as the CR writes it* plus those versions, and differs from
  the hash of the message with the value resolved;
- re-reconciling with the Secret unchanged writes nothing to Teleport;
- rotating the Secret's value writes to Teleport exactly once, and the next reconcile nothing.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from teleop.operator.apis import KINDS, KindSpec, kind_spec
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.operator.reconcilers import build_desired, desired_hash
from teleop.testing.faketeleport.state import GITHUB
from tests.contract.harness import Env, OperatorRun
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

KIND = kind_spec("TeleportGithubConnector")
SECRET = "sso-secret"
REF = f"secret://{SECRET}/client-secret"


async def put_secret(env: Env, value: str) -> dict[str, Any]:
    """Create or replace the Secret; returns it as stored."""
    body = {
        "metadata": {"name": SECRET, "annotations": {ANNOTATION_SECRET_LOOKUP: "*"}},
        "data": {"client-secret": base64.b64encode(value.encode()).decode()},
    }
    path = f"/api/v1/namespaces/{env.namespace}/secrets"
    r = await env.api.get(f"{path}/{SECRET}")
    if r.status == 404:
        r = await env.api.post(path, body)
        assert r.status == 201, r.body
    else:
        r = await env.api.patch(f"{path}/{SECRET}", {"data": body["data"]})
        assert r.status == 200, r.body
    stored: dict[str, Any] = r.body
    return stored


async def poke(env: Env, op: OperatorRun, kind: KindSpec, n: int) -> None:
    """Make the operator reconcile the CR ``sec`` again (an annotation change), wait until done."""
    await env.annotate(kind, "sec", {"test.teleop.dev/poke": str(n)})
    await op.settle(kind, ["sec"])


def spec() -> dict[str, Any]:
    return {**primitives(KIND.kind).valid(), "client_secret": REF}


async def test_applied_hash_covers_the_reference_and_secret_version_not_the_value(
    env: Env,
) -> None:
    value = "hunter2"  # a weak secret: exactly what must not be guessable from the status
    secret = await put_secret(env, value)
    async with env.operator() as op:
        await env.create(KIND, "gh", spec())
        cr = await env.wait_ready(KIND, "gh")
        await op.settle(KIND, ["gh"])
    applied = cr["status"]["appliedHash"]
    unresolved = build_desired(KIND, cr)
    md = secret["metadata"]
    versions = {REF: f"{md['uid']}/{md['resourceVersion']}"}
    assert applied == desired_hash(unresolved, None, versions)
    resolved = build_desired(KIND, cr)
    resolved.Spec.ClientSecret = value  # type: ignore[attr-defined]
    assert applied != desired_hash(resolved), "the hash is computable from the secret's value"
    assert applied != desired_hash(resolved, None, versions)
    assert value not in repr(cr)


SECRET_FIELDS = {
    "TeleportGithubConnector": "client_secret",
    "TeleportOIDCConnector": "client_secret",
    "TeleportTrustedClusterV2": "token",
}
"""Every kind whose adapter resolves a ``secret://`` field, and that field: each must record the
Secret's version for the hash, or a rotation would never reach Teleport."""


@pytest.mark.parametrize("kind_name", [k for k in SECRET_FIELDS if any(s.kind == k for s in KINDS)])
async def test_unchanged_secret_no_write_rotated_secret_exactly_one_write(
    env: Env, kind_name: str
) -> None:
    kind = kind_spec(kind_name)
    p = primitives(kind_name)
    await p.prerequisites(env.tctl)
    spec = {**p.valid(), SECRET_FIELDS[kind_name]: REF}
    await put_secret(env, "first-value")
    async with env.operator() as op:
        await env.create(kind, "sec", spec)
        await env.wait_ready(kind, "sec")
        await op.settle(kind, ["sec"])
        assert len(env.teleport_writes(name="sec")) == 1
        first_hash = (await env.must_get(kind, "sec"))["status"]["appliedHash"]

        mark = env.teleport_mark()
        await poke(env, op, kind, 1)
        assert env.teleport_writes(name="sec", since=mark) == [], "wrote, Secret unchanged"
        assert (await env.must_get(kind, "sec"))["status"]["appliedHash"] == first_hash

        await put_secret(env, "second-value")
        await poke(env, op, kind, 2)
        writes = env.teleport_writes(name="sec", since=mark)
        assert len(writes) == 1, writes
        if kind_name == "TeleportGithubConnector":
            stored: Any = env.teleport.store.get(GITHUB, "sec")
            assert stored.Spec.ClientSecret == "second-value"
        second_hash = (await env.must_get(kind, "sec"))["status"]["appliedHash"]
        assert second_hash != first_hash

        mark = env.teleport_mark()
        await poke(env, op, kind, 3)
        assert env.teleport_writes(name="sec", since=mark) == [], "rewrote after the rotation"
