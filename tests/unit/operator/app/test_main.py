"""The ``teleop`` subcommands that need no servers: ``version``, ``crds``, usage errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from teleop import __version__
from teleop.operator.main import main
from tests.unit.operator.samples import CRDS_DIR


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert capsys.readouterr().out == f"teleop {__version__}\n"


def test_crds_check_passes_on_the_committed_manifests(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["crds", "--check", "--output", str(CRDS_DIR)]) == 0
    assert capsys.readouterr().out == ""


def test_crds_check_lists_stale_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "crds"
    shutil.copytree(CRDS_DIR, out)
    (out / "resources.teleport.dev_roles.yaml").write_text("# edited\n")
    (out / "resources.teleport.dev_users.yaml").unlink()
    assert main(["crds", "--check", "--output", str(out)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert [Path(line.split(":")[0]).name for line in lines] == [
        "resources.teleport.dev_roles.yaml",
        "resources.teleport.dev_users.yaml",
    ]


def test_crds_writes_then_check_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "crds"
    assert main(["crds", "--output", str(out)]) == 0
    written = capsys.readouterr().out.splitlines()
    assert sorted(Path(p).name for p in written) == sorted(p.name for p in CRDS_DIR.glob("*.yaml"))
    assert main(["crds", "--check", "--output", str(out)]) == 0


def test_run_with_bad_configuration_exits_2_with_one_line_per_problem(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["run", "--sync-period", "10x"], environ={}) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == 'teleop: --sync-period: invalid duration "10x" (use e.g. 10m or 1h)'
    assert all(line.startswith("teleop: --") for line in err)


def test_unknown_flag_is_a_usage_error() -> None:
    with pytest.raises(SystemExit) as info:
        main(["run", "--no-such-flag"])
    assert info.value.code == 2
