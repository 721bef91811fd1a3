"""A rolling restart of every replica makes no Teleport writes beyond those that changes need.

Three replicas converge 200 roles; then each replica in turn is stopped with SIGTERM (a leader
releases the Lease) and started again, as ``kubectl rollout restart`` would, and one CR is edited
half-way through. Each new leader reconciles every CR from scratch, reading Teleport, and must
find nothing to write: faketeleport's write log, cleared before the restart, ends up holding the
one edited role only. Every write is also checked against the Lease history.
"""

from __future__ import annotations

from collections.abc import Callable

from e2e.leases import check_writers
from e2e.scenario import Scenario, role_docs

COUNT = 200
CONTROLLER = "teleportrolev7"


def test_rolling_restart_writes_only_what_changed(ha: Callable[[int], Scenario]) -> None:
    s = ha(3)
    s.apply(role_docs(COUNT))
    s.wait_ready(COUNT)
    before = s.fleet.wait_idle(CONTROLLER, COUNT).process
    s.remote(lambda fake: fake.clear_writes())

    for i, replica in enumerate(s.fleet.replicas):
        s.fleet.restart(replica)
        if i == 1:
            s.apply(role_docs(1, login="edited", start=7))
        s.fleet.wait_idle(CONTROLLER, COUNT)
    s.wait_ready(COUNT)
    last = s.fleet.wait_idle(CONTROLLER, COUNT)
    assert last.process is not before, "the leader never changed"

    writes = s.writes()
    made = sorted((w["method"].rsplit("/", 1)[-1], w["name"]) for w in writes)
    assert [name for _, name in made] == ["load-007"], f"writes beyond the one edit: {made}"
    bad = check_writers(writes, s.leases.tenures(), s.fleet.holders())
    assert bad == [], f"Teleport writes by a replica not holding the Lease: {bad}"
