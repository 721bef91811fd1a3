"""The public surface of teleop.teleport and faketeleport: sorted, complete, importable."""

from __future__ import annotations

import importlib

import pytest


@pytest.mark.parametrize("module", ["teleop.teleport", "teleop.testing.faketeleport"])
def test_all_is_sorted_and_resolvable(module: str) -> None:
    mod = importlib.import_module(module)
    names = list(mod.__all__)
    # isort-style, as ruff's RUF022 keeps it: CONSTANTS, then Classes, then functions/modules
    assert names == sorted(
        names, key=lambda n: (0 if n.isupper() else 1 if n[0].isupper() else 2, n)
    )
    for name in names:
        assert hasattr(mod, name), name


def test_client_exposes_every_operator_call() -> None:
    from teleop.teleport import Client

    for name in [
        "ping",
        "watch_events",
        "get_role",
        "upsert_role",
        "delete_role",
        "get_user",
        "create_user",
        "update_user",
        "delete_user",
        "get_token",
        "upsert_token",
        "delete_token",
        "get_connector",
        "create_connector",
        "upsert_connector",
        "delete_connector",
        "get_login_rule",
        "create_login_rule",
        "upsert_login_rule",
        "delete_login_rule",
        "get_okta_import_rule",
        "create_okta_import_rule",
        "update_okta_import_rule",
        "delete_okta_import_rule",
        "from_identity_file",
        "from_files",
        "close",
    ]:
        assert callable(getattr(Client, name)), name


def test_every_resource_call_takes_a_keyword_timeout() -> None:
    import inspect

    from teleop.teleport import Client
    from teleop.teleport.resources import ResourceCalls

    names = [n for n in vars(ResourceCalls) if not n.startswith("_")]
    assert len(names) > 20
    for name in names:
        param = inspect.signature(getattr(Client, name)).parameters.get("timeout")
        assert param is not None, name
        assert param.kind is inspect.Parameter.KEYWORD_ONLY, name
        assert param.default is None, name
    assert "deadline" in inspect.signature(Client.ping).parameters
