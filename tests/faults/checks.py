"""What every fault test checks once the fault has cleared, and the retry counters it reads.

- ``assert_converged``: the CRs in the namespace are exactly the expected ones, each Ready for its
  current generation; Teleport holds exactly one owned object per CR (none lost, none left
  behind) and the unowned objects the test planted are untouched.
- ``assert_only_owned_writes``: every write the operator made in Teleport named one of the CRs
  (no unowned object written).
- ``Counters``: reconcile errors, work-queue retries and Teleport attempts from the operator's
  registry, so a test can bound them against what a hot loop would do in the fault window.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from teleop.operator.apis import KindSpec
from teleop.testing.faketeleport.store import Kind
from tests.contract.harness import Env, OperatorRun, cr_path, describe, eventually, is_ready

ORIGIN = "teleport.dev/origin"


async def cr_names(env: Env, kind: KindSpec) -> dict[str, dict[str, Any]]:
    r = await env.api.get(cr_path(kind, env.namespace))
    assert r.status == 200, r.body
    return {cr["metadata"]["name"]: cr for cr in r.body["items"]}


def owned_in_teleport(env: Env, store_kind: Kind) -> set[str]:
    out = set()
    for obj in env.teleport.store.list(store_kind):
        md = store_kind.metadata(obj)
        if md.Labels.get(ORIGIN) == "kubernetes":
            out.add(md.Name)
    return out


async def assert_converged(
    env: Env,
    kind: KindSpec,
    store_kind: Kind,
    expected: Collection[str],
    *,
    unowned: Mapping[str, str] | None = None,
    timeout: float = 30.0,  # noqa: ASYNC109
) -> None:
    """Eventually: CRs == expected, all Ready; Teleport's owned objects == expected; the
    ``unowned`` objects (name → revision) are still there at that revision."""
    want = set(expected)

    async def converged() -> bool:
        crs = await cr_names(env, kind)
        assert set(crs) == want, f"CRs: missing {want - set(crs)}, extra {set(crs) - want}"
        not_ready = {n: describe(cr) for n, cr in crs.items() if not is_ready(cr)}
        assert not not_ready, f"{len(not_ready)} not Ready, e.g. {next(iter(not_ready.items()))}"
        got = owned_in_teleport(env, store_kind)
        assert got == want, (
            f"Teleport: lost {sorted(want - got)[:5]}, left {sorted(got - want)[:5]}"
        )
        return True

    await eventually(converged, timeout, interval=0.1, what=f"{kind.kind}s to converge")
    for name, revision in (unowned or {}).items():
        obj = env.teleport.store.get(store_kind, name)
        md = store_kind.metadata(obj)
        assert md.Revision == revision, f"the unowned {name} was written"
        assert md.Labels.get(ORIGIN) != "kubernetes"


def assert_only_owned_writes(env: Env, allowed: Collection[str]) -> None:
    """Every Teleport write of the operator names a CR in ``allowed``."""
    stray = sorted({w.name for w in env.teleport_writes()} - set(allowed))
    assert stray == [], f"the operator wrote objects no CR names: {stray}"


@dataclass(frozen=True)
class Counters:
    errors: float
    retries: float
    teleport: float
    races: float
    """409 Conflict and 404 NotFound answers: the CR changed or went while being reconciled."""


def _sum(op: OperatorRun, family_name: str, **labels: str) -> float:
    total = 0.0
    for family in op.registry.collect():
        if family.name != family_name:
            continue
        for sample in family.samples:
            if sample.name.endswith("_total") and all(
                sample.labels.get(k) == v for k, v in labels.items()
            ):
                total += sample.value
    return total


def counters(op: OperatorRun, kind: KindSpec) -> Counters:
    """Reconcile errors and work-queue retries of ``kind``'s controller, all Teleport attempts,
    and the API server's 409 and 404 answers (races with the test's writes, not faults)."""
    controller = kind.kind.lower()
    errors = op.metric("controller_runtime_reconcile_errors_total", {"controller": controller})
    retries = op.metric("workqueue_retries_total", {"name": controller, "controller": controller})
    races = _sum(op, "rest_client_requests", code="409")
    races += _sum(op, "rest_client_requests", code="404")
    return Counters(errors, retries, op.teleport_calls(""), races)
