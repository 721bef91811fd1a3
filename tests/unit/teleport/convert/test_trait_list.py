"""TRAITS on a repeated ``teleport.trait.v1.Trait`` field: a map of string lists in JSON.

Access list grants carry traits as messages of a key and its values on the wire; Teleport's JSON
(and so the CR) has the same map of string lists as a user's traits.
"""

from __future__ import annotations

import pytest

from teleop.teleport._proto.teleport.accesslist.v1 import accesslist_pb2
from teleop.teleport.convert import ConversionError, decode, encode, schema_for


def test_decode_and_encode_round_trip() -> None:
    grants = decode(
        {"roles": ["r"], "traits": {"team": ["a", "b"], "env": ["prod"]}},
        accesslist_pb2.AccessListGrants,
    )
    assert [(t.key, list(t.values)) for t in grants.traits] == [
        ("team", ["a", "b"]),
        ("env", ["prod"]),
    ]
    assert encode(grants) == {"roles": ["r"], "traits": {"env": ["prod"], "team": ["a", "b"]}}


def test_repeated_keys_merge_on_encode() -> None:
    grants = accesslist_pb2.AccessListGrants()
    grants.traits.add(key="k", values=["a"])
    grants.traits.add(key="k", values=["b"])
    assert encode(grants)["traits"] == {"k": ["a", "b"]}


def test_a_bare_string_is_refused() -> None:
    with pytest.raises(ConversionError, match=r"spec\.traits\.team"):
        decode({"traits": {"team": "a"}}, accesslist_pb2.AccessListGrants, path="spec")


def test_schema_is_a_map_of_string_lists() -> None:
    schema = schema_for(accesslist_pb2.AccessListGrants)
    assert schema["properties"]["traits"] == {
        "type": "object",
        "additionalProperties": {"type": "array", "items": {"type": "string"}},
    }
