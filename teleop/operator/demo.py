"""``teleop run --demo``: the operator on an in-process fakekube and faketeleport, with a live view.

What a newcomer sees first (``make run``): no cluster and no Teleport needed. The demo starts the
shipped test doubles on free loopback ports (faketeleport serving mTLS from a temporary directory
holding its CA and the operator's identity file), installs the CRDs, the ``teleop-demo``
namespace and the Secrets the samples read, then starts the real ``Operator`` against them through
a kubeconfig and an identity file, exactly as in production, and applies the samples. A summary
of every sample's Ready condition and Teleport revision refreshes every second, with the
kubeconfig path so ``kubectl --kubeconfig ... get teleport -A`` works from another terminal.

The demo is explicit (``--demo``) rather than what ``teleop run`` falls back to: a production
operator whose configuration went missing must fail loudly, not start a fake cluster. The
operator's logs go to ``teleop.log`` in the demo's temporary directory so they do not scroll the
summary away; the directory (kubeconfig, CA key, identity, log) is removed on exit, after the log's
last lines are printed if the demo failed.
``--demo-exit-when-ready`` (tests, CI) exits 0 once every sample is Ready and 1 after
``--demo-timeout``; otherwise the demo runs until Ctrl-C.

The test doubles are imported inside ``run_demo`` only: product code does not depend on
``teleop.testing`` except when the user asks for the demo.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
import tempfile
from pathlib import Path
from typing import TextIO

from teleop.operator.app import FatalError, Operator
from teleop.operator.config import FLAGS, OperatorConfig
from teleop.operator.demo_samples import (
    Sample,
    apply_samples,
    find_samples_dir,
    install,
    load_samples,
    resource_type,
)
from teleop.operator.demo_summary import Row, all_ready, render, row_for
from teleop.runtime import KubeClient, NotFound, SignalHandler, configure_logging

__all__ = ["run_demo"]

_REFRESH = 1.0
_DEFAULTS = {flag.field: flag.default for flag in FLAGS}


async def run_demo(config: OperatorConfig, *, out: TextIO | None = None) -> int:
    """Run the demo until Ctrl-C (or Ready, with ``demo_exit_when_ready``); the exit status."""
    out = out if out is not None else sys.stdout
    samples_dir = find_samples_dir(config.demo_samples)
    if samples_dir is None:
        print(
            "teleop: --demo-samples: manifests/samples not found; run from a teleop checkout "
            "or pass --demo-samples DIR",
            file=sys.stderr,
        )
        return 2
    samples = load_samples(samples_dir)
    out.write(f"teleop demo: starting fakekube, faketeleport and the operator for {len(samples)} "
              "samples...\n")  # fmt: skip
    out.flush()
    with tempfile.TemporaryDirectory(prefix="teleop-demo-") as tmp:
        log_path = Path(tmp) / "teleop.log"
        status = await _run_in(config, Path(tmp), samples_dir, samples, out)
        if status != 0 and log_path.exists():
            tail = log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-20:]
            print("teleop: the demo failed; the operator's last log lines:", file=sys.stderr)
            for line in tail:
                print(f"  {line}", file=sys.stderr)
        return status


async def _run_in(
    config: OperatorConfig, workdir: Path, samples_dir: Path, samples: list[Sample], out: TextIO
) -> int:
    """The demo with its files (kubeconfig, TLS, log) in ``workdir``, removed afterwards."""
    from teleop.testing.fakekube import FakeKube
    from teleop.testing.faketeleport import FakeTeleport

    log_path = workdir / "teleop.log"
    with log_path.open("w", encoding="utf-8") as log_stream:
        handler = configure_logging(config.log_level, config.log_format, stream=log_stream)
        try:
            async with (
                FakeKube(host="127.0.0.1", port=0) as kube,
                FakeTeleport(tls_dir=workdir / "tls") as teleport,
            ):
                if teleport.tls is None:  # pragma: no cover - tls_dir was given
                    raise RuntimeError("faketeleport did not write its TLS directory")
                kubeconfig = kube.write_kubeconfig(
                    workdir / "kubeconfig", namespace=config.namespace
                )
                operator = Operator(
                    _operator_config(config, kubeconfig, teleport.address, teleport.tls.identity)
                )
                header = [
                    "teleop demo: the operator on an in-process fakekube and faketeleport",
                    f"  fakekube      {kube.url}",
                    f"  kubectl       kubectl --kubeconfig {kubeconfig} get teleport -A",
                    f"  faketeleport  {teleport.address} (identity {teleport.tls.identity})",
                    f"  samples       {samples_dir}",
                    f"  logs          {log_path}",
                ]
                async with KubeClient.from_url(kube.url) as client:
                    await install(client, config.namespace, samples)
                    demo = _Demo(config, operator, client, samples, header, out)
                    return await demo.run()
        finally:
            logging.getLogger().removeHandler(handler)  # its file is about to close


def _operator_config(
    config: OperatorConfig, kubeconfig: Path, auth_server: str, identity: Path
) -> OperatorConfig:
    update: dict[str, object] = {
        "kubeconfig": str(kubeconfig),
        "in_cluster": False,
        "auth_server": auth_server,
        "identity_file": str(identity),
    }
    for field in ("metrics_bind_address", "health_probe_bind_address"):
        if getattr(config, field) == _DEFAULTS[field]:
            update[field] = "127.0.0.1:0"  # free ports: a demo must not clash with anything
    return config.model_copy(update=update)


class _Demo:
    """One demo run: the operator's task, the samples and the summary loop."""

    def __init__(
        self,
        config: OperatorConfig,
        operator: Operator,
        client: KubeClient,
        samples: list[Sample],
        header: list[str],
        out: TextIO,
    ) -> None:
        self.config = config
        self.operator = operator
        self.client = client
        self.samples = samples
        self.header = header
        self.out = out
        self.stopping = asyncio.Event()
        self.tty = out.isatty()
        self.status = 1

    def stop(self) -> None:
        self.stopping.set()
        self.operator.stop()

    async def run(self) -> int:
        fatal: list[BaseException] = []
        try:
            with SignalHandler(self.stop):
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(self.operator.run())
                    tg.create_task(self._drive())
        except* FatalError as group:
            fatal.extend(group.exceptions)
        for exc in fatal:
            print(f"teleop: {exc}", file=sys.stderr)
        return 1 if fatal else self.status

    async def _drive(self) -> None:
        try:
            try:
                await self.operator.wait_ready()
            except RuntimeError:
                return  # run() failed or was stopped; its error is reported by run()
            if self.operator.metrics_url:
                self.header.append(f"  metrics       {self.operator.metrics_url}")
            for line in await apply_samples(self.client, self.config.namespace, self.samples):
                print(f"teleop: sample refused: {line}", file=sys.stderr)
            self.status = await self._watch()
        finally:
            self.operator.stop()

    async def _watch(self) -> int:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.config.demo_timeout
        last = ""
        while not self.stopping.is_set():
            rows = await self._rows()
            text = render(rows, self.header)
            ready = all_ready(rows)
            if ready:
                text += f"\n\nAll {len(rows)} sample resources are Ready in Teleport." + (
                    "" if self.config.demo_exit_when_ready else " Press Ctrl-C to stop."
                )
            if self.tty:
                self.out.write("\x1b[H\x1b[J" + text + "\n")
            elif text != last:
                self.out.write(text + "\n\n")
            last = text
            self.out.flush()
            if ready and self.config.demo_exit_when_ready:
                return 0
            if self.config.demo_exit_when_ready and loop.time() > deadline:
                waiting = ", ".join(f"{r.kind}/{r.name}" for r in rows if not r.is_ready)
                self.out.write(f"Not Ready after {self.config.demo_timeout:g}s: {waiting}\n")
                self.out.flush()
                return 1
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(_REFRESH):
                    await self.stopping.wait()
        return 0

    async def _rows(self) -> list[Row]:
        rows: list[Row] = []
        for sample in self.samples:
            try:
                obj = await self.client.get(
                    resource_type(sample.kind), sample.name, namespace=self.config.namespace
                )
            except NotFound:
                obj = None
            rows.append(row_for(sample.kind.kind, sample.name, obj))
        return rows
