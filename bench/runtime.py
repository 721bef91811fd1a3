"""Runtime benchmark: an informer, a workqueue and a no-op reconciler over N ConfigMaps.

Three processes, so that only the operator's own work is measured in this one:

- fakekube (``python -m teleop.testing.fakekube --port 0``; its URL is read from stdout);
- a writer (``python -m bench.runtime --write create|update``) that creates the N objects before
  the informer starts and later updates each once while it watches;
- this process: a ``SharedInformer`` feeding a ``RateLimitingQueue`` drained by 4 workers whose
  reconciler reads the object from the lister and does nothing else.

Figures: time from ``run()`` to ``has_synced`` (LIST, decode, cache, dispatch; with
resourceVersion "0" the server answers in one page, so a second informer also measures the
paged consistent list a relist does) and until
all N keys were reconciled; events per second through handler + queue + reconcile for the
initial list and for the watch phase (the latter is bounded by how fast the writer and fakekube
produce changes, so this process's CPU time per event is reported too); RSS before the informer
and peak RSS (``ru_maxrss``) of this process. The machine has 2 cores shared by the three.
"""

from __future__ import annotations

import argparse
import asyncio
import resource
import sys
import time
from collections.abc import Callable

from bench import Metric, Options
from teleop.runtime.cache import DeletedFinalStateUnknown, SharedInformer
from teleop.runtime.client import KubeClient, KubeObject, ResourceType
from teleop.runtime.clock import SystemClock
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.workqueue import RateLimitingQueue, default_controller_rate_limiter

__all__ = ["run"]

DEFAULT_N = 10_000
WORKERS = 4
WRITE_CONCURRENCY = 64
NS = "default"
CM = ResourceType("", "v1", "configmaps", "ConfigMap")


def run(options: Options) -> list[Metric]:
    return asyncio.run(_run(options.n or DEFAULT_N))


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        pages = int(f.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class _Enqueue:
    """The event handler: counts events and enqueues the object's key."""

    def __init__(self, add: Callable[[str], None]) -> None:
        self._add = add
        self.events = 0
        self.updates = 0
        self.first = 0.0
        self.last = 0.0
        self.changed = asyncio.Event()

    def _seen(self, obj: KubeObject) -> None:
        now = time.perf_counter()
        if not self.events:
            self.first = now
        self.last = now
        self.events += 1
        m = obj["metadata"]
        self._add(f"{m['namespace']}/{m['name']}")
        self.changed.set()

    def on_add(self, obj: KubeObject, *, is_initial_list: bool) -> None:
        self._seen(obj)

    def on_update(self, old: KubeObject, new: KubeObject) -> None:
        self.updates += 1
        self._seen(new)

    def on_delete(self, obj: KubeObject | DeletedFinalStateUnknown) -> None:
        self._seen(obj.obj if isinstance(obj, DeletedFinalStateUnknown) else obj)


async def _until(event: asyncio.Event, predicate: Callable[[], bool]) -> None:
    while not predicate():
        event.clear()
        await event.wait()


async def _run(n: int) -> list[Metric]:
    server = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "teleop.testing.fakekube", "--port", "0",
        "--history-window", str(max(10_000, 3 * n)),
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        async with asyncio.timeout(60):
            url = (await server.stdout.readline()).decode().strip()
        if not url.startswith("http"):
            raise RuntimeError(f"fakekube did not print its URL (got {url!r})")
        return await _measure(url, n)
    finally:
        server.terminate()
        await server.wait()


async def _write(url: str, mode: str, n: int) -> float:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bench.runtime", "--write", mode, "--url", url, "--n", str(n),
        stdout=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, _ = await proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"writer {mode} failed with {proc.returncode}")
    return float(out.decode().strip().splitlines()[-1])


