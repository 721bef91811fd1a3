"""One shared informer per (resource type, namespace, selector), for every controller.

Two controllers that watch ConfigMaps must not open two watches and keep two caches: they ask
the factory (controller-runtime's informer cache, client-go's ``SharedInformerFactory``) and get
the same ``SharedInformer``. ``run`` starts every informer handed out so far and any handed out
later while it runs, all under one ``TaskGroup``; ``wait_for_sync`` waits for all of them.
"""

from __future__ import annotations

import asyncio
import random
from typing import Any

from teleop.runtime.cache.informer import SharedInformer
from teleop.runtime.cache.transform import Transform, strip_managed_fields
from teleop.runtime.client.objects import ResourceType
from teleop.runtime.client.rest import KubeClient
from teleop.runtime.clock import Clock, SystemClock

__all__ = ["InformerFactory"]

_Key = tuple[ResourceType, str | None, str | None]


class InformerFactory:
    """Hands out shared informers and runs them."""

    def __init__(
        self,
        client: KubeClient,
        *,
        clock: Clock | None = None,
        resync_period: float | None = None,
        transform: Transform | None = strip_managed_fields,
        rng: random.Random | None = None,
        **informer_options: Any,
    ) -> None:
        self._client = client
        self._clock: Clock = clock if clock is not None else SystemClock()
        self._resync_period = resync_period
        self._transform = transform
        self._rng = rng if rng is not None else random.Random()
        self._options = informer_options
        self._informers: dict[_Key, SharedInformer] = {}
        self._tg: asyncio.TaskGroup | None = None
        self._stop = asyncio.Event()

    def informer_for(
        self,
        resource_type: ResourceType,
        *,
        namespace: str | None = None,
        label_selector: str | None = None,
    ) -> SharedInformer:
        """The informer for this type, namespace (None = all) and selector; made on first use."""
        key = (resource_type, namespace if resource_type.namespaced else None, label_selector)
        informer = self._informers.get(key)
        if informer is None:
            informer = SharedInformer(
                self._client,
                resource_type,
                namespace=key[1],
                label_selector=label_selector,
                resync_period=self._resync_period,
                clock=self._clock,
                transform=self._transform,
                rng=random.Random(self._rng.random()),
                **self._options,
            )
            self._informers[key] = informer
            if self._tg is not None:
                self._tg.create_task(informer.run(), name=f"{informer!r}")
        return informer

    def informers(self) -> list[SharedInformer]:
        return list(self._informers.values())

    def has_synced(self) -> bool:
        return all(i.has_synced() for i in self._informers.values())

    async def wait_for_sync(self, timeout: float | None = None) -> bool:  # noqa: ASYNC109
        """True once every informer handed out so far has synced; False on timeout."""
        results = await asyncio.gather(
            *(i.wait_for_sync(timeout) for i in list(self._informers.values()))
        )
        return all(results)

    def stop(self) -> None:
        self._stop.set()

    async def run(self) -> None:
        """Run all informers until ``stop()`` or cancellation."""
        if self._tg is not None:
            raise RuntimeError("InformerFactory is already running")
        self._stop.clear()
        try:
            async with asyncio.TaskGroup() as tg:
                self._tg = tg
                for informer in self._informers.values():
                    tg.create_task(informer.run(), name=f"{informer!r}")
                await self._stop.wait()
                for informer in self._informers.values():
                    informer.stop()
        finally:
            self._tg = None
