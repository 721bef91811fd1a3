"""build_desired: the Teleport message a CR asks for, for every message shape."""

from __future__ import annotations

from typing import Any

import pytest

from teleop.operator.apis import KINDS_BY_NAME
from teleop.operator.reconcilers.desired import build_desired
from teleop.operator.reconcilers.header import metadata_of
from teleop.teleport import types
from teleop.teleport.convert import ConversionError


def cr(name: str = "dev", spec: Any = None, **md: Any) -> dict[str, Any]:
    return {"metadata": {"name": name, "namespace": "default", **md}, "spec": spec or {}}


def test_role_gets_kind_version_labels_description() -> None:
    msg = build_desired(
        KINDS_BY_NAME["TeleportRoleV6"],
        cr(
            spec={"allow": {"logins": ["root"]}},
            labels={"team": "a", "teleport.dev/origin": "spoofed"},
            annotations={"description": "hello"},
        ),
    )
    assert isinstance(msg, types.RoleV6)
    assert (msg.Kind, msg.Version) == ("role", "v6")
    assert dict(msg.Metadata.Labels) == {"team": "a", "teleport.dev/origin": "kubernetes"}
    assert msg.Metadata.Description == "hello"
    assert list(msg.Spec.Allow.Logins) == ["root"]


def test_login_rule_takes_promoted_fields_only() -> None:
    kind = KINDS_BY_NAME["TeleportLoginRule"]
    msg = build_desired(kind, cr(spec={"priority": 2, "traits_expression": "external"}))
    assert isinstance(msg, types.LoginRule)
    assert (msg.version, msg.priority, msg.metadata.Name) == ("v1", 2, "dev")
    with pytest.raises(ConversionError, match=r"spec\.metadata: unknown field"):
        build_desired(kind, cr(spec={"metadata": {"name": "other"}}))


def test_okta_import_rule_header() -> None:
    msg = build_desired(KINDS_BY_NAME["TeleportOktaImportRule"], cr(spec={"priority": 1}))
    assert isinstance(msg, types.OktaImportRuleV1)
    assert (msg.Header.Kind, msg.Header.Version) == ("okta_import_rule", "v1")
    assert metadata_of(msg).Labels["teleport.dev/origin"] == "kubernetes"


def test_errors_name_the_path() -> None:
    kind = KINDS_BY_NAME["TeleportRole"]
    with pytest.raises(ConversionError, match=r"^spec\.allow\.nope: unknown field"):
        build_desired(kind, cr(spec={"allow": {"nope": 1}}))
    with pytest.raises(ConversionError, match=r"^metadata\.name"):
        build_desired(kind, cr(name="a b"))
    with pytest.raises(ConversionError, match=r"^spec: expected object"):
        build_desired(kind, {"metadata": {"name": "x"}, "spec": [1]})
