"""One high-availability scenario's world: a namespace, a faketeleport, a Lease watch, replicas.

Every HA scenario gets its own namespace (``teleop-e2e-<scenario>``) and its own faketeleport, so
scenarios run in parallel (pytest -n) on one cluster without sharing a Lease, CRs or a Teleport
write log. The load is ``TeleportRoleV7`` CRs named ``load-NNN`` (roles are Teleport's cheapest
resource and the kind every cluster has), applied server-side in one request as a user would.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml

from e2e.fleet import LEASE_NAME, Fleet, Teleport, start_teleport
from e2e.harness import Kubectl, http_get_json, wait_for
from e2e.leases import LeaseWatch, watch_leases
from teleop.testing.faketeleport.remote import RemoteControl

__all__ = ["LOAD_PLURAL", "Scenario", "role_docs", "scenario"]

LOAD_PLURAL = "teleportrolesv7.resources.teleport.dev"
T = TypeVar("T")


def role_docs(count: int, *, login: str = "u", start: int = 0) -> list[dict[str, Any]]:
    return [
        {
            "apiVersion": "resources.teleport.dev/v1",
            "kind": "TeleportRoleV7",
            "metadata": {"name": f"load-{i:03d}"},
            "spec": {"allow": {"logins": [f"{login}{i}"]}},
        }
        for i in range(start, start + count)
    ]


@dataclass
class Scenario:
    kubectl: Kubectl
    teleport: Teleport
    leases: LeaseWatch
    fleet: Fleet
    timeout: float

    def remote(self, call: Callable[[RemoteControl], Awaitable[T]]) -> T:
        """Run one RemoteControl call against this scenario's faketeleport."""

        async def run() -> T:
            async with RemoteControl(self.teleport.control) as fake:
                return await call(fake)

        return asyncio.run(run())

    def writes(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = http_get_json(f"{self.teleport.control}/writes")
        return result

    def apply(self, docs: list[dict[str, Any]]) -> None:
        self.kubectl.run("apply", "--server-side", "-f", "-", stdin=yaml.safe_dump_all(docs))

    def ready_count(self) -> tuple[int, int]:
        """(CRs whose Ready is True for their current generation, CRs) of the load kind."""
        items = self.kubectl.get_json(LOAD_PLURAL)["items"]
        ready = 0
        for obj in items:
            status = obj.get("status") or {}
            conds = [c for c in status.get("conditions") or [] if c.get("type") == "Ready"]
            gen = obj["metadata"].get("generation")
            if (
                conds
                and conds[0].get("status") == "True"
                and status.get("observedGeneration", gen) == gen
            ):
                ready += 1
        return ready, len(items)

    def wait_ready(self, count: int) -> None:
        last = [(0, 0)]

        def probe() -> bool | None:
            last[0] = self.ready_count()
            return True if last[0] == (count, count) else None

        try:
            wait_for(f"{count} CRs to be Ready", probe, self.timeout, every=1.0)
        except AssertionError as e:
            raise AssertionError(
                f"{e} (ready, total) = {last[0]}\n{self.fleet.log_tails()}"
            ) from None

    def warning_events(self) -> list[str]:
        events = self.kubectl.get_json("events")["items"]
        return [
            f"{e.get('involvedObject', {}).get('name')}: {e.get('reason')} {e.get('message')}"
            for e in events
            if e.get("type") == "Warning"
        ]


@contextmanager
def scenario(
    kubectl: Kubectl, art: Path, name: str, replicas: int, timeout: float, *, cleanup: bool
) -> Iterator[Scenario]:
    """Namespace ``teleop-e2e-<name>``, faketeleport, Lease watch and ``replicas`` started."""
    ns = f"teleop-e2e-{name}"
    kube = Kubectl(kubectl.binary, kubectl.kubeconfig, ns)
    namespace = {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ns}}
    kube.run("apply", "--server-side", "-f", "-", stdin=json.dumps(namespace))
    art = art / name
    art.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        teleport = stack.enter_context(start_teleport(art))
        leases = stack.enter_context(watch_leases(kube, LEASE_NAME, art / "lease-watch.log"))
        fleet = Fleet(kube, teleport, art, replicas)
        stack.callback(fleet.stop_all)
        if cleanup:  # a cluster that outlives the suite: leave it as found (runs before stop_all)
            stack.callback(kube.run, "delete", "namespace", ns, "--wait=false", check=False)
            stack.callback(kube.run, "delete", LOAD_PLURAL, "--all", "--timeout=60s", check=False)
        fleet.start_all()
        yield Scenario(kube, teleport, leases, fleet, timeout)
