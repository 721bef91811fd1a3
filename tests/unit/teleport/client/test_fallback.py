"""FallbackMemory: remembered per channel generation, forgotten on a new one."""

from __future__ import annotations

from teleop.teleport.fallback import FallbackMemory


def test_remember_and_forget_on_new_generation() -> None:
    memory = FallbackMemory()
    assert not memory.use_legacy("/svc/M", 1)
    memory.remember("/svc/M", 1)
    assert memory.use_legacy("/svc/M", 1)
    assert not memory.use_legacy("/svc/Other", 1)
    assert not memory.use_legacy("/svc/M", 2)
    assert "/svc/M" not in memory


def test_late_answer_from_retired_generation_is_ignored() -> None:
    memory = FallbackMemory()
    assert not memory.use_legacy("/svc/M", 2)
    memory.remember("/svc/M", 1)
    assert not memory.use_legacy("/svc/M", 2)
