"""schema_for: structural OpenAPI schemas that admit exactly the converter's canonical JSON.

Structural validity and validation are checked with fakekube's schema engine, which reproduces
kube-apiserver's CRD rules (teleop.testing.fakekube.schema).
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from google.protobuf.message import Message

from teleop.teleport._proto.teleport.legacy.types import types_pb2
from teleop.teleport._proto.teleport.loginrule.v1 import loginrule_pb2
from teleop.teleport.convert import decode, encode, schema_for
from teleop.testing.fakekube.schema import StructuralSchema, validate_crd_schema
from tests.unit.teleport.convert.test_decode_encode import CANONICAL, USER_SPEC
from tests.unit.teleport.convert.test_teleport_resources import ROLE, ROLE_CANONICAL

REAL = [
    types_pb2.RoleSpecV6,
    types_pb2.UserSpecV2,
    types_pb2.ProvisionTokenSpecV2,
    types_pb2.GithubConnectorSpecV3,
    types_pb2.OIDCConnectorSpecV3,
    types_pb2.SAMLConnectorSpecV2,
    types_pb2.OktaImportRuleSpecV1,
    loginrule_pb2.LoginRule,
]


def cr_schema(spec: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "properties": {"spec": spec}}


def admits(spec_schema: dict[str, Any], spec: dict[str, Any]) -> None:
    result = StructuralSchema.from_crd_version(cr_schema(spec_schema)).apply({"spec": spec})
    assert result.causes == []
    assert result.pruned == []
    assert result.obj == {"spec": spec}


@pytest.mark.parametrize("message_type", REAL, ids=lambda m: m.DESCRIPTOR.full_name)
def test_real_schemas_are_structural(message_type: type[Message]) -> None:
    assert validate_crd_schema(cr_schema(schema_for(message_type))) == []


def test_test_proto_schema_is_structural(spec_type: type[Message]) -> None:
    assert validate_crd_schema(cr_schema(schema_for(spec_type))) == []


def test_role_canonical_and_user_forms_are_admitted() -> None:
    schema = schema_for(types_pb2.RoleSpecV6)
    admits(schema, ROLE_CANONICAL)
    admits(schema, yaml.safe_load(ROLE))


def test_test_proto_canonical_and_user_forms_are_admitted(spec_type: type[Message]) -> None:
    schema = schema_for(spec_type)
    # Non-finite floats are strings in JSON and cannot pass a "number" schema; Teleport's CR
    # specs have no float fields.
    canonical = {k: v for k, v in CANONICAL.items() if k != "dbl"}
    admits(schema, canonical)
    assert encode(decode(canonical, spec_type)) == canonical
    # Integers given as strings and unpadded base64 are lenient spellings the CRD does not offer.
    lenient = ("u32", "u64", "wrapped_int", "dbl", "blob")
    user = {k: v for k, v in USER_SPEC.items() if k not in lenient}
    admits(schema, user)


def test_nodes(spec_type: type[Message]) -> None:
    props = schema_for(spec_type)["properties"]
    allow = props["allow"]["properties"]
    assert allow["node_labels"] == {
        "type": "object",
        "additionalProperties": {"x-kubernetes-preserve-unknown-fields": True},
    }
    assert allow["app_labels"] == allow["node_labels"]
    assert props["traits"] == {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    }
    options = props["options"]["properties"]
    assert options["max_session_ttl"] == {"type": "string", "format": "duration"}
    assert options["port_forwarding"] == {"type": "boolean"}
    assert options["create_host_user_mode"] == {
        "x-kubernetes-int-or-string": True,
        "enum": [
            "",
            "HOST_USER_MODE_INSECURE_DROP",
            "HOST_USER_MODE_KEEP",
            "HOST_USER_MODE_OFF",
            "HOST_USER_MODE_UNSPECIFIED",
            "insecure-drop",
            "keep",
            "off",
            0,
            1,
            3,
            4,
        ],
    }
    assert props["expires"] == {"type": "string", "format": "date-time"}
    assert props["redirect_url"] == {"x-kubernetes-preserve-unknown-fields": True}
    assert props["strings"] == {"type": "array", "items": {"type": "string"}}
    assert props["by_number"]["additionalProperties"]["properties"]["where"] == {"type": "string"}
    assert props["max_age"] == {"type": "string", "format": "duration"}
    assert "namespace" not in props
    assert "MaxAge" not in props
    assert props["u64"] == {"type": "integer"}
    assert props["i32"] == {"type": "integer", "format": "int32"}
    assert props["blob"] == {"type": "string", "format": "byte"}
    assert props["wrapped_bool"] == {"type": "boolean"}
    assert props["extra"] == {"type": "object", "x-kubernetes-preserve-unknown-fields": True}


def test_recursion_stops_with_preserve_unknown_fields(spec_type: type[Message]) -> None:
    tree = schema_for(spec_type)["properties"]["tree"]
    assert tree["properties"]["children"]["items"] == {
        "type": "object",
        "x-kubernetes-preserve-unknown-fields": True,
    }


def test_bool_spelled_enums_preserve_unknown_fields() -> None:
    options = schema_for(types_pb2.RoleSpecV6)["properties"]["options"]["properties"]
    assert options["require_session_mfa"] == {"x-kubernetes-preserve-unknown-fields": True}
    assert options["create_host_user_mode"] == {"x-kubernetes-preserve-unknown-fields": True}


def test_schemas_are_fresh_copies() -> None:
    first = schema_for(types_pb2.RoleSpecV6)
    first["properties"]["options"]["properties"]["max_session_ttl"]["format"] = "changed"
    again = schema_for(types_pb2.RoleSpecV6)
    assert again["properties"]["options"]["properties"]["max_session_ttl"]["format"] == "duration"
