"""The leader dies with SIGKILL part-way through 500 CRs; another replica finishes, nothing lost.

Three replicas. faketeleport's role writes get 40 ms of latency so the 500 CRs take at least 5 s
and the kill lands mid-way (after 100 roles reached Teleport, before all 500). SIGKILL skips every
shutdown path: the Lease is not released, so a standby takes over only once it expires. Then:
every CR is Ready and its role is in Teleport at the revision its status reports; and every Teleport write was
made by the replica that held the Lease at that moment (faketeleport's write log, by identity CN,
against the Lease history the test watched; see e2e/leases.py).
"""

from __future__ import annotations

from collections.abc import Callable

from e2e.harness import wait_for
from e2e.leases import check_writers
from e2e.scenario import LOAD_PLURAL, Scenario, role_docs

COUNT = 500


def test_leader_killed_midway_another_replica_finishes(ha: Callable[[int], Scenario]) -> None:
    s = ha(3)
    first = s.fleet.leader()
    s.remote(lambda fake: fake.fault("UpsertRoleV2", latency=0.04))
    s.apply(role_docs(COUNT))

    wait_for("100 roles in Teleport", lambda: True if len(s.writes()) >= 100 else None, 60, 0.05)
    s.fleet.leader()  # still the first one: fails if two lead at once
    first.process.kill()
    written_before = {w["name"] for w in s.writes()}
    assert len(written_before) < COUNT, "all roles were written before the kill: not mid-way"

    second = s.fleet.leader(timeout=30)
    assert second is not first
    s.wait_ready(COUNT)

    stored = {r["name"]: r["revision"] for r in s.remote(lambda fake: fake.resources("role"))}
    status = {
        o["metadata"]["name"]: (o.get("status") or {}).get("teleportRevision")
        for o in s.kubectl.get_json(LOAD_PLURAL)["items"]
    }
    lost = [n for n in (f"load-{i:03d}" for i in range(COUNT)) if stored.get(n) != status.get(n)]
    assert lost == [], f"CRs whose role is missing or not at their status' revision: {lost[:10]}"
    writes = s.writes()
    callers = {w["caller"] for w in writes}
    assert first.name in callers, callers
    assert second.name in callers, callers
    assert {w["name"] for w in writes if w["caller"] == second.name} - written_before, (
        "the new leader wrote none of the roles the dead one had not reached"
    )

    history = s.leases.tenures()
    holders = s.fleet.holders()
    assert [holders.get(t.holder) for t in history][-2:] == [first.name, second.name], history
    bad = check_writers(writes, history, holders)
    assert bad == [], f"Teleport writes by a replica not holding the Lease: {bad[:10]}"
