"""``teleport.loginrule.v1.LoginRuleService``: an RFD 153 resource with ``metadata`` in lower case.

Create answers ALREADY_EXISTS when present, Upsert writes, Get/Delete answer NOT_FOUND when absent.
Teleport requires exactly one of ``traits_map`` and ``traits_expression`` and defaults the version
to ``v1``. The service exists only when the features include OIDC or SAML (``FakeState``).
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_service_pb2 as lrpb
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import LOGIN_RULE, FakeState

__all__ = ["LOGIN_RULE_SERVICE", "login_rule_rpcs"]

LOGIN_RULE_SERVICE = "teleport.loginrule.v1.LoginRuleService"


def _check(state: FakeState, rule: Any) -> Any:
    state.check_name(LOGIN_RULE, rule)
    if not rule.version:
        rule.version = "v1"
    if rule.version != "v1":
        raise BadParameter(f"unsupported login rule version {rule.version}")
    if bool(len(rule.traits_map)) == bool(rule.traits_expression):
        raise BadParameter(
            "login rule must have exactly one of traits_map and traits_expression set"
        )
    return rule


def login_rule_rpcs(state: FakeState) -> list[Unary]:
    store = state.store

    async def get(req: Any, call: Call) -> Any:
        return store.get(LOGIN_RULE, req.name)

    async def create(req: Any, call: Call) -> Any:
        rule = _check(state, req.login_rule)
        return store.create(LOGIN_RULE, rule, method=call.method, caller=call.caller)

    async def upsert(req: Any, call: Call) -> Any:
        rule = _check(state, req.login_rule)
        return store.upsert(LOGIN_RULE, rule, method=call.method, caller=call.caller)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(LOGIN_RULE, req.name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def list_rules(req: Any, call: Call) -> Any:
        return lrpb.ListLoginRulesResponse(login_rules=store.list(LOGIN_RULE))

    rule = loginrule_pb2.LoginRule
    k = "login_rule"
    return [
        Unary("GetLoginRule", k, lrpb.GetLoginRuleRequest, rule, get),
        Unary("CreateLoginRule", k, lrpb.CreateLoginRuleRequest, rule, create),
        Unary("UpsertLoginRule", k, lrpb.UpsertLoginRuleRequest, rule, upsert),
        Unary("DeleteLoginRule", k, lrpb.DeleteLoginRuleRequest, empty_pb2.Empty, delete),
        Unary(
            "ListLoginRules", k, lrpb.ListLoginRulesRequest, lrpb.ListLoginRulesResponse, list_rules
        ),
    ]
