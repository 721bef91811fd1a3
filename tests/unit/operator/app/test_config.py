"""``teleop run`` configuration: precedence, namespace resolution, defaults and one-line errors."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from teleop.operator.config import (
    FLAGS,
    ConfigError,
    OperatorConfig,
    format_duration,
    load_config,
    parse_duration,
    resolve_namespace,
)
from teleop.operator.main import build_parser

NO_SA = Path("/nonexistent/serviceaccount/namespace")
COMPLETE = ["--identity-file", "/id", "--kubeconfig", "/kc", "--namespace", "ns"]


def load(argv: list[str], env: dict[str, str] | None = None, sa: Path = NO_SA) -> OperatorConfig:
    args = build_parser().parse_args(["run", *argv])
    return load_config(args, env or {}, service_account_file=sa)


def errors(argv: list[str], env: dict[str, str] | None = None) -> list[str]:
    with pytest.raises(ConfigError) as info:
        load(argv, env)
    return info.value.lines


def test_defaults_match_the_go_operator() -> None:
    cfg = load(COMPLETE)
    assert cfg.leader_election_id == "431e83f4.teleport.dev"
    assert cfg.metrics_bind_address == ":8080"
    assert cfg.health_probe_bind_address == ":8081"
    assert cfg.sync_period == 600  # teleop's drift verification; the Go operator's is 10h
    assert cfg.live_drift is True
    assert cfg.auth_server == "127.0.0.1:3025"
    assert cfg.tls_server_name == "teleport.cluster.local"
    assert cfg.leader_elect is True
    assert (cfg.log_level, cfg.log_format) == ("INFO", "json")
    assert cfg.demo is False


def test_flag_table_defaults_equal_model_defaults() -> None:
    for flag in FLAGS:
        default = OperatorConfig.model_fields[flag.field].default
        if flag.default == "":
            assert default in ("", None), flag.name
        else:
            raw = {"identity_file": "/id", "kubeconfig": "/kc", "namespace": "ns"}
            raw[flag.field] = flag.default
            parsed = OperatorConfig.model_validate(raw)
            assert getattr(parsed, flag.field) == default, flag.name


def test_help_shows_every_flag_with_its_default_and_env_var() -> None:
    parser = build_parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["run", "--help"])
    run_help = " ".join(_run_parser().format_help().split())
    for flag in FLAGS:
        assert flag.env == "TELEOP_" + flag.name.replace("-", "_").upper()
        shown = f'"{flag.default}"' if flag.default else "none"
        assert f"(default {shown}; env {flag.env})" in run_help, flag.name
    assert "flag given on the command line wins over the variable" in run_help


def _run_parser() -> argparse.ArgumentParser:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            sub: argparse.ArgumentParser = action.choices["run"]
            return sub
    raise AssertionError("no run subcommand")


def test_flag_beats_env_beats_default() -> None:
    env = {"TELEOP_SYNC_PERIOD": "5m", "TELEOP_AUTH_SERVER": "env:3025"}
    assert load(COMPLETE).sync_period == 600
    assert load(COMPLETE, env).sync_period == 300
    assert load([*COMPLETE, "--sync-period", "1h"], env).sync_period == 3600
    assert load(COMPLETE, env).auth_server == "env:3025"
    assert load([*COMPLETE, "--auth-server", "flag:443"], env).auth_server == "flag:443"


def test_everything_from_the_environment() -> None:
    env = {
        "TELEOP_IDENTITY_FILE": "/tbot/identity",
        "TELEOP_KUBECONFIG": "/kc",
        "TELEOP_NAMESPACE": "teleport",
        "TELEOP_LEADER_ELECT": "false",
        "TELEOP_MAX_CONCURRENT_RECONCILES": "8",
        "TELEOP_LOG_LEVEL": "debug",
        "TELEOP_LOG_FORMAT": "TEXT",
    }
    cfg = load([], env)
    assert cfg.identity_file == "/tbot/identity"
    assert cfg.namespace == "teleport"
    assert cfg.leader_elect is False
    assert cfg.max_concurrent_reconciles == 8
    assert (cfg.log_level, cfg.log_format) == ("DEBUG", "text")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--leader-elect"], True),
        (["--leader-elect=false"], False),
        (["--leader-elect", "0"], False),
    ],
)
def test_boolean_spellings(argv: list[str], expected: bool) -> None:
    assert load([*COMPLETE, *argv], {"TELEOP_LEADER_ELECT": "true"}).leader_elect is expected


def test_namespace_resolution_order(tmp_path: Path) -> None:
    sa = tmp_path / "namespace"
    sa.write_text("from-file\n")
    env = {"TELEOP_NAMESPACE": "from-env", "POD_NAMESPACE": "from-pod"}
    assert resolve_namespace("from-flag", env, sa) == "from-flag"
    assert resolve_namespace(None, env, sa) == "from-env"
    assert resolve_namespace(None, {"POD_NAMESPACE": "from-pod"}, sa) == "from-pod"
    assert resolve_namespace(None, {}, sa) == "from-file"
    assert resolve_namespace(None, {}, tmp_path / "missing") == ""


def test_namespace_from_service_account_file_through_load(tmp_path: Path) -> None:
    sa = tmp_path / "namespace"
    sa.write_text("teleport-system")
    cfg = load(["--identity-file", "/id", "--kubeconfig", "/kc"], sa=sa)
    assert cfg.namespace == "teleport-system"
    cfg = load(["--identity-file", "/id", "--kubeconfig", "/kc"], {"POD_NAMESPACE": "pod"}, sa=sa)
    assert cfg.namespace == "pod"


def test_kubeconfig_falls_back_to_kubeconfig_env_then_in_cluster() -> None:
    base = ["--identity-file", "/id", "--namespace", "ns"]
    assert load(base, {"KUBECONFIG": "/a:/b"}).kubeconfig == "/a"
    cfg = load(base, {"KUBERNETES_SERVICE_HOST": "10.0.0.1"})
    assert (cfg.kubeconfig, cfg.in_cluster) == (None, True)


def test_invalid_values_are_one_line_each_naming_the_flag() -> None:
    lines = errors(
        [
            *COMPLETE,
            "--sync-period",
            "10x",
            "--log-format",
            "xml",
            "--log-level",
            "loud",
            "--leader-elect=maybe",
            "--max-concurrent-reconciles",
            "0",
            "--metrics-bind-address",
            "localhost",
            "--auth-server",
            "teleport",
        ]
    )
    assert lines == [
        '--auth-server: invalid address "teleport" (use host:port, e.g. teleport:3025)',
        '--leader-elect: invalid boolean "maybe" (use true or false)',
        '--metrics-bind-address: invalid address "localhost" (use host:port, :port, or 0 to disable)',
        '--sync-period: invalid duration "10x" (use e.g. 10m or 1h)',
        '--max-concurrent-reconciles: invalid count "0" (use a whole number of at least 1)',
        '--log-level: invalid log level "loud" (use DEBUG, INFO, WARN or ERROR)',
        '--log-format: invalid log format "xml" (use json or text)',
    ]
    assert all("\n" not in line for line in lines)


def test_missing_production_settings_suggest_the_demo() -> None:
    lines = errors([])
    assert [line.split(":")[0] for line in lines] == [
        "--identity-file",
        "--kubeconfig",
        "--namespace",
    ]
    assert "teleop run --demo" in lines[0]


def test_demo_needs_nothing_and_defaults_its_namespace() -> None:
    cfg = load(["--demo"])
    assert (cfg.demo, cfg.namespace, cfg.identity_file) == (True, "teleop-demo", None)
    assert load(["--demo", "--namespace", "mine"]).namespace == "mine"


def test_demo_exit_when_ready_needs_demo() -> None:
    assert errors([*COMPLETE, "--demo-exit-when-ready"]) == [
        "--demo-exit-when-ready: only with --demo"
    ]


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("10h", 36000), ("10m", 600), ("1h30m", 5400), ("500ms", 0.5), ("1.5s", 1.5), ("0", 0)],
)
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "10", "10x", "h", "-1s", "1h 2m"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="invalid duration"):
        parse_duration(text)


def test_format_duration() -> None:
    assert [format_duration(s) for s in (36000, 90, 0, 0.25)] == ["10h", "1m30s", "0s", "250ms"]


def test_config_is_frozen() -> None:
    cfg = load(COMPLETE)
    with pytest.raises(ValueError, match="frozen"):
        cfg.namespace = "other"  # type: ignore[misc]


def test_leader_election_timings_must_be_ordered() -> None:
    cfg = load(
        [*COMPLETE, "--leader-election-lease-duration", "2s"],
        {
            "TELEOP_LEADER_ELECTION_RENEW_DEADLINE": "1s",
            "TELEOP_LEADER_ELECTION_RETRY_PERIOD": "200ms",
        },
    )
    assert (cfg.leader_election_lease_duration, cfg.leader_election_renew_deadline) == (2, 1)
    assert cfg.leader_election_retry_period == 0.2
    assert errors([*COMPLETE, "--leader-election-renew-deadline", "20s"]) == [
        "--leader-election-renew-deadline: must be less than --leader-election-lease-duration"
    ]
    assert errors(["--demo", "--leader-election-retry-period", "10s"]) == [
        "--leader-election-retry-period: must be less than --leader-election-renew-deadline"
    ]
