"""Fixtures of the security checks: the contract suite's world (fakekube, faketeleport, operator).

The checks run the operator as production does (``tests.contract.harness``), so ``env`` is the
contract suite's: a namespace on a fakekube shared by the worker, its own faketeleport and a
``tctl`` client. Checks that need fakekube to themselves (the request log) start their own.
"""

from __future__ import annotations

from tests.contract.conftest import env, shared_api, shared_kube

__all__ = ["env", "shared_api", "shared_kube"]
