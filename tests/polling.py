"""Waiting for a condition in tests: poll with a bound, and say what was awaited on failure.

Convergence in these tests is waited for, never slept for: ``eventually`` polls a condition (sync
or async) until it is truthy, and on timeout fails with the last falsy value or assertion message.
"""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, overload

T = TypeVar("T")

DEFAULT_TIMEOUT = 10.0


@overload
async def eventually(
    condition: Callable[[], Awaitable[T]],
    timeout: float = ...,  # noqa: ASYNC109
    interval: float = ...,
    what: str = ...,
) -> T: ...


@overload
async def eventually(
    condition: Callable[[], T],
    timeout: float = ...,  # noqa: ASYNC109
    interval: float = ...,
    what: str = ...,
) -> T: ...


async def eventually(
    condition: Callable[[], Any],
    timeout: float = DEFAULT_TIMEOUT,  # noqa: ASYNC109
    interval: float = 0.02,
    what: str = "",
) -> Any:
    """Poll ``condition`` until it returns a truthy value without raising AssertionError.

    Returns that value. On timeout, raises AssertionError with the last failure (or the last
    falsy value), so a test failing here says what it was waiting for. The interval is a poll
    period, not a guess at how long convergence takes.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    last: str = "never evaluated"
    while True:
        try:
            result = condition()
            if inspect.isawaitable(result):
                result = await result
            if result:
                return result
            last = f"condition returned {result!r}"
        except AssertionError as e:
            last = str(e) or repr(e)
        if loop.time() >= deadline:
            raise AssertionError(f"timed out after {timeout:g}s waiting for {what}: {last}")
        await asyncio.sleep(interval)
