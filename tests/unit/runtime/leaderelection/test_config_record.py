"""Defaults, validation, MicroTime and the Lease spec mapping of the leader election record."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime, timedelta, timezone

import pytest

from teleop.runtime.leaderelection import (
    LeaderElectionConfig,
    LeaderElectionRecord,
    default_identity,
    format_microtime,
    jittered,
    parse_microtime,
)
from teleop.runtime.leaderelection.record import record_from_lease_spec, record_to_lease_spec


def test_controller_runtime_defaults() -> None:
    c = LeaderElectionConfig()
    assert (c.lease_duration, c.renew_deadline, c.retry_period) == (15.0, 10.0, 2.0)
    assert c.jitter_factor == 1.2
    assert c.release_on_cancel is True
    assert c.effective_request_timeout == 5.0
    assert (
        LeaderElectionConfig(
            lease_duration=3, renew_deadline=1.5, retry_period=0.5
        ).effective_request_timeout
        == 1.0
    )


@pytest.mark.parametrize(
    ("lease", "renew", "retry"),
    [(10, 10, 2), (15, 2.4, 2), (15, 10, 0), (0, -1, 1), (5, 6, 1)],
)
def test_validation(lease: float, renew: float, retry: float) -> None:
    with pytest.raises(ValueError):
        LeaderElectionConfig(lease_duration=lease, renew_deadline=renew, retry_period=retry)


def test_fractional_lease_is_rounded_up_for_the_lease_object() -> None:
    assert (
        LeaderElectionConfig(
            lease_duration=1.5, renew_deadline=1, retry_period=0.2
        ).lease_duration_seconds
        == 2
    )


def test_identity_is_hostname_underscore_uuid() -> None:
    a, b = default_identity(), default_identity()
    assert a != b
    assert re.fullmatch(r".+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", a)


def test_jitter_bounds() -> None:
    rng = random.Random(0)
    samples = [jittered(2.0, 1.2, rng) for _ in range(2000)]
    assert all(2.0 <= s < 4.4 for s in samples)
    assert min(samples) < 2.1
    assert max(samples) > 4.3
    assert jittered(2.0, 0.0, rng) == 2.0


def test_microtime_has_six_digits_and_z() -> None:
    t = datetime(2026, 3, 4, 5, 6, 7, 8, tzinfo=UTC)
    assert format_microtime(t) == "2026-03-04T05:06:07.000008Z"
    assert format_microtime(datetime(2026, 1, 1, tzinfo=UTC)) == "2026-01-01T00:00:00.000000Z"
    plus2 = timezone(timedelta(hours=2))
    assert format_microtime(datetime(2026, 1, 1, 2, tzinfo=plus2)) == "2026-01-01T00:00:00.000000Z"


@pytest.mark.parametrize(
    "text",
    [
        "2026-03-04T05:06:07.000008Z",
        "2026-03-04T05:06:07.000008000Z",
        "2026-03-04T07:06:07.000008+02:00",
    ],
)
def test_parse_microtime(text: str) -> None:
    assert parse_microtime(text) == datetime(2026, 3, 4, 5, 6, 7, 8, tzinfo=UTC)


def test_parse_plain_time() -> None:
    assert parse_microtime("2026-03-04T05:06:07Z") == datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)


def test_lease_spec_round_trip() -> None:
    t = datetime(2026, 1, 1, 0, 0, 1, 500, tzinfo=UTC)
    r = LeaderElectionRecord("me", 15, t, t, 4)
    spec = record_to_lease_spec(r)
    assert spec == {
        "holderIdentity": "me",
        "leaseDurationSeconds": 15,
        "leaseTransitions": 4,
        "acquireTime": "2026-01-01T00:00:01.000500Z",
        "renewTime": "2026-01-01T00:00:01.000500Z",
    }
    assert record_from_lease_spec(spec) == r
    released = record_to_lease_spec(LeaderElectionRecord("", 1, t, t, 4))
    assert released["holderIdentity"] == ""
    assert record_from_lease_spec({}) == LeaderElectionRecord("", 0)
