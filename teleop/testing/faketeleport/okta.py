"""``teleport.okta.v1.OktaService`` import rules: a header-style resource with Create and Update.

Okta import rules have no upsert: Create answers ALREADY_EXISTS when present, Update answers
NOT_FOUND when absent and FAILED_PRECONDITION when its revision is stale. Kind and version default
to ``okta_import_rule``/``v1``; a rule needs at least one mapping. The service exists only with
advanced access workflows (``FakeState``).
"""

from __future__ import annotations

from typing import Any

from google.protobuf import empty_pb2

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.okta.v1 import okta_service_pb2 as oktapb
from teleop.teleport.errors import BadParameter
from teleop.testing.faketeleport.rpc import Call, Unary
from teleop.testing.faketeleport.state import OKTA_IMPORT_RULE, FakeState

__all__ = ["OKTA_SERVICE", "okta_rpcs"]

OKTA_SERVICE = "teleport.okta.v1.OktaService"


def _check(state: FakeState, rule: Any) -> Any:
    state.check_name(OKTA_IMPORT_RULE, rule)
    rule.Header.Kind = "okta_import_rule"
    if not rule.Header.Version:
        rule.Header.Version = "v1"
    if not rule.Spec.Mappings:
        raise BadParameter("mappings must not be empty")
    return rule


def okta_rpcs(state: FakeState) -> list[Unary]:
    store = state.store
    kind = OKTA_IMPORT_RULE

    async def get(req: Any, call: Call) -> Any:
        return store.get(kind, req.name)

    async def create(req: Any, call: Call) -> Any:
        rule = _check(state, req.import_rule)
        return store.create(kind, rule, method=call.method, caller=call.caller)

    async def update(req: Any, call: Call) -> Any:
        rule = _check(state, req.import_rule)
        return store.update(kind, rule, method=call.method, caller=call.caller)

    async def delete(req: Any, call: Call) -> Any:
        store.delete(kind, req.name, method=call.method, caller=call.caller)
        return empty_pb2.Empty()

    async def list_rules(req: Any, call: Call) -> Any:
        return oktapb.ListOktaImportRulesResponse(import_rules=store.list(kind))

    rule = types_pb2.OktaImportRuleV1
    k = kind.name
    return [
        Unary("GetOktaImportRule", k, oktapb.GetOktaImportRuleRequest, rule, get),
        Unary("CreateOktaImportRule", k, oktapb.CreateOktaImportRuleRequest, rule, create),
        Unary("UpdateOktaImportRule", k, oktapb.UpdateOktaImportRuleRequest, rule, update),
        Unary(
            "DeleteOktaImportRule", k, oktapb.DeleteOktaImportRuleRequest, empty_pb2.Empty, delete
        ),
        Unary(
            "ListOktaImportRules",
            k,
            oktapb.ListOktaImportRulesRequest,
            oktapb.ListOktaImportRulesResponse,
            list_rules,
        ),
    ]
