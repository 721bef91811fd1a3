"""Churn for fault tests: many creates, updates and deletes of role CRs, robust to injected errors.

The test's own requests go to the same faulty API server as the operator's, so every call here
retries on 500, 429 (after the Retry-After it was given, capped) and 503, and on a timeout while
the server is paused; a retried create that had in fact landed (409) counts as done.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection
from typing import Any

from teleop.operator.apis import kind_spec
from tests.contract.harness import Env, cr_path
from tests.fakekube.helpers import JSON_PATCH, Resp

ROLE = kind_spec("TeleportRole")
RETRYABLE = frozenset({429, 500, 503})


def role_spec(name: str, version: int) -> dict[str, Any]:
    return {"allow": {"logins": [f"{name}-v{version}"]}}


async def robust(call: Callable[[], Awaitable[Resp]], ok: Collection[int]) -> Resp:
    for _ in range(200):
        try:
            async with asyncio.timeout(5):
                r = await call()
        except TimeoutError:
            continue
        if r.status in ok:
            return r
        assert r.status in RETRYABLE, (r.status, r.body)
        await asyncio.sleep(0.05)
    raise AssertionError("the API server kept failing the test's own request")


async def create(env: Env, name: str, version: int = 0) -> None:
    body = env.manifest(ROLE, name, role_spec(name, version))
    await robust(lambda: env.api.post(cr_path(ROLE, env.namespace), body), (201, 409))


async def update(env: Env, name: str, version: int) -> None:
    patch = [{"op": "replace", "path": "/spec", "value": role_spec(name, version)}]
    path = cr_path(ROLE, env.namespace, name)
    await robust(lambda: env.api.patch(path, patch, ctype=JSON_PATCH), (200,))


async def delete(env: Env, name: str) -> None:
    path = cr_path(ROLE, env.namespace, name)
    await robust(lambda: env.api.req("DELETE", path), (200, 202, 404))


async def in_batches(calls: list[Callable[[], Awaitable[None]]], size: int = 20) -> None:
    for i in range(0, len(calls), size):
        async with asyncio.TaskGroup() as tg:
            for call in calls[i : i + size]:
                tg.create_task(call())


async def churn(env: Env, n: int) -> set[str]:
    """Create ``n`` roles, update each twice, delete every other one; returns the survivors.

    That is ``3.5 * n`` operations; the test's faults run concurrently.
    """
    names = [f"r{i:04d}" for i in range(n)]
    await in_batches([lambda name=name: create(env, name) for name in names])
    for version in (1, 2):
        await in_batches([lambda name=name, v=version: update(env, name, v) for name in names])
    doomed = names[::2]
    await in_batches([lambda name=name: delete(env, name) for name in doomed])
    return set(names) - set(doomed)
