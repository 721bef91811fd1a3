"""``python -m bench``: run benchmark scenarios, print a table, optionally write JSON.

Scenarios are registered in ``SCENARIOS`` as (name, module, description); the module must
define ``run(options: bench.Options) -> list[bench.Metric]``. Modules are imported lazily, so
one scenario's dependencies never slow down or break another. ``--only`` picks scenarios (comma
separated or repeated), ``--n`` overrides each scenario's object count, ``--json PATH`` saves
``{"scenarios": {name: {"metrics": {metric: {"value", "unit", "note"}}}}}``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
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
    for scenario in SCENARIOS:
        if wanted and scenario.name not in wanted:
            continue
        module = importlib.import_module(scenario.module)
        results[scenario.name] = module.run(options)
    print(_format(results))
    if args.json_path:
        payload = {
            "scenarios": {
                name: {
                    "metrics": {
                        m.name: {"value": m.value, "unit": m.unit, "note": m.note} for m in ms
                    }
                }
                for name, ms in results.items()
            }
        }
        with open(args.json_path, "w", encoding="utf-8") as f:
            json.dump(payload, f, indent=2)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
