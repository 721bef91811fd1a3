"""A real Prometheus scrapes every replica; PromQL sees what an operator's dashboard would.

Two replicas and Prometheus (Debian's package; skipped with the reason when the binary is
missing) scraping both every second. After 100 CRs converge: reconciles rose on the leader only,
the leader's work queues are back at 0, and ``leader_election_master_status`` is 1 on exactly one replica,
the one holding the Lease.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest

from e2e.prometheus import PROMETHEUS_MISSING, start_prometheus
from e2e.scenario import Scenario, role_docs

COUNT = 100


def test_prometheus_sees_one_leader_doing_the_work(ha: Callable[[int], Scenario]) -> None:
    if shutil.which("prometheus") is None:
        pytest.skip(PROMETHEUS_MISSING)
    s = ha(2)
    leader = s.fleet.leader()
    instances = {r.name: r.metrics.removeprefix("http://") for r in s.fleet.replicas}
    lead = instances[leader.name]
    with start_prometheus(s.fleet.art, sorted(instances.values())) as prom:
        every = set(instances.values())
        prom.wait("every replica scraped", "up == 1", lambda r: set(r) == every)
        s.apply(role_docs(COUNT))
        s.wait_ready(COUNT)

        counter = 'controller_runtime_reconcile_total{controller="teleportrolev7"}'
        reconciles = f"sum by (instance) ({counter})"
        done = prom.wait(
            "the leader's reconciles to reach Prometheus",
            reconciles,
            lambda r: r.get(lead, 0) >= COUNT,
        )
        assert all(v == 0 for i, v in done.items() if i != lead), done
        rising = f"sum by (instance) (increase({counter}[1m])) > 0"
        assert set(prom.query(rising)) == {lead}, prom.query(rising)

        # The leader's queues. A standby's are not checked: teleop's controllers bind their event
        # handlers at setup, so a standby's queues fill with every CR and stay full until it leads
        # (controller-runtime binds them when the controller starts, on the leader only).
        prom.wait(
            "the leader's work queues back at 0",
            f'sum by (instance) (workqueue_depth{{instance="{lead}"}})',
            lambda r: r == {lead: 0.0},
        )
        master = prom.query("leader_election_master_status")
        assert master == {i: 1.0 if i == lead else 0.0 for i in every}, master
        assert prom.query("count(leader_election_master_status == 1)") == {"": 1.0}
