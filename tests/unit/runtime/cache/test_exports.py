"""The public surface of teleop.runtime.client and teleop.runtime.cache: sorted, resolvable."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("name", ["teleop.runtime.client", "teleop.runtime.cache"])
def test_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    screaming = [n for n in exported if n.isupper()]
    assert exported == sorted(screaming) + sorted(n for n in exported if not n.isupper())
    assert len(set(exported)) == len(exported)
    for symbol in exported:
        assert hasattr(module, symbol), symbol
