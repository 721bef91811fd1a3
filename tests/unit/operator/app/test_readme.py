"""The README documents every ``teleop run`` flag with its environment variable and default."""

from __future__ import annotations

from teleop.operator.config import FLAGS
from tests.unit.operator.samples import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_flags_table_lists_every_flag_with_env_and_default() -> None:
    rows = {
        line.split("|")[1].strip(): line for line in README.splitlines() if line.startswith("| `--")
    }
    for flag in FLAGS:
        row = rows.get(f"`{flag.option}`")
        assert row is not None, f"{flag.option} missing from the README's flags table"
        cells = [c.strip() for c in row.split("|")[1:-1]]
        default = f"`{flag.default}`" if flag.default else "(none)"
        assert cells[1:3] == [f"`{flag.env}`", default], flag.option
    assert len(rows) == len(FLAGS)


def test_the_two_getting_started_commands_stay() -> None:
    assert "make run    # " in README
    assert "make test   # " in README
