"""The rate-limiting queue: add_rate_limited, forget, num_requeues."""

from __future__ import annotations

import pytest

from teleop.runtime.workqueue import ItemExponentialFailureRateLimiter, RateLimitingQueue
from teleop.testing.clock import FakeClock


async def test_add_rate_limited_backs_off_and_forget_resets() -> None:
    clock = FakeClock()
    q = RateLimitingQueue(ItemExponentialFailureRateLimiter[str](1.0, 60.0), clock=clock)
    q.add_rate_limited("a")
    assert q.waiting_for("a") == pytest.approx(1.0)
    await clock.advance(1)
    assert await q.get() == "a"
    q.add_rate_limited("a")  # while processing: waits 2 s, then is held until done
    q.done("a")
    assert q.num_requeues("a") == 2
    assert q.waiting_for("a") == pytest.approx(2.0)
    await clock.advance(2)
    assert await q.get() == "a"
    q.forget("a")
    assert q.num_requeues("a") == 0
    q.done("a")
    q.add_rate_limited("a")
    assert q.waiting_for("a") == pytest.approx(1.0)
