"""Fixtures of the security checks: the contract suite's world (fakekube, faketeleport, operator).

The checks run the operator as production does (``tests.contract.harness``), so ``env`` is the
contract suite's: a namespace on a fakekube shared by the worker, its own faketeleport and a
``tctl`` client. Checks that need fakekube to themselves (the request log) start their own.
Every check here carries the ``faults`` marker, like the fault-injection tests it runs beside.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract.conftest import env, shared_api, shared_kube

__all__ = ["env", "pytest_collection_modifyitems", "shared_api", "shared_kube"]

_HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The security checks run with the fault-injection tests (``-m faults``)."""
    for item in items:
        if _HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.faults)
