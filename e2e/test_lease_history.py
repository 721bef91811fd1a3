"""The Lease-history check itself can fail: synthetic histories with writes inside and outside
the holder's tenure (no cluster needed; this guards the HA scenarios' main assertion)."""

from __future__ import annotations

from typing import Any

import pytest

from e2e.leases import check_writers, tenures


def spec(holder: str, acquired: str, renewed: str, transitions: int) -> dict[str, Any]:
    return {
        "holderIdentity": holder,
        "acquireTime": f"2026-01-01T00:00:{acquired}Z",
        "renewTime": f"2026-01-01T00:00:{renewed}Z",
        "leaseDurationSeconds": 3,
        "leaseTransitions": transitions,
    }


def write(caller: str, at: str) -> dict[str, Any]:
    return {
        "time": f"2026-01-01T00:00:{at}+00:00",
        "caller": caller,
        "method": "/p/Up",
        "name": "r",
    }


HISTORY = [
    spec("a_1", "01.000000", "01.000000", 0),
    spec("a_1", "01.000000", "02.000000", 0),
    spec("b_2", "10.000000", "10.000000", 1),  # a died after 02; b took over at 10
    spec("", "20.000000", "20.000000", 1),  # b released at 20
]
HOLDERS = {"a_1": "teleop-0", "b_2": "teleop-1"}


def test_writes_inside_tenures_pass() -> None:
    writes = [write("teleop-0", "01.500000"), write("teleop-0", "04.900000")]
    writes += [write("teleop-1", "10.000500"), write("teleop-1", "12.000000")]
    assert check_writers(writes, tenures(HISTORY), HOLDERS) == []


@pytest.mark.parametrize(
    ("caller", "at", "why"),
    [
        ("teleop-1", "05.000000", "a standby writing while another replica holds the Lease"),
        ("teleop-0", "00.500000", "before its acquisition"),
        ("teleop-0", "05.100000", "after its last renewal's term ran out, nobody holding"),
        ("teleop-0", "10.100000", "after the takeover"),
        ("teleop-1", "20.100000", "after its release"),
        ("teleop-2", "11.000000", "a replica that never held the Lease"),
    ],
)
def test_writes_outside_tenures_are_reported(caller: str, at: str, why: str) -> None:
    bad = check_writers([write(caller, at)], tenures(HISTORY), HOLDERS)
    assert len(bad) == 1, why


def test_a_missed_holder_fails_the_history() -> None:
    gap = [HISTORY[0], spec("c_3", "10.000000", "10.000000", 2)]
    with pytest.raises(AssertionError, match="missed a holder"):
        tenures(gap)


def test_an_unknown_holder_fails_the_check() -> None:
    with pytest.raises(AssertionError, match="no replica"):
        check_writers([], tenures(HISTORY), {"a_1": "teleop-0"})
