"""Go duration strings: parsing as time.ParseDuration, formatting as time.Duration.String()."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teleop.teleport.convert.durations import (
    format_go_duration,
    format_proto_duration,
    parse_go_duration,
)

H = 3600 * 10**9
M = 60 * 10**9
S = 10**9
INT64 = st.integers(min_value=-(1 << 63), max_value=(1 << 63) - 1)


@pytest.mark.parametrize(
    ("text", "nanos"),
    [
        ("8h", 8 * H),
        ("1h30m", 90 * M),
        ("300ms", 300 * 10**6),
        ("1.5h", 90 * M),
        ("-1m", -M),
        ("0", 0),
        ("+5s", 5 * S),
        ("1h0m0.5s", H + S // 2),
        ("2us", 2000),
        ("2\u00b5s", 2000),
        ("2\u03bcs", 2000),
        ("7ns", 7),
        (".5s", S // 2),
        ("1.s", S),
        ("1.1h", 3960 * S),  # Go's float64 fraction arithmetic
        ("9223372036854775807ns", (1 << 63) - 1),
        ("-9223372036854775808ns", -(1 << 63)),
        # Teleport's types.Duration.UnmarshalJSON reads "never" as zero (constants.DurationNever).
        ("never", 0),
    ],
)
def test_parse_go_duration(text: str, nanos: int) -> None:
    assert parse_go_duration(text) == nanos


@pytest.mark.parametrize(
    "text",
    ["", "8x", "8", "h", ".s", "1d", "-", "1h-1m", " 1h", "9223372036854775808ns", "1e3s"],
)
def test_parse_go_duration_rejects(text: str) -> None:
    # Teleport decodes CR JSON with time.ParseDuration: no "d"/"mo"/"y" units (those are YAML-only).
    with pytest.raises(ValueError):
        parse_go_duration(text)


@pytest.mark.parametrize(
    ("nanos", "text"),
    [
        (8 * H, "8h0m0s"),
        (90 * M, "1h30m0s"),
        (300 * 10**6, "300ms"),
        (1500, "1.5\u00b5s"),
        (5, "5ns"),
        (0, "0s"),
        (-M, "-1m0s"),
        (61 * S, "1m1s"),
        (S + 1, "1.000000001s"),
        (-(1 << 63), "-2562047h47m16.854775808s"),
    ],
)
def test_format_go_duration(nanos: int, text: str) -> None:
    assert format_go_duration(nanos) == text


@given(INT64)
def test_format_then_parse_is_identity(nanos: int) -> None:
    assert parse_go_duration(format_go_duration(nanos)) == nanos


@given(st.integers(min_value=-(10**6), max_value=10**6), st.sampled_from(["h", "m", "s", "ms"]))
def test_parse_then_format_is_canonical(count: int, unit: str) -> None:
    nanos = parse_go_duration(f"{count}{unit}")
    assert parse_go_duration(format_go_duration(nanos)) == nanos


@pytest.mark.parametrize(
    ("seconds", "nanos", "text"),
    [
        (3600, 0, "3600s"),
        (1, 500_000_000, "1.500s"),
        (0, -1, "-0.000000001s"),
        (1, 1000, "1.000001s"),
    ],
)
def test_format_proto_duration(seconds: int, nanos: int, text: str) -> None:
    assert format_proto_duration(seconds, nanos) == text
    assert parse_go_duration(text) == seconds * S + nanos
