"""Properties of ``StructuralSchema.apply`` over arbitrary JSON: it never mutates its input, and
pruning plus defaulting is idempotent (a stored object re-applied is unchanged, nothing pruned),
which is what lets the server apply the schema on every write without drifting stored objects.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from teleop.testing.fakekube.schema import StructuralSchema

_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "spec": {
            "type": "object",
            "properties": {
                "a": {"type": "string", "default": "x"},
                "n": {"type": "integer", "nullable": True},
                "o": {
                    "type": "object",
                    "default": {},
                    "properties": {"b": {"type": "boolean", "default": False}},
                },
                "l": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "properties": {"k": {"type": "string", "default": "d"}},
                    },
                },
                "m": {"type": "object", "additionalProperties": {"type": "integer", "default": 1}},
                "free": {"type": "object", "x-kubernetes-preserve-unknown-fields": True},
            },
        }
    },
}

_json = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.text(max_size=3),
    lambda kids: (
        st.lists(kids, max_size=3)
        | st.dictionaries(
            st.sampled_from(["a", "n", "o", "b", "l", "k", "m", "free", "z"]), kids, max_size=4
        )
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(spec=_json)
def test_apply_is_pure_and_idempotent(spec: Any) -> None:
    schema = StructuralSchema.from_crd_version(_SCHEMA)
    obj = {"apiVersion": "g/v1", "kind": "K", "metadata": {"name": "n"}, "spec": spec}
    before = copy.deepcopy(obj)
    first = schema.apply(obj)
    assert obj == before
    second = schema.apply(first.obj)
    assert second.obj == first.obj
    assert second.pruned == []
