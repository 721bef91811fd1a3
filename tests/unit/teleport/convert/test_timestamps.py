"""RFC 3339 timestamps keep nanoseconds and are written in UTC like Go's RFC3339Nano."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from teleop.teleport.convert.timestamps import format_rfc3339, parse_rfc3339


def test_offset_is_normalised_to_utc_and_nanos_kept() -> None:
    seconds, nanos = parse_rfc3339("2024-01-02T03:04:05.123456789+01:00")
    assert nanos == 123456789
    assert format_rfc3339(seconds, nanos) == "2024-01-02T02:04:05.123456789Z"


def test_go_zero_time() -> None:
    assert parse_rfc3339("0001-01-01T00:00:00Z") == (-62135596800, 0)
    assert format_rfc3339(-62135596800, 0) == "0001-01-01T00:00:00Z"


@pytest.mark.parametrize("text", ["2024-01-02", "2024-01-02T03:04:05", "yesterday", ""])
def test_rejects_non_rfc3339(text: str) -> None:
    with pytest.raises(ValueError):
        parse_rfc3339(text)


@given(
    st.integers(min_value=-62135596800, max_value=253402300799),
    st.integers(min_value=0, max_value=999_999_999),
)
def test_round_trip(seconds: int, nanos: int) -> None:
    assert parse_rfc3339(format_rfc3339(seconds, nanos)) == (seconds, nanos)
