"""The e2e suite itself stays runnable: its samples scenario in local mode (fakekube, faketeleport
and ``teleop run`` as processes) passes, or skips with a reason while the operator is missing.
The whole suite (the HA scenarios too) is run by .ci/run with ``pytest -n 2 e2e``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from e2e.conftest import OPERATOR_MODULES, missing_operator_modules
from tests.manifests.render import KUBECTL, ROOT


def test_missing_operator_modules_are_named() -> None:
    assert missing_operator_modules(("teleop.operator.no_such_module", "json")) == [
        "teleop.operator.no_such_module"
    ]
    assert missing_operator_modules(("no_such_package.app",)) == ["no_such_package.app"]
    assert OPERATOR_MODULES == ("teleop.operator.app", "teleop.operator.resources")


def test_local_e2e_run_passes_or_skips_with_a_reason(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("E2E_", "TELEOP_"))}
    env.pop("KUBECONFIG", None)
    env.update(E2E_TIMEOUT="60", E2E_ARTIFACTS=str(tmp_path))
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "e2e/test_samples_converge.py", "-q", "-rs", "-p", "no:cacheprovider"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=110,
    )  # fmt: skip
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-4000:]
    if KUBECTL is None or missing_operator_modules():
        assert "skipped" in out, out
    else:
        assert "1 passed" in out, out
