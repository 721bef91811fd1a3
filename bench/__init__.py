"""teleop benchmarks: speed targets live here, never as timed assertions in tests.

A scenario is a module with ``run(options: Options) -> list[Metric]``; ``bench/__main__.py``
lists the scenarios by name and imports each one only when it runs, so adding a scenario is one
line in its ``SCENARIOS`` table and one module.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Metric", "Options"]


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line passes to every scenario. ``n`` None means the scenario default."""

    n: int | None = None


@dataclass(frozen=True, slots=True)
class Metric:
    """One measured figure."""

    name: str
    value: float
    unit: str
    note: str = ""
