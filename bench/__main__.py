"""``python -m bench``: run benchmark scenarios, print a table, optionally write JSON.

Scenarios are registered in ``SCENARIOS`` as (name, module, description); the module must
define ``run(options: bench.Options) -> list[bench.Metric]``. Modules are imported lazily, so
one scenario's dependencies never slow down or break another. ``--only`` picks scenarios (comma
separated or repeated), ``--n`` overrides each scenario's object count, ``--json PATH`` saves
``{"scenarios": {name: {"metrics": {metric: {"value", "unit", "note"}}}}}`` (rewritten after
each scenario; a scenario that raised appears as ``{name: {"error": "..."}}``, is reported on
stderr, and makes the exit status 1 after the others have run), with ``"environment"``: CPU
count, Python, commit and whether the tree was dirty. Every scenario gets a ``loadavg`` row (the
machine's load around it: figures taken while other work ran say less). Each scenario's table
also goes to stderr as soon as it finishes.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import traceback
from dataclasses import dataclass

from bench import Metric, Options

__all__ = ["SCENARIOS", "Scenario", "main"]


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    module: str
    description: str


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "runtime",
        "bench.runtime",
        "informer + workqueue + no-op reconciler over fakekube (separate process)",
    ),
    Scenario("cold", "bench.cold", "N new CRs (mixed kinds) until all Ready; writes, peak RSS"),
    Scenario(
        "restart", "bench.restart", "operator restarted over N converged CRs: re-verify, writes"
    ),
    Scenario("latency", "bench.latency", "CR spec change -> Teleport write at 50 changes/s"),
    Scenario("idle", "bench.idle", "operator CPU and RSS over N converged CRs, no changes"),
    Scenario(
        "failover", "bench.failover", "leader SIGKILL / SIGTERM -> new leader's first reconcile"
    ),
    Scenario("baseline", "bench.baseline", "roles+users on teleop vs the kopf port: ratios"),
)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--only", action="append", default=[], help="scenario name(s) to run")
    p.add_argument("--n", type=int, default=None, help="objects per scenario (default: its own)")
    p.add_argument("--json", dest="json_path", default=None, help="write results as JSON here")
    p.add_argument("--list", action="store_true", help="list the scenarios and exit")
    return p


def _format(results: dict[str, list[Metric]]) -> str:
    rows = [("scenario", "metric", "value", "unit", "note")]
    for name, metrics in results.items():
        for m in metrics:
            value = f"{m.value:,.0f}" if abs(m.value) >= 100 else f"{m.value:,.3g}"
            rows.append((name, m.name, value, m.unit, m.note))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for i, r in enumerate(rows):
        cells = [r[0].ljust(widths[0]), r[1].ljust(widths[1]), r[2].rjust(widths[2])]
        lines.append("  ".join([*cells, r[3].ljust(widths[3]), r[4]]).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.list:
        for s in SCENARIOS:
            print(f"{s.name:12} {s.description}")
        return 0
    wanted = {n.strip() for arg in args.only for n in arg.split(",") if n.strip()}
    unknown = wanted - {s.name for s in SCENARIOS}
    if unknown:
        print(f"unknown scenario(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    options = Options(n=args.n)
    results: dict[str, list[Metric]] = {}
    failed: dict[str, str] = {}
    meta = _environment()
    print(f"bench: {json.dumps(meta)}", file=sys.stderr)
    for scenario in SCENARIOS:
        if wanted and scenario.name not in wanted:
            continue
        load_before = os.getloadavg()[0]
        try:
            module = importlib.import_module(scenario.module)
            results[scenario.name] = module.run(options)
        except Exception as e:  # one failing scenario must not lose the others' figures
            traceback.print_exc()
            failed[scenario.name] = f"{type(e).__name__}: {e}"
            print(f"scenario {scenario.name} failed: {failed[scenario.name]}", file=sys.stderr)
        else:
            results[scenario.name].append(_load_metric(load_before))
            print(_format({scenario.name: results[scenario.name]}), file=sys.stderr, flush=True)
        if args.json_path:
            _write_json(args.json_path, results, failed, meta)
    print(_format(results))
    return 1 if failed else 0


def _load_metric(before: float) -> Metric:
    """The machine's 1-minute load average around the scenario: the benchmarks share the CPUs
    with whatever else runs, and a figure measured under load says less."""
    after = os.getloadavg()[0]
    return Metric(
        "loadavg", max(before, after), "", f"1-min load, {before:.1f} before/{after:.1f} after"
    )


def _environment() -> dict[str, object]:
    """What the figures depend on besides the code: CPUs, Python, the commit (and if dirty)."""

    def git(*args: str) -> str:
        try:
            done = subprocess.run(["git", *args], capture_output=True, text=True, timeout=10)
        except OSError:
            return ""
        return done.stdout.strip()

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        # BENCH_COMMIT names the commit when running from an exported tree (git archive HEAD).
        "commit": os.environ.get("BENCH_COMMIT") or git("rev-parse", "--short", "HEAD"),
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
    }


def _write_json(
    path: str,
    results: dict[str, list[Metric]],
    failed: dict[str, str],
    meta: dict[str, object],
) -> None:
    """Written after every scenario, so an interrupted run keeps what it measured."""
    scenarios: dict[str, dict[str, object]] = {
        name: {"metrics": {m.name: {"value": m.value, "unit": m.unit, "note": m.note} for m in ms}}
        for name, ms in results.items()
    }
    for name, error in failed.items():
        scenarios[name] = {"error": error}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"environment": meta, "scenarios": scenarios}, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
