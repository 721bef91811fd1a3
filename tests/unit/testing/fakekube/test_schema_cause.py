"""The 422 wording helpers: ErrorBody values and the NewInvalid message.

Sources (kubernetes/kubernetes, staging/src/k8s.io/apimachinery/pkg):
- F = util/validation/field/errors.go (ErrorBody, ToAggregate)
- A = util/errors/errors.go (aggregate Error(): one error bare, several in brackets)
- N = api/errors/errors.go (NewInvalid: `%s %q is invalid: %v`)
"""

from __future__ import annotations

from teleop.testing.fakekube.schema import Cause, format_invalid_message
from teleop.testing.fakekube.schema_cause import OMIT, go_float, go_value, make_cause


def test_single_cause_message_has_no_brackets() -> None:
    # N + A: one error is printed bare.
    c = Cause("FieldValueRequired", "Required value", "spec.x")
    assert format_invalid_message("Widget.example.com", "w1", [c]) == (
        'Widget.example.com "w1" is invalid: spec.x: Required value'
    )


def test_several_causes_are_bracketed_and_comma_joined() -> None:
    a = Cause("FieldValueRequired", "Required value", "spec.a")
    b = Cause("FieldValueInvalid", 'Invalid value: "x": bad', "spec.b")
    assert format_invalid_message("W.g", "n", [a, b]) == (
        'W.g "n" is invalid: [spec.a: Required value, spec.b: Invalid value: "x": bad]'
    )


def test_duplicate_errors_are_dropped_from_the_message() -> None:
    # F: ToAggregate skips errors whose text was already seen.
    a = Cause("FieldValueRequired", "Required value", "spec.a")
    assert (
        format_invalid_message("W.g", "n", [a, a]) == 'W.g "n" is invalid: spec.a: Required value'
    )


def test_no_causes() -> None:
    assert format_invalid_message("W.g", "n", []) == 'W.g "n" is invalid'


def test_error_body_value_printing() -> None:
    # F: %v for int64/float64/bool, %q for strings, "null" for nil, omitted for Required/TooLong.
    assert make_cause("FieldValueInvalid", "f", 3, "d").message == "Invalid value: 3: d"
    assert make_cause("FieldValueInvalid", "f", 1.5, "d").message == "Invalid value: 1.5: d"
    assert make_cause("FieldValueInvalid", "f", True, "d").message == "Invalid value: true: d"
    assert make_cause("FieldValueInvalid", "f", 'a"b', "").message == 'Invalid value: "a\\"b"'
    assert make_cause("FieldValueInvalid", "f", None, "").message == "Invalid value: null"
    assert make_cause("FieldValueRequired", "f", "", "").message == "Required value"
    assert make_cause("FieldValueTooLong", "f", "abc", "d").message == "Too long: d"
    assert make_cause("FieldValueTooMany", "f", OMIT, "d").message == "Too many: d"


def test_go_float_matches_go_percent_v() -> None:
    assert [go_float(x) for x in (1.0, 0.5, 1e20, 1e21, 1e-5, 123.456)] == [
        "1",
        "0.5",
        "100000000000000000000",
        "1e+21",
        "1e-05",
        "123.456",
    ]


def test_go_value_of_composites_is_go_syntax() -> None:
    # F: fallback %#v for maps and slices.
    assert go_value({"b": 1, "a": [None, "x"]}) == (
        'map[string]interface {}{"a":[]interface {}{interface {}(nil), "x"}, "b":1}'
    )
