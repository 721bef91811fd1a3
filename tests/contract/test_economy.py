"""Write economy, measured from the doubles' write logs, for every kind.

- A new CR costs at most 2 Kubernetes writes to the CR (the finalizer, then the status) and
  exactly 1 Teleport write.
- Reconciling an unchanged CR costs nothing: after a restart over converged CRs the operator
  reconciles each one again (``controller_runtime_reconcile_total``) and reads it from Teleport
  (the client's ``teleop_teleport_requests_total``), then writes neither to Kubernetes nor to
  Teleport.

CR writes are the patches/updates of the CR itself, /status included (the test's own create is
not counted); Kubernetes Events are counted separately and must stay bounded (at most one per
Teleport write). ``settle`` is the barrier that makes "and nothing more after that" checkable.
"""

from __future__ import annotations

import pytest

from tests.contract.harness import Env, eventually
from tests.contract.primitives import PRIMITIVES, Primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

every_kind = pytest.mark.parametrize("p", PRIMITIVES, ids=lambda p: p.id)


def _show(records: list[object]) -> str:
    return "\n".join(repr(r) for r in records)


@every_kind
async def test_new_cr_costs_two_kube_writes_and_one_teleport_write(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("economy")
    async with env.operator() as op:
        kube_mark, teleport_mark = env.kube_mark(), env.teleport_mark()
        await env.create(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)
        await op.settle(p.kind, [name])

        cr_writes = env.cr_writes(p.kind, name, since=kube_mark)
        teleport_writes = env.teleport_writes(since=teleport_mark)
        events = env.event_writes(name, since=kube_mark)
        print(
            f"{p.id}: new CR: {len(cr_writes)} CR writes, {len(teleport_writes)} Teleport "
            f"writes, {len(events)} event writes"
        )
        assert 1 <= len(cr_writes) <= 2, _show(list(cr_writes))
        assert any(w.subresource == "status" for w in cr_writes), _show(list(cr_writes))
        assert len(teleport_writes) == 1, _show(list(teleport_writes))
        assert teleport_writes[0].kind == p.kind.teleport_kind
        assert teleport_writes[0].name == name
        assert len(events) <= len(teleport_writes), _show(list(events))


@every_kind
async def test_unchanged_cr_costs_no_write_after_restart(env: Env, p: Primitives) -> None:
    await p.prerequisites(env.tctl)
    names = list(dict.fromkeys(p.cr_name(n) for n in ("steady-a", "steady-b")))
    async with env.operator() as op:
        for name in names:
            await env.create(p.kind, name, p.valid())
        for name in names:
            await env.wait_ready(p.kind, name)
        await op.settle(p.kind, names)

    kube_mark, teleport_mark = env.kube_mark(), env.teleport_mark()
    async with env.operator() as op:
        await eventually(
            lambda: op.reconciles(p.kind) >= len(names),
            what=f"{p.kind.kind} reconciles after the restart",
        )
        await op.settle(p.kind, names)
        assert op.teleport_calls("/Get") >= len(names), "the CRs were not checked in Teleport"

        cr_writes = [w for n in names for w in env.cr_writes(p.kind, n, since=kube_mark)]
        teleport_writes = env.teleport_writes(since=teleport_mark)
        events = [w for n in names for w in env.event_writes(n, since=kube_mark)]
        print(
            f"{p.id}: restart over {len(names)} unchanged CRs: "
            f"{op.reconciles(p.kind):g} reconciles, "
            f"{len(cr_writes)} CR writes, {len(teleport_writes)} Teleport writes, "
            f"{len(events)} event writes"
        )
        assert cr_writes == [], _show(list(cr_writes))
        assert teleport_writes == [], _show(list(teleport_writes))
        assert events == [], _show(list(events))


@every_kind
async def test_spec_change_costs_one_status_write_and_one_teleport_write(
    env: Env, p: Primitives
) -> None:
    await p.prerequisites(env.tctl)
    name = p.cr_name("changed")
    async with env.operator() as op:
        await env.create(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)
        await op.settle(p.kind, [name])

        kube_mark, teleport_mark = env.kube_mark(), env.teleport_mark()
        mine = await env.replace_spec(p.kind, name, p.changed())
        await env.wait_ready(p.kind, name)
        await op.settle(p.kind, [name])
        p.assert_matches(await p.read(env.tctl, name), p.changed())

        cr_writes = env.cr_writes(p.kind, name, since=kube_mark, mine=[mine])
        teleport_writes = env.teleport_writes(since=teleport_mark)
        events = env.event_writes(name, since=kube_mark)
        assert [w.subresource for w in cr_writes] == ["status"], _show(list(cr_writes))
        assert len(teleport_writes) == 1, _show(list(teleport_writes))
        assert len(events) <= 1, _show(list(events))


@every_kind
async def test_reconcile_of_an_unchanged_cr_costs_nothing(env: Env, p: Primitives) -> None:
    """An annotation change brings the CR back (the Go predicate), but nothing is to be done."""
    await p.prerequisites(env.tctl)
    name = p.cr_name("touched")
    async with env.operator() as op:
        await env.create(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)
        await op.settle(p.kind, [name])

        before = op.reconciles(p.kind)
        kube_mark, teleport_mark = env.kube_mark(), env.teleport_mark()
        mine = await env.annotate(p.kind, name, {"example.com/note": "touched"})
        await eventually(
            lambda: op.reconciles(p.kind) > before, what="the reconcile after the annotation"
        )
        await op.settle(p.kind, [name])

        assert env.cr_writes(p.kind, name, since=kube_mark, mine=[mine]) == []
        assert env.teleport_writes(since=teleport_mark) == []
        assert env.event_writes(name, since=kube_mark) == []
