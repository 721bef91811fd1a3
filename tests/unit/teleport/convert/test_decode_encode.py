"""decode/encode on the test protos: every cast and type, canonical round trips, error paths."""

from __future__ import annotations

from typing import Any

import pytest
from google.protobuf.message import Message
from hypothesis import given
from hypothesis import strategies as st

from teleop.teleport.convert import ConversionError, decode, encode
from tests.unit.teleport.convert.protos import CompiledProtos

USER_SPEC: dict[str, Any] = {
    "options": {
        "max_session_ttl": "8h",
        "create_host_user_mode": 3,
        "port_forwarding": False,
        "mfa_verification_interval": "5m",
    },
    "allow": {
        "logins": ["root"],
        "node_labels": {"*": ["*"], "env": ["dev", "prod"], "team": "a"},
        "app_labels": {"x": "y"},
        "rules": [{"resources": ["role"], "verbs": ["list", "read"]}],
    },
    "traits": {"logins": ["root"], "empty": []},
    "strings": ["a", "b"],
    "expires": "2024-01-02T03:04:05.120+01:00",
    "redirect_url": "https://example.com/cb",
    "plain": "PLAIN_B",
    "plains": [1, "PLAIN_A"],
    "i32": -5,
    "u32": "7",
    "u64": "18446744073709551615",
    "s64": -(1 << 63),
    "dbl": "Infinity",
    "flt": 0.5,
    "blob": "aGk",
    "tags": {"b": "1", "a": "2"},
    "by_number": {"3": {"where": "x"}},
    "flags": {"true": "yes"},
    "token_rule": {},
    "maybe": 0,
    "wrapped_bool": False,
    "wrapped_int": "12",
    "wrapped_string": "",
    "extra": {"a": [1, "x"], "b": None},
    "any_value": "s",
    "tree": {"name": "r", "children": [{"name": "c", "children": [{"name": "g"}]}]},
    "samlSingleLogoutUrl": "https://idp/slo",
    "mode": "",
}

CANONICAL: dict[str, Any] = {
    "options": {
        "forward_agent": False,
        "max_session_ttl": "8h0m0s",
        "port_forwarding": False,
        "create_host_user_mode": "keep",
        "mfa_verification_interval": "300s",
        "cert_format": "",
    },
    "allow": {
        "logins": ["root"],
        "node_labels": {"*": "*", "env": ["dev", "prod"], "team": "a"},
        "rules": [{"resources": ["role"], "verbs": ["list", "read"]}],
        "app_labels": {"x": "y"},
    },
    "traits": {"empty": [], "logins": ["root"]},
    "strings": ["a", "b"],
    "expires": "2024-01-02T02:04:05.12Z",
    "redirect_url": ["https://example.com/cb"],
    "plain": "PLAIN_B",
    "plains": ["PLAIN_A", "PLAIN_A"],
    "i32": -5,
    "u32": 7,
    "u64": 18446744073709551615,
    "s64": -(1 << 63),
    "dbl": "Infinity",
    "flt": 0.5,
    "blob": "aGk=",
    "tags": {"a": "2", "b": "1"},
    "by_number": {"3": {"where": "x"}},
    "flags": {"true": "yes"},
    "token_rule": {},
    "maybe": 0,
    "wrapped_bool": False,
    "wrapped_int": 12,
    "wrapped_string": "",
    "extra": {"a": [1.0, "x"], "b": None},
    "any_value": "s",
    "tree": {"name": "r", "children": [{"name": "c", "children": [{"name": "g"}]}]},
    "samlSingleLogoutUrl": "https://idp/slo",
    "mode": "",
}


def round_trip(message: Message) -> Message:
    return type(message).FromString(message.SerializeToString())


def test_user_json_to_canonical_json(spec_type: type[Message]) -> None:
    message = decode(USER_SPEC, spec_type)
    assert encode(round_trip(message)) == CANONICAL
    assert decode(CANONICAL, spec_type) == message


def test_empty_object_encodes_plain_zero_scalars_only(spec_type: type[Message]) -> None:
    assert encode(decode({}, spec_type)) == {"mode": ""}
    assert encode(decode({"options": {}}, spec_type))["options"] == {
        "forward_agent": False,
        "cert_format": "",
    }


def test_enum_by_json_value_name_or_number(spec_type: type[Message]) -> None:
    spellings = ("keep", "HOST_USER_MODE_KEEP", 3, 3.0)
    messages = [decode({"options": {"create_host_user_mode": s}}, spec_type) for s in spellings]
    assert all(m == messages[0] for m in messages)


def test_null_is_unset(spec_type: type[Message]) -> None:
    assert decode({"options": None, "allow": {"logins": None}}, spec_type) == decode(
        {"allow": {}}, spec_type
    )


