"""Smoke tests of the benchmark harness: every scenario runs end to end with a tiny N.

They check that the processes start, the scenario finishes and its JSON has the expected keys;
they never assert on timings (speed targets live in ``bench/``, see DEVELOPERS.md). Failover uses
short leases here (the production defaults take 17 s per crash).
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
from pathlib import Path

import pytest

from bench import Metric
from bench.__main__ import SCENARIOS, main

N = 12

EXPECTED: dict[str, set[str]] = {
    "cold": {
        f"{N}.{k}"
        for k in (
            "ready_s", "crs_per_s", "create_s", "kube_writes_per_cr", "events_per_cr",
            "teleport_writes_per_cr", "peak_rss", "cpu", "cpu_fakekube", "cpu_faketeleport",
            "cpu_bench",
        )
    },
    "restart": {
        f"{N}.{k}"
        for k in ("reverified_s", "to_leader_s", "kube_writes", "events", "teleport_writes")
    },
    "latency": {"changes", "rate", "p50", "p99", "max", "missing", "operator_cpu"},
    "idle": {"crs", "window", "cpu", "rss_mean", "rss_max", "kube_writes", "teleport_writes"},
}  # fmt: skip


def _run(tmp_path: Path, scenario: str) -> dict[str, dict[str, object]]:
    out = tmp_path / "bench.json"
    assert main(["--only", scenario, "--n", str(N), "--json", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert {"cpus", "python", "commit", "dirty"} <= set(doc["environment"])
    metrics: dict[str, dict[str, object]] = doc["scenarios"][scenario]["metrics"]
    for m in metrics.values():
        assert set(m) == {"value", "unit", "note"}
        assert isinstance(m["value"], int | float)
    return metrics


def test_every_scenario_is_registered() -> None:
    names = {s.name for s in SCENARIOS}
    assert {"runtime", "cold", "restart", "latency", "idle", "failover", "baseline"} <= names
    for s in SCENARIOS:
        assert importlib.util.find_spec(s.module) is not None, s.module


@pytest.mark.parametrize("scenario", [*sorted(EXPECTED), "runtime"])
def test_scenario_json(tmp_path: Path, scenario: str) -> None:
    metrics = _run(tmp_path, scenario)
    if scenario == "runtime":
        assert {"time_to_sync", "time_to_reconcile_all", "peak_rss"} <= set(metrics)
        return
    assert set(metrics) == EXPECTED[scenario] | {"loadavg"}
    if scenario == "cold":  # one create-or-upsert per CR reaches Teleport, whatever the timing
        assert metrics[f"{N}.teleport_writes_per_cr"]["value"] == 1


def test_failover_with_short_leases() -> None:
    from bench.failover import measure

    lease = (
        "--leader-election-lease-duration=2s",
        "--leader-election-renew-deadline=1500ms",
        "--leader-election-retry-period=250ms",
    )
    metrics: list[Metric] = asyncio.run(measure(N, 1, *lease, observe=0.5))
    assert {m.name for m in metrics} == {
        f"{what}_{k}"
        for what in ("crash", "graceful")
        for k in ("s", "max_s", "min_s", "to_lease_s")
    }


def test_baseline(tmp_path: Path) -> None:
    metrics = _run(tmp_path, "baseline")
    if importlib.util.find_spec("kopf") is None:
        assert set(metrics) == {"skipped", "loadavg"}
        return
    for who in ("teleop", "kopf"):
        assert f"{who}.{N}.ready_s" in metrics
        assert f"{who}.{N}.reverified_s" in metrics
    assert f"{N}.ratio.throughput" in metrics
