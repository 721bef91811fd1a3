"""Access lists keep the audit date Teleport computed, whatever the operator writes.

Teleport sets ``spec.audit.next_audit_date`` when a list is created and moves it when the list is
reviewed. A CR never carries it, so every write teleop makes must carry Teleport's current date
(the Go operator's mutator does the same): a spec change and a date moved in Teleport meanwhile
both leave the date as Teleport has it.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.contract.harness import Env
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _date(resource: object) -> datetime:
    audit = resource.spec.audit  # type: ignore[attr-defined]
    assert audit.HasField("next_audit_date"), "Teleport computes next_audit_date"
    value: datetime = audit.next_audit_date.ToDatetime(tzinfo=UTC)
    return value


async def test_updates_keep_the_server_computed_next_audit_date(env: Env) -> None:
    p = primitives("TeleportAccessList")
    name = "audited"
    async with env.operator():
        await env.create(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)
        computed = _date(await p.read(env.tctl, name))
        assert computed.day == 15, computed  # the sample's recurrence: every 3 months on the 15th
        assert computed > datetime.now(UTC)

        await env.replace_spec(p.kind, name, p.changed())
        await env.wait_ready(p.kind, name)
        after_update = await p.read(env.tctl, name)
        p.assert_matches(after_update, p.changed())
        assert _date(after_update) == computed

        # A review in Teleport moves the date; the next write must not move it back.
        reviewed = await p.read(env.tctl, name)
        moved = datetime(2031, 1, 15, tzinfo=UTC)
        reviewed.spec.audit.next_audit_date.FromDatetime(moved)
        reviewed.spec.title = "Changed in Teleport"
        await env.tctl.upsert_access_list(reviewed)
        await env.replace_spec(p.kind, name, p.valid())
        await env.wait_ready(p.kind, name)
        restored = await p.read(env.tctl, name)
        p.assert_matches(restored, p.valid())
        assert _date(restored) == moved