def test_oneof_members_decode_and_conflict(protos: CompiledProtos) -> None:
    upsert = protos.message("teleoptest.convert.v1.UpsertRequest")
    message = decode({"v2": {"token_name": "t"}}, upsert)
    assert message.WhichOneof("Token") == "V2"
    assert encode(message) == {"v2": {"token_name": "t", "mode": ""}}
    with pytest.raises(ConversionError) as err:
        decode({"v2": {}, "other": {}}, upsert, path="req")
    assert str(err.value) == "req.other: cannot be set together with v2 (oneof)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"allow": {"node_labels": {"env": {"a": 1}}}},
            "spec.allow.node_labels.env: expected string or list of strings, got object",
        ),
        (
            {"allow": {"node_labels": {"env": 1}}},
            "spec.allow.node_labels.env: expected string or list of strings, got number",
        ),
        (
            {"allow": {"node_labels": {"env": ["a", 1]}}},
            "spec.allow.node_labels.env[1]: expected string, got number",
        ),
        ({"allow": {"node_labels": ["a"]}}, "spec.allow.node_labels: expected object, got list"),
        (
            {"traits": {"logins": "root"}},
            "spec.traits.logins: expected list of strings, got string",
        ),
        (
            {"options": {"max_session_ttl": "8x"}},
            'spec.options.max_session_ttl: invalid duration "8x"',
        ),
        # Teleport's types.Duration.UnmarshalJSON only reads JSON strings; a number is rejected.
        (
            {"options": {"max_session_ttl": 3600}},
            "spec.options.max_session_ttl: expected duration string, got number",
        ),
        (
            {"options": {"create_host_user_mode": "sometimes"}},
            'spec.options.create_host_user_mode: unknown value "sometimes" '
            "(expected one of: off, keep, insecure-drop)",
        ),
        (
            {"options": {"create_host_user_mode": 2}},
            "spec.options.create_host_user_mode: unknown value 2 "
            "(expected one of: off, keep, insecure-drop)",
        ),
        ({"foo": 1}, "spec.foo: unknown field"),
        ({"allow": {"rules": [{}, {"verb": []}]}}, "spec.allow.rules[1].verb: unknown field"),
        ({"samlsinglelogouturl": "x"}, "spec.samlsinglelogouturl: unknown field"),
        ({"redirectUrl": "x"}, "spec.redirectUrl: unknown field"),
        (
            {"options": {"port_forwarding": "yes"}},
            "spec.options.port_forwarding: expected boolean, got string",
        ),
        ({"strings": 1}, "spec.strings: expected string or list of strings, got number"),
        (
            {"redirect_url": {"a": 1}},
            "spec.redirect_url: expected string or list of strings, got object",
        ),
        ({"expires": "tomorrow"}, 'spec.expires: invalid timestamp "tomorrow" (expected RFC 3339)'),
        ({"i32": 1 << 31}, "spec.i32: 2147483648 is out of range for int32"),
        ({"i32": True}, "spec.i32: expected number, got boolean"),
        ({"i32": "1.5"}, 'spec.i32: invalid integer "1.5"'),
        ({"u32": -1}, "spec.u32: -1 is out of range for uint32"),
        ({"blob": "!!"}, "spec.blob: invalid base64"),
        ({"by_number": {"x": {}}}, 'spec.by_number.x: invalid integer "x"'),
        ({"tags": {"a": 1}}, "spec.tags.a: expected string, got number"),
        ({"allow": "all"}, "spec.allow: expected object, got string"),
        ({"plains": "PLAIN_A"}, "spec.plains: expected list, got string"),
        ({"wrapped_int": "x"}, 'spec.wrapped_int: invalid integer "x"'),
        (
            {"options": {"mfa_verification_interval": True}},
            "spec.options.mfa_verification_interval: expected duration string, got boolean",
        ),
    ],
)
def test_errors_name_the_path(spec_type: type[Message], data: dict[str, Any], message: str) -> None:
    with pytest.raises(ConversionError) as err:
        decode(data, spec_type)
    assert str(err.value) == message
    assert isinstance(err.value, ValueError)
    path, _, reason = message.partition(": ")
    assert (err.value.path, err.value.reason) == (path, reason)


def test_json_omit_field_has_no_key(spec_type: type[Message]) -> None:
    with pytest.raises(ConversionError, match=r"^spec\.namespace: unknown field$"):
        decode({"namespace": "default"}, spec_type)
    message = spec_type(Namespace="default")
    assert "namespace" not in encode(message)


def test_json_embed_fields_sit_in_the_parent(spec_type: type[Message]) -> None:
    message = decode({"max_age": "1h"}, spec_type)
    assert message.HasField("MaxAge")
    assert message.MaxAge.Value == 3600 * 10**9  # type: ignore[attr-defined]
    assert encode(message)["max_age"] == "1h0m0s"
    zero = decode({"max_age": "0s"}, spec_type)
    assert zero.HasField("MaxAge")
    assert encode(zero)["max_age"] == "0s"
    assert "max_age" not in encode(spec_type())


def test_top_level_must_be_an_object(spec_type: type[Message]) -> None:
    with pytest.raises(ConversionError, match=r"^spec: expected object, got list$"):
        decode([], spec_type)  # type: ignore[arg-type]


LABEL_KEYS = st.text(min_size=1, max_size=8)
LABEL_VALUES = st.one_of(st.text(max_size=5), st.lists(st.text(max_size=5), max_size=3))


@given(st.dictionaries(LABEL_KEYS, LABEL_VALUES, max_size=5))
def test_labels_round_trip(protos: CompiledProtos, labels: dict[str, Any]) -> None:
    spec_type = protos.message("teleoptest.convert.v1.Spec")
    message = decode({"allow": {"node_labels": labels}}, spec_type)
    out = encode(round_trip(message))["allow"]["node_labels"]
    canonical = {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in labels.items()}
    assert out == canonical
    assert list(out) == sorted(out)
    assert decode({"allow": {"node_labels": out}}, spec_type) == message


@given(st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1))
def test_duration_field_round_trip(protos: CompiledProtos, nanos: int) -> None:
    spec_type = protos.message("teleoptest.convert.v1.Spec")
    message = spec_type()
    message.options.MaxSessionTTL = nanos  # type: ignore[attr-defined]
    assert decode(encode(message), spec_type) == message
