"""Adoption end to end: ``teleport.dev/adopt: "true"`` takes over a Teleport role that has no
origin label; without it, or when the origin label names another manager, the refusal stays and
the role is never written."""

from __future__ import annotations

from typing import Any

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.apis import conditions as c
from teleop.operator.apis.conventions import ANNOTATION_ADOPT, ORIGIN_KUBERNETES, ORIGIN_LABEL
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import to_message

pytestmark = pytest.mark.asyncio(loop_scope="session")

ROLE = KINDS_BY_NAME["TeleportRole"]
SPEC = {"allow": {"logins": ["dev"]}}
THEIRS = {"allow": {"logins": ["legacy"]}}
ADOPT = {ANNOTATION_ADOPT: "true"}


async def reasons(env: Env, name: str) -> list[tuple[str, str]]:
    return [(e["type"], e["reason"]) for e in await env.events_for(name)]


async def test_adopt_takes_over_a_role_without_origin_label(env: Env) -> None:
    name = "adopted"
    await env.tctl.upsert_role(to_message(ROLE, name, THEIRS, owned=False))
    async with env.operator() as op:
        mark = env.teleport_mark()
        await env.create(ROLE, name, SPEC, annotations=ADOPT)
        cr = await env.wait_ready(ROLE, name)
        owned = condition(cr, c.CONDITION_OWNED)
        assert owned is not None
        assert (owned["status"], owned["reason"]) == ("True", "Adopted")
        role = await env.tctl.get_role(name)
        assert role.Metadata.Labels[ORIGIN_LABEL] == ORIGIN_KUBERNETES
        assert list(role.Spec.Allow.Logins) == ["dev"]
        assert cr["status"]["teleportRevision"] == role.Metadata.Revision
        await eventually(lambda: _has(env, name, ("Normal", "Adopted")), what="an Adopted event")
        await op.settle(ROLE, [name])
        assert len(env.teleport_writes("role", name, since=mark)) == 1
        # from now on it is an owned role: a change in Teleport is drift and is restored
        await env.tctl.upsert_role(to_message(ROLE, name, THEIRS))

        async def restored() -> bool:
            assert list((await env.tctl.get_role(name)).Spec.Allow.Logins) == ["dev"]
            return True

        await eventually(restored, timeout=5, what="the adopted role restored")


async def _has(env: Env, name: str, pair: tuple[str, str]) -> bool:
    return pair in await reasons(env, name)


@pytest.mark.parametrize(
    ("labels", "annotations", "says"),
    [
        ({}, {}, "annotate this CR teleport.dev/adopt=true"),
        ({ORIGIN_LABEL: "config-file"}, ADOPT, "teleport.dev/origin=config-file"),
    ],
    ids=["without-annotation", "other-origin"],
)
async def test_refused_without_annotation_or_with_another_origin(
    env: Env, labels: dict[str, str], annotations: dict[str, str], says: str
) -> None:
    name = "theirs"
    await env.tctl.upsert_role(to_message(ROLE, name, THEIRS, labels=labels, owned=False))
    before: Any = await env.tctl.get_role(name)
    async with env.operator() as op:
        mark = env.teleport_mark()
        await env.create(ROLE, name, SPEC, annotations=annotations)
        cr = await env.wait_condition(
            ROLE, name, c.CONDITION_OWNED, "False", c.REASON_ORIGIN_LABEL_NOT_MATCHING
        )
        owned = condition(cr, c.CONDITION_OWNED)
        assert owned is not None
        assert says in owned["message"]
        await eventually(lambda: _has(env, name, ("Warning", "NotOwned")), what="NotOwned")
        await op.settle(ROLE, [name])
        assert env.teleport_writes("role", name, since=mark) == []
        assert await env.tctl.get_role(name) == before
        assert ("Normal", "Adopted") not in await reasons(env, name)
