"""The drift flags: --sync-period defaults to 10m, --live-drift to true (env TELEOP_LIVE_DRIFT);
both are in ``teleop run --help`` with their defaults."""

from __future__ import annotations

import argparse

from teleop.operator.config import add_run_flags, load_config

BASE = ["--namespace", "ns", "--kubeconfig", "/k", "--identity-file", "/id"]


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    add_run_flags(p)
    return p


def load(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, bool]:
    cfg = load_config(parser().parse_args([*BASE, *argv]), env or {})
    return cfg.sync_period, cfg.live_drift


def test_defaults_flags_and_environment() -> None:
    assert load([]) == (600.0, True)
    assert load(["--live-drift=false", "--sync-period", "30s"]) == (30.0, False)
    assert load([], {"TELEOP_LIVE_DRIFT": "false", "TELEOP_SYNC_PERIOD": "1h"}) == (3600.0, False)
    assert load(["--live-drift"], {"TELEOP_LIVE_DRIFT": "false"}) == (600.0, True)


def test_help_names_the_defaults() -> None:
    text = " ".join(parser().format_help().split())
    assert "--sync-period SYNC_PERIOD how often every CR is verified against Teleport" in text
    assert 'default "10m"; env TELEOP_SYNC_PERIOD' in text
    assert '(default "true"; env TELEOP_LIVE_DRIFT)' in text
