"""Every kind's adapter, step by step: the samples converge with one Teleport write each, an
unchanged re-reconcile writes nothing, deletion removes them; users fall back to the legacy API."""

from __future__ import annotations

import base64

from teleop.operator.reconcilers.secretlookup import SECRETS
from tests.integration.reconcilers.conftest import NAMESPACE, Harness
from tests.unit.operator.samples import samples

SECRET_NAMES = ("github-connector", "oidc-connector", "trusted-cluster-join")


async def put_secrets(harness: Harness) -> None:
    for name in SECRET_NAMES:
        body = {
            "apiVersion": "v1",
            "kind": "Secret",
            "metadata": {
                "name": name,
                "namespace": NAMESPACE,
                "annotations": {"resources.teleport.dev/allow-lookup-from-cr": "*"},
            },
            "data": {
                key: base64.b64encode(b"s3cret").decode() for key in ("client-secret", "token")
            },
        }
        await harness.api.create(SECRETS, body)


def ready(cr: dict) -> bool:
    return any(c["type"] == "Ready" and c["status"] == "True" for c in cr["status"]["conditions"])


async def test_every_sample_converges_and_is_deleted(harness: Harness) -> None:
    await put_secrets(harness)
    crs = samples()
    for kind, cr in crs:
        md = cr["metadata"]
        await harness.create(
            kind.kind,
            md["name"],
            cr.get("spec") or {},
            labels=md.get("labels"),
            annotations=md.get("annotations"),
        )
        await harness.reconcile(kind.kind, md["name"])
        assert ready(await harness.get(kind.kind, md["name"])), kind.kind
    assert len(harness.teleport.log) == len(crs)
    kube_writes = len(harness.fakekube.writes)
    for kind, cr in crs:
        await harness.reconcile(kind.kind, cr["metadata"]["name"])
    assert len(harness.teleport.log) == len(crs)
    crs_written = [w for w in harness.fakekube.writes[kube_writes:] if w.resource != "events"]
    assert crs_written == []
    for kind, cr in reversed(crs):  # the user first: Teleport refuses to delete a role in use
        await harness.delete(kind.kind, cr["metadata"]["name"])
        await harness.reconcile(kind.kind, cr["metadata"]["name"])
        assert harness.cached(kind.kind, cr["metadata"]["name"]) is None
    deletes = [
        r
        for r in harness.teleport.log.records()
        if r.method.rsplit("/", 1)[-1].startswith("Delete")
    ]
    assert len(deletes) == len(crs)


async def test_users_fall_back_to_the_legacy_api(harness: Harness) -> None:
    harness.teleport.faults.disable("users.v1")
    await harness.create("TeleportRole", "r1", {})
    await harness.reconcile("TeleportRole", "r1")
    await harness.create("TeleportUser", "bob", {"roles": ["r1"]})
    await harness.reconcile("TeleportUser", "bob")
    await harness.patch("TeleportUser", "bob", {"spec": {"roles": ["r1"], "traits": {"a": ["b"]}}})
    await harness.reconcile("TeleportUser", "bob")
    await harness.reconcile("TeleportUser", "bob")
    methods = [r.method for r in harness.teleport.log.records(name="bob")]
    assert methods == ["/proto.AuthService/CreateUser", "/proto.AuthService/UpdateUser"]
