"""The generic contract, for every kind: the Go testlib's scenarios plus teleop's promises.

Each scenario is parametrised over ``KINDS`` through the per-kind ``primitives``; the operator
runs as in production (``Operator`` with manager and leader election) against fakekube and a
faketeleport over sockets. What each test pins:

- creation/deletion: the Teleport object appears with the origin label and the CR's labels, the
  CR is Ready with ``observedGeneration``; deleting the CR deletes the object and the CR goes;
- deletion drift: the object deleted in Teleport while the operator is down does not block the
  finalizer when the operator comes back;
- update: a pre-existing owned object converges to the CR, and so does a CR change;
- unowned object: ``TeleportResourceOwned=False``, never written, never deleted;
- ``teleport.dev/keep`` and ``teleport.dev/ignore``.
"""

from __future__ import annotations

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis.conventions import (
    ANNOTATION_IGNORE,
    ANNOTATION_KEEP,
    FINALIZER,
    ORIGIN_KUBERNETES,
    ORIGIN_LABEL,
)
from teleop.teleport import NotFound
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import (
    PRIMITIVES,
    Primitives,
    labels_of,
    tctl_delete,
    tctl_write,
    to_message,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")

every_kind = pytest.mark.parametrize("p", PRIMITIVES, ids=lambda p: p.id)

CR_LABELS = {"team": "contract"}


async def absent(env: Env, p: Primitives, name: str) -> bool:
    try:
        await p.read(env.tctl, name)
    except NotFound:
        return True
    raise AssertionError(f"{p.kind.teleport_kind} {name} still exists in Teleport")


@every_kind
async def test_creation_and_deletion(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("created")
    async with env.operator():
        await env.create(p.kind, name, p.valid(), labels=CR_LABELS)
        cr = await env.wait_ready(p.kind, name)

        assert FINALIZER in cr["metadata"]["finalizers"]
        assert cr["status"]["observedGeneration"] == cr["metadata"]["generation"] == 1
        for ctype in (c.CONDITION_VALID_STRUCTURE, c.CONDITION_OWNED, c.CONDITION_RECONCILED):
            cond = condition(cr, ctype)
            assert cond is not None, (ctype, cond)
            assert cond["status"] == c.STATUS_TRUE, (ctype, cond)
            assert cond.get("observedGeneration") == 1, cond
        owned = condition(cr, c.CONDITION_OWNED)
        # NewResource from the creating reconcile; a later pass may say OriginLabelMatching.
        assert owned is not None, cr["status"]
        assert owned["reason"] in (c.REASON_NEW_RESOURCE, c.REASON_ORIGIN_LABEL_MATCHING), owned

        resource = await p.read(env.tctl, name)
        labels = labels_of(resource)
        assert labels.get(ORIGIN_LABEL) == ORIGIN_KUBERNETES, labels
        assert labels.get("team") == "contract", labels
        p.assert_matches(resource, p.valid())
        assert cr["status"].get("teleportRevision"), cr["status"]

        # As in production, the operator reconciles as the holder of its Lease.
        lease = await env.api.get(
            f"/apis/coordination.k8s.io/v1/namespaces/{env.namespace}/leases/teleop-contract"
        )
        assert lease.status == 200, lease.body
        assert lease.body["spec"].get("holderIdentity"), lease.body

        await env.delete(p.kind, name)
        await env.wait_gone(p.kind, name)
        assert await absent(env, p, name)
        deletes = [
            w for w in env.teleport_writes(p.kind.teleport_kind, name) if "Delete" in w.method
        ]
        assert len(deletes) == 1, deletes


@every_kind
async def test_deletion_drift(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("drift")
    async with env.operator():
        await env.create(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)

    # The operator is stopped: the object goes out of band, then the CR is deleted.
    await tctl_delete(env.tctl, p.kind, name)
    await env.delete(p.kind, name)
    cr = await env.must_get(p.kind, name)
    assert cr["metadata"].get("deletionTimestamp"), "the finalizer should hold the CR"
    assert FINALIZER in cr["metadata"]["finalizers"]

    async with env.operator():
        await env.wait_gone(p.kind, name)
    assert await absent(env, p, name)


@every_kind
async def test_update_converges(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("updated")
    stale = to_message(p.kind, name, p.old())
    before = await tctl_write(env.tctl, p.kind, stale)
    assert labels_of(before)[ORIGIN_LABEL] == ORIGIN_KUBERNETES

    async with env.operator():
        await env.create(p.kind, name, p.valid())
        cr = await env.wait_ready(p.kind, name)
        owned = condition(cr, c.CONDITION_OWNED)
        assert owned is not None, owned
        assert owned["status"] == c.STATUS_TRUE, owned
        assert owned["reason"] == c.REASON_ORIGIN_LABEL_MATCHING, owned
        p.assert_matches(await p.read(env.tctl, name), p.valid())

        await env.replace_spec(p.kind, name, p.changed())
        cr = await env.wait_ready(p.kind, name)
        assert cr["metadata"]["generation"] == 2
        p.assert_matches(await p.read(env.tctl, name), p.changed())


@every_kind
async def test_unowned_object_is_never_touched(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("unowned")
    theirs = await tctl_write(env.tctl, p.kind, to_message(p.kind, name, p.old(), owned=False))
    original = await p.read(env.tctl, name)

    async with env.operator():
        await env.create(p.kind, name, p.valid())
        cr = await env.wait_condition(
            p.kind, name, c.CONDITION_OWNED, c.STATUS_FALSE, c.REASON_ORIGIN_LABEL_NOT_MATCHING
        )
        ready = condition(cr, c.CONDITION_READY)
        assert ready is not None, ready
        assert ready["status"] == c.STATUS_FALSE, ready
        warnings = await eventually(
            lambda: _warnings(env, name), what="a Warning event about the unowned object"
        )
        assert warnings
        assert await p.read(env.tctl, name) == original
        assert env.teleport_writes(p.kind.teleport_kind, name) == []

        await env.delete(p.kind, name)
        await env.wait_gone(p.kind, name)
        assert await p.read(env.tctl, name) == original
        assert env.teleport_writes(p.kind.teleport_kind, name) == []
    assert labels_of(theirs).get(ORIGIN_LABEL) is None


async def _warnings(env: Env, name: str) -> list[dict[str, object]]:
    return [e for e in await env.events_for(name) if e.get("type") == "Warning"]


@every_kind
async def test_keep_annotation_leaves_the_object(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("kept")
    async with env.operator():
        await env.create(p.kind, name, p.valid(), annotations={ANNOTATION_KEEP: "true"})
        await env.wait_ready(p.kind, name)
        before = await p.read(env.tctl, name)
        await env.delete(p.kind, name)
        await env.wait_gone(p.kind, name)
        assert await p.read(env.tctl, name) == before
        writes = env.teleport_writes(p.kind.teleport_kind, name)
        assert [w.method for w in writes if "Delete" in w.method] == []


@every_kind
async def test_ignore_annotation(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("ignored")
    async with env.operator() as op:
        await env.create(p.kind, name, p.valid(), annotations={ANNOTATION_IGNORE: "true"})
        await eventually(lambda: op.reconciles(p.kind) >= 1, what="the ignored CR's reconcile")
        await op.settle(p.kind, [name])
        cr = await env.must_get(p.kind, name)
        assert not cr.get("status"), cr.get("status")
        assert FINALIZER not in (cr["metadata"].get("finalizers") or [])
        assert await absent(env, p, name)
        assert env.teleport_writes() == []

        # Lifting the annotation (Go ParseBool: "false") lets it converge.
        await env.annotate(p.kind, name, {ANNOTATION_IGNORE: "false"})
        await env.wait_ready(p.kind, name)
        p.assert_matches(await p.read(env.tctl, name), p.valid())

        await op.settle(p.kind, [name])
        mark = env.teleport_mark()

        # Ignored again, a spec change is not applied.
        await env.annotate(p.kind, name, {ANNOTATION_IGNORE: "true"})
        await env.replace_spec(p.kind, name, p.changed())
        await op.settle(p.kind, [name])
        assert env.teleport_writes(since=mark) == []
        p.assert_matches(await p.read(env.tctl, name), p.valid())

        # Deleting an ignored CR never touches Teleport.
        await env.delete(p.kind, name)
        await op.settle(p.kind, [name])
        p.assert_matches(await p.read(env.tctl, name), p.valid())
        assert env.teleport_writes(since=mark) == []
