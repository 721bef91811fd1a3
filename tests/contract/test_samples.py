"""Every sample together, as ``kubectl apply -k manifests/samples`` would create them.

One operator runs every controller at once: the user sample converges once the role samples it
names exist (whatever order the controllers take), the connectors read their client secrets from
annotated Secrets, and a restart over the converged set writes nothing anywhere.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from teleop.operator.apis import KINDS
from teleop.operator.apis.conventions import (
    ANNOTATION_SECRET_LOOKUP,
    ORIGIN_KUBERNETES,
    ORIGIN_LABEL,
)
from tests.contract.harness import Env, eventually
from tests.contract.primitives import labels_of, primitives
from tests.unit.operator.samples import samples

pytestmark = pytest.mark.asyncio(loop_scope="session")

SECRETS = {
    "github-connector": "github",
    "oidc-connector": "okta",
    "trusted-cluster-join": "root.example.com",
}


async def test_every_sample_converges_and_a_restart_writes_nothing(env: Env) -> None:
    for secret, cr_name in SECRETS.items():
        body: dict[str, Any] = {
            "metadata": {"name": secret, "annotations": {ANNOTATION_SECRET_LOOKUP: cr_name}},
            "data": {
                key: base64.b64encode(f"{secret}-value".encode()).decode()
                for key in ("client-secret", "token")
            },
        }
        r = await env.api.post(f"/api/v1/namespaces/{env.namespace}/secrets", body)
        assert r.status == 201, r.body

    crs = samples()
    async with env.operator() as op:
        for kind, cr in crs:
            meta = cr["metadata"]
            await env.create(
                kind,
                meta["name"],
                cr["spec"],
                labels=meta.get("labels"),
                annotations=meta.get("annotations"),
            )
        for kind, cr in crs:
            await env.wait_ready(kind, cr["metadata"]["name"], timeout=15)
        for kind, cr in crs:
            await op.settle(kind, [cr["metadata"]["name"]])

        for kind, cr in crs:
            p = primitives(kind.kind)
            resource = await p.read(env.tctl, cr["metadata"]["name"])
            assert labels_of(resource)[ORIGIN_LABEL] == ORIGIN_KUBERNETES
            p.assert_matches(resource, cr["spec"])
    written = {(r.kind, r.name) for r in env.teleport_writes()}
    assert written == {(k.teleport_kind, cr["metadata"]["name"]) for k, cr in crs}

    kube_mark, teleport_mark = env.kube_mark(), env.teleport_mark()
    async with env.operator() as op:
        await eventually(
            lambda: all(op.reconciles(kind) >= 1 for kind in KINDS),
            what="every controller to reconcile its sample after the restart",
        )
        for kind, cr in crs:
            await op.settle(kind, [cr["metadata"]["name"]])
        assert env.all_cr_writes(since=kube_mark) == []
        assert env.teleport_writes(since=teleport_mark) == []
