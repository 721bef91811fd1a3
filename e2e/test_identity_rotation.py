"""The leader's identity file is rotated while it reconciles; no reconcile fails.

Two replicas; 300 CRs are applied with 20 ms of latency on role writes, and part-way through the
leader's identity file is replaced, atomically as tbot does, by a freshly minted identity with a
new common name. teleop re-reads the file (``--identity-reload-interval 200ms`` here) and carries
on: every CR becomes Ready, ``controller_runtime_reconcile_errors_total`` stays 0 on every replica,
no Warning Event is recorded, the leader keeps the Lease, and faketeleport's write log shows the
new name from its first appearance on, old and new writes alike by the Lease holder.
"""

from __future__ import annotations

from collections.abc import Callable

from e2e.harness import wait_for
from e2e.leases import check_writers
from e2e.prometheus import metric_sum
from e2e.scenario import Scenario, role_docs

COUNT = 300


def test_identity_rotated_while_reconciling(ha: Callable[[int], Scenario]) -> None:
    s = ha(2)
    leader = s.fleet.leader()
    s.remote(lambda fake: fake.fault("UpsertRoleV2", latency=0.02))
    s.apply(role_docs(COUNT))
    wait_for("50 roles in Teleport", lambda: True if len(s.writes()) >= 50 else None, 60, 0.05)

    rotated = f"{leader.name}-rotated"
    s.teleport.mint(leader.identity, rotated)
    s.wait_ready(COUNT)
    s.apply(role_docs(10, login="after"))  # writes certainly made after the reload
    s.wait_ready(COUNT)
    wait_for(
        "the edited roles in Teleport",
        lambda: True if sum(w["caller"] == rotated for w in s.writes()) >= 10 else None,
        30,
    )

    assert s.fleet.leader() is leader, "rotating the identity cost the Lease"
    for replica in s.fleet.replicas:
        text = replica.metrics_text()
        assert metric_sum(text, "controller_runtime_reconcile_errors_total") == 0, replica.name
    assert s.warning_events() == []

    callers = [w["caller"] for w in s.writes()]
    first_new = callers.index(rotated)
    assert first_new > 0, "no write was made with the old identity: not rotated mid-way"
    assert set(callers[first_new:]) == {rotated}, "the old identity was used after the new one"
    as_replicas = [{**w, "caller": w["caller"].removesuffix("-rotated")} for w in s.writes()]
    bad = check_writers(as_replicas, s.leases.tenures(), s.fleet.holders())
    assert bad == [], bad
