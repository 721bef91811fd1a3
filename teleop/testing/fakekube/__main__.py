"""``python -m teleop.testing.fakekube``: run the fake API server as a process.

Prints the base URL on stdout (flushed) once it is listening, optionally writes a kubeconfig, and
exits cleanly on SIGTERM or SIGINT. Faults are reachable over HTTP under ``/fakekube/``.
"""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys

from teleop.testing.fakekube.server import FakeKube

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m teleop.testing.fakekube", description=__doc__)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--token", default=None, help="require this bearer token")
    p.add_argument("--kubeconfig", default=None, help="write a kubeconfig pointing here")
    p.add_argument("--namespace", default="default", help="namespace of the kubeconfig context")
    p.add_argument("--history-window", type=int, default=10000)
    p.add_argument("--bookmark-interval", type=float, default=60.0)
    return p


async def _run(args: argparse.Namespace) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with FakeKube(
        host=args.host,
        port=args.port,
        token=args.token,
        history_window=args.history_window,
        bookmark_interval=args.bookmark_interval,
    ) as kube:
        if args.kubeconfig:
            kube.write_kubeconfig(args.kubeconfig, namespace=args.namespace)
        sys.stdout.write(kube.url + "\n")
        sys.stdout.flush()
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    asyncio.run(_run(_parser().parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