async def _measure(url: str, n: int) -> list[Metric]:
    create_s = await _write(url, "create", n)
    clock = SystemClock()
    metrics = RuntimeMetrics()
    rss_before = _rss_mb()
    reconciled = 0
    done = asyncio.Event()
    async with KubeClient.from_url(url, clock=clock, metrics=metrics) as client:
        informer = SharedInformer(client, CM, namespace=NS, clock=clock)
        queue: RateLimitingQueue[str] = RateLimitingQueue(
            default_controller_rate_limiter(clock), clock=clock, name="bench", metrics=metrics
        )
        handler = _Enqueue(queue.add)
        informer.add_event_handler(handler)

        async def worker() -> None:
            nonlocal reconciled
            while (key := await queue.get()) is not None:
                namespace, name = key.split("/", 1)
                informer.lister.get(namespace, name)  # the no-op reconcile reads the cache
                queue.forget(key)
                queue.done(key)
                reconciled += 1
                done.set()

        cpu0, t0 = _cpu_s(), time.perf_counter()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(informer.run())
            workers = [tg.create_task(worker()) for _ in range(WORKERS)]
            await informer.wait_for_sync()
            t_sync = time.perf_counter() - t0
            await _until(done, lambda: reconciled >= n)
            t_initial = time.perf_counter() - t0
            cpu_initial = _cpu_s() - cpu0
            rss_synced = _rss_mb()

            reconciled = 0
            handler.events = 0
            cpu1, t1 = _cpu_s(), time.perf_counter()
            write_s = await _write(url, "update", n)
            await _until(handler.changed, lambda: handler.updates >= n)
            await _until(done, lambda: reconciled >= n)
            t_watch_total = time.perf_counter() - t1
            cpu_watch = _cpu_s() - cpu1
            watch_span = max(handler.last - handler.first, 1e-9)

            informer.stop()
            queue.shut_down()
            for w in workers:
                await w
        # A consistent (resourceVersion "") list is paged 500 at a time, unlike "0".
        paged = SharedInformer(client, CM, namespace=NS, clock=clock,
                               initial_list_resource_version="")  # fmt: skip
        t2 = time.perf_counter()
        async with asyncio.TaskGroup() as tg:
            tg.create_task(paged.run())
            await paged.wait_for_sync()
            t_paged = time.perf_counter() - t2
            paged.stop()
    peak = _peak_rss_mb()
    return [
        Metric("objects", n, "ConfigMaps"),
        Metric("create_rate", n / create_s, "objects/s", "writer process -> fakekube"),
        Metric("time_to_sync", t_sync, "s", "LIST (RV 0, 1 page) + cache + handlers"),
        Metric("time_to_sync_paged", t_paged, "s", f'RV "", {paged.stats.list_pages} pages'),
        Metric("time_to_reconcile_all", t_initial, "s", "sync + queue + 4 workers"),
        Metric("initial_events_per_s", n / t_initial, "events/s", "list -> reconciled"),
        Metric("initial_cpu_per_event", cpu_initial / n * 1e6, "us", "this process"),
        Metric("watch_events_per_s", n / watch_span, "events/s", "bounded by writer+fakekube"),
        Metric("watch_write_rate", n / write_s, "writes/s", "writer process"),
        Metric("watch_phase_total", t_watch_total, "s", "first write to last reconcile"),
        Metric("watch_cpu_per_event", cpu_watch / n * 1e6, "us", "this process"),
        Metric("rss_before_informer", rss_before, "MiB"),
        Metric("rss_synced", rss_synced, "MiB"),
        Metric("cache_kib_per_object", (rss_synced - rss_before) * 1024 / n, "KiB", "RSS delta"),
        Metric("peak_rss", peak, "MiB", "ru_maxrss, this process"),
    ]


# -- the writer process ----------------------------------------------------------------------


async def _writer(url: str, mode: str, n: int) -> float:
    sem = asyncio.Semaphore(WRITE_CONCURRENCY)
    async with KubeClient.from_url(url) as client:

        async def one(i: int) -> None:
            name = f"bench-{i:06d}"
            async with sem:
                if mode == "create":
                    body = {"metadata": {"name": name, "namespace": NS, "labels": {"app": "bench"}},
                            "data": {"index": str(i), "payload": "x" * 200}}  # fmt: skip
                    await client.create(CM, body)
                else:
                    await client.patch(CM, name, {"data": {"index": f"{i}-1"}}, namespace=NS)

        t0 = time.perf_counter()
        await asyncio.gather(*(one(i) for i in range(n)))
        return time.perf_counter() - t0


def _writer_main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.runtime")
    p.add_argument("--write", choices=("create", "update"), required=True)
    p.add_argument("--url", required=True)
    p.add_argument("--n", type=int, required=True)
    args = p.parse_args(argv)
    print(asyncio.run(_writer(args.url, args.write, args.n)))
    return 0


if __name__ == "__main__":
    sys.exit(_writer_main(sys.argv[1:]))
