"""``--namespaces`` / ``--all-namespaces``: parsing, environment, exclusivity, what is watched."""

from __future__ import annotations

from pathlib import Path

import pytest

from teleop.operator.config import ConfigError, OperatorConfig, load_config
from teleop.operator.main import build_parser

NO_SA = Path("/nonexistent/serviceaccount/namespace")
COMPLETE = ["--identity-file", "/id", "--kubeconfig", "/kc", "--namespace", "ops"]


def load(argv: list[str], env: dict[str, str] | None = None) -> OperatorConfig:
    args = build_parser().parse_args(["run", *COMPLETE, *argv])
    return load_config(args, env or {}, service_account_file=NO_SA)


def test_default_watches_the_own_namespace_only() -> None:
    cfg = load([])
    assert cfg.watched_namespaces == ("ops",)
    assert not cfg.several_namespaces


def test_namespaces_list_is_normalised_and_keeps_the_own_namespace_for_the_lease() -> None:
    cfg = load(["--namespaces", " team-a, team-b,team-a,"])
    assert cfg.namespaces == "team-a,team-b"
    assert cfg.watched_namespaces == ("team-a", "team-b")
    assert cfg.namespace == "ops"
    assert cfg.several_namespaces


def test_one_listed_namespace_is_not_several() -> None:
    cfg = load(["--namespaces", "team-a"])
    assert cfg.watched_namespaces == ("team-a",)
    assert not cfg.several_namespaces


def test_from_the_environment() -> None:
    assert load([], {"TELEOP_NAMESPACES": "a,b"}).watched_namespaces == ("a", "b")
    assert load([], {"TELEOP_NAMESPACES": ""}).watched_namespaces == ("ops",)
    cfg = load([], {"TELEOP_ALL_NAMESPACES": "true"})
    assert cfg.watched_namespaces == (None,)
    assert cfg.several_namespaces


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (
            ["--namespaces", "a", "--all-namespaces"],
            "--all-namespaces: cannot be combined with --namespaces (pick one of them)",
        ),
        (
            ["--namespaces", "Team_A"],
            '--namespaces: invalid namespace "Team_A" (a DNS label: a-z, 0-9 and -)',
        ),
        (["--namespaces", ","], '--namespaces: no namespace in "," (use e.g. team-a,team-b)'),
    ],
)
def test_bad_combinations_are_one_line(argv: list[str], line: str) -> None:
    with pytest.raises(ConfigError) as info:
        load(argv)
    assert info.value.lines == [line]
