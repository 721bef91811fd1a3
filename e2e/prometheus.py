"""Reading teleop's metrics: its /metrics text directly, and a real Prometheus server over PromQL.

``metric_sum`` adds up one metric's samples from the exposition text (enough for counters and
gauges with label filters). ``start_prometheus`` runs the ``prometheus`` binary (Debian's package,
``hack/install-prometheus.sh``) on loopback with a 1 s scrape interval over the given targets and
its own temporary TSDB; ``Prometheus.query`` is the HTTP API's instant query. Without the binary
the caller skips with the reason ``PROMETHEUS_MISSING``.
"""

from __future__ import annotations

import re
import shutil
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import yaml

from e2e.harness import Process, free_port, http_get, http_get_json, wait_for

__all__ = ["PROMETHEUS_MISSING", "Prometheus", "metric_sum", "start_prometheus"]

PROMETHEUS_MISSING = (
    "the prometheus binary is not on PATH (hack/install-prometheus.sh installs Debian's package)"
)
_SAMPLE = re.compile(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{([^}]*)\})? (\S+)$", re.M)


def metric_sum(text: str, name: str, **labels: str) -> float:
    """The sum of ``name``'s samples whose labels include ``labels``."""
    total = 0.0
    for m in _SAMPLE.finditer(text):
        if m[1] != name:
            continue
        have = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m[3] or ""))
        if all(have.get(k) == v for k, v in labels.items()):
            total += float(m[4])
    return total


@dataclass(frozen=True)
class Prometheus:
    url: str
    process: Process

    def query(self, promql: str) -> dict[str, float]:
        """Instant query: ``{instance: value}`` for each series (``""`` when it has none)."""
        q = urllib.parse.urlencode({"query": promql})
        body = http_get_json(f"{self.url}/api/v1/query?{q}")
        if body.get("status") != "success":
            raise AssertionError(f"PromQL {promql!r}: {body}")
        return {
            r["metric"].get("instance", ""): float(r["value"][1]) for r in body["data"]["result"]
        }

    def wait(
        self,
        what: str,
        promql: str,
        accept: Callable[[dict[str, float]], bool],
        timeout: float = 30.0,
    ) -> dict[str, float]:
        """Poll ``promql`` until ``accept`` takes its result; that result."""
        last: list[dict[str, float]] = [{}]

        def probe() -> dict[str, float] | None:
            last[0] = self.query(promql)
            return last[0] if accept(last[0]) else None

        try:
            return wait_for(what, probe, timeout, every=0.5)
        except AssertionError as e:
            raise AssertionError(f"{e}: {promql} = {last[0]}") from None


@contextmanager
def start_prometheus(art: Path, targets: list[str]) -> Iterator[Prometheus]:
    """Prometheus scraping ``targets`` (``host:port``) every second; stopped on exit."""
    binary = shutil.which("prometheus")
    assert binary is not None, PROMETHEUS_MISSING
    config = {
        "global": {"scrape_interval": "1s", "scrape_timeout": "1s", "evaluation_interval": "1s"},
        "scrape_configs": [{"job_name": "teleop", "static_configs": [{"targets": targets}]}],
    }
    path = art / "prometheus.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    port = free_port()
    process = Process(
        "prometheus",
        [
            binary, f"--config.file={path}", f"--storage.tsdb.path={art / 'prometheus-data'}",
            f"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        ],
        art / "prometheus.log",
    ).start()  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:

        def ready() -> bool | None:
            if not process.alive():
                raise AssertionError(f"prometheus exited: {process.log_tail()}")
            try:
                return True if http_get(f"{url}/-/ready")[0] == 200 else None
            except OSError:
                return None

        wait_for("prometheus to be ready", ready, 30, every=0.1)
        yield Prometheus(url, process)
    finally:
        process.stop(grace=5)
