"""Rate limiters: client-go's delays and defaults, on the injected clock."""

from __future__ import annotations

import math

import pytest

from teleop.runtime.workqueue import (
    BucketRateLimiter,
    ItemExponentialFailureRateLimiter,
    ItemFastSlowRateLimiter,
    MaxOfRateLimiter,
    default_controller_rate_limiter,
    default_item_based_rate_limiter,
)
from teleop.testing.clock import FakeClock


def test_exponential_sequence_and_cap() -> None:
    rl = ItemExponentialFailureRateLimiter[str](0.005, 1000.0)
    delays = [rl.when("a") for _ in range(20)]
    assert delays[:3] == pytest.approx([0.005, 0.010, 0.020])
    assert delays[17] == pytest.approx(0.005 * 2**17)  # 655.36 s on the 18th failure
    assert delays[18:] == [1000.0, 1000.0]
    assert rl.num_requeues("a") == 20
    assert rl.when("b") == pytest.approx(0.005)  # per key
    rl.forget("a")
    assert rl.num_requeues("a") == 0
    assert rl.when("a") == pytest.approx(0.005)


def test_exponential_is_overflow_safe() -> None:
    rl = ItemExponentialFailureRateLimiter[str](0.001, 1000.0)
    rl._failures["a"] = 5000
    assert rl.when("a") == 1000.0
    item_based: ItemExponentialFailureRateLimiter[str] = default_item_based_rate_limiter()
    assert item_based.when("x") == pytest.approx(0.001)


def test_bucket_burst_then_spacing() -> None:
    clock = FakeClock()
    rl = BucketRateLimiter(qps=10, burst=100, clock=clock)
    assert [rl.when(i) for i in range(100)] == [0.0] * 100
    assert [rl.when(i) for i in range(3)] == pytest.approx([0.1, 0.2, 0.3])
    assert rl.num_requeues("x") == 0
    rl.forget("x")


async def test_bucket_refills_on_the_clock() -> None:
    clock = FakeClock()
    rl = BucketRateLimiter(qps=10, burst=2, clock=clock)
    assert [rl.when(0), rl.when(0), rl.when(0)] == pytest.approx([0.0, 0.0, 0.1])
    await clock.advance(0.1)  # the reserved token just arrived: bucket empty again
    assert rl.when(0) == pytest.approx(0.1)
    await clock.advance(10)  # refills up to burst only
    assert [rl.when(0), rl.when(0), rl.when(0)] == pytest.approx([0.0, 0.0, 0.1])


def test_bucket_edge_limits() -> None:
    clock = FakeClock()
    assert BucketRateLimiter(qps=math.inf, burst=0, clock=clock).when(0) == 0.0
    assert BucketRateLimiter(qps=10, burst=0, clock=clock).when(0) == math.inf
    zero = BucketRateLimiter(qps=0, burst=1, clock=clock)
    assert [zero.when(0), zero.when(0)] == [0.0, math.inf]


def test_fast_slow() -> None:
    rl = ItemFastSlowRateLimiter[str](0.1, 5.0, 2)
    assert [rl.when("a") for _ in range(4)] == [0.1, 0.1, 5.0, 5.0]
    assert rl.num_requeues("a") == 4
    rl.forget("a")
    assert rl.when("a") == 0.1


def test_max_of() -> None:
    fast_slow = ItemFastSlowRateLimiter[str](0.1, 5.0, 1)
    exp = ItemExponentialFailureRateLimiter[str](1.0, 100.0)
    rl = MaxOfRateLimiter(fast_slow, exp)
    assert [rl.when("a") for _ in range(4)] == [1.0, 5.0, 5.0, 8.0]
    assert rl.num_requeues("a") == 4
    rl.forget("a")
    assert fast_slow.num_requeues("a") == exp.num_requeues("a") == 0
    with pytest.raises(ValueError, match="at least one"):
        MaxOfRateLimiter[str]()


def test_default_controller_rate_limiter() -> None:
    clock = FakeClock()
    rl: MaxOfRateLimiter[str | int] = default_controller_rate_limiter(clock)
    # exponential dominates for one key; the bucket shows after 100 rate-limited adds
    assert [rl.when("a") for _ in range(3)] == pytest.approx([0.005, 0.01, 0.02])
    for i in range(97):
        rl.when(i)
    assert rl.when("b") == pytest.approx(0.1)  # 101st token: bucket says 100 ms > 5 ms
