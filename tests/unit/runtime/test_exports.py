"""The runtime's public API: ``teleop.runtime.__all__`` is sorted, unique and importable.

Also checks the subpackages this work owns, and that the facade re-exports the very objects of
the subpackages (no copies or wrappers that could drift).
"""

from __future__ import annotations

import importlib

import pytest

import teleop.runtime

MODULES = [
    "teleop.runtime",
    "teleop.runtime.event",
    "teleop.runtime.leaderelection",
    "teleop.runtime.manager",
    "teleop.runtime.metrics",
    "teleop.runtime.healthz",
]


def isort_order(names: list[str]) -> list[str]:
    screaming = [n for n in names if n.isupper()]
    return sorted(screaming) + sorted(n for n in names if not n.isupper())


@pytest.mark.parametrize("name", MODULES)
def test_all_is_sorted_unique_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == isort_order(exported)
    assert len(set(exported)) == len(exported)
    for symbol in exported:
        assert hasattr(module, symbol), symbol


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from teleop.runtime import *", namespace)
    namespace.pop("__builtins__")
    assert sorted(namespace) == sorted(teleop.runtime.__all__)


def test_facade_reexports_the_same_objects() -> None:
    from teleop.runtime.controller import Options
    from teleop.runtime.manager.manager import Manager
    from teleop.runtime.reconcile import Request

    assert teleop.runtime.ControllerOptions is Options
    assert teleop.runtime.Manager is Manager
    assert teleop.runtime.Request is Request
