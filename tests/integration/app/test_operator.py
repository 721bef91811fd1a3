"""``Operator`` in-process against fakekube and faketeleport over real sockets."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
import yaml

from teleop.operator.app import FatalError, Operator
from teleop.operator.config import OperatorConfig
from teleop.operator.demo import run_demo
from teleop.operator.demo_samples import apply_samples, resource_type
from teleop.operator.demo_summary import row_for
from teleop.operator.resources import ReconcilerOptions, SetupResult
from teleop.runtime import Manager, ResourceType
from teleop.teleport import Client, types
from tests.integration.app.conftest import NAMESPACE, World, http_get
from tests.unit.operator.samples import SAMPLES_DIR


async def test_runs_serves_probes_and_both_metric_families_and_stops(world: World) -> None:
    operator = Operator(world.config)
    task = asyncio.create_task(operator.run())
    await asyncio.wait_for(operator.wait_ready(), 15)
    assert operator.features.OIDC  # Ping's features reached the operator
    assert operator.setup_result is not None
    assert "TeleportRole" in operator.setup_result.enabled
    assert operator.health_url is not None
    assert operator.metrics_url is not None
    assert await http_get(operator.health_url + "/readyz") == (200, "ok")
    assert await http_get(operator.health_url + "/healthz") == (200, "ok")
    status, body = await http_get(operator.metrics_url)
    assert status == 200
    assert "controller_runtime_reconcile_total" in body
    assert 'teleop_teleport_requests_total{code="OK",method="/proto.AuthService/Ping"}' in body
    await asyncio.wait_for(operator.manager.wait_elected(), 15)
    operator.stop()
    await asyncio.wait_for(task, 15)


async def test_samples_converge_to_ready(world: World) -> None:
    operator = Operator(world.config)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(operator.run())
        await asyncio.wait_for(operator.wait_ready(), 15)
        roles = [s for s in world.samples if s.kind.teleport_kind == "role"]
        await apply_samples(world.client, NAMESPACE, roles)

        async def ready() -> None:
            while True:
                rows = [
                    row_for(
                        s.kind.kind,
                        s.name,
                        await world.client.get(resource_type(s.kind), s.name, namespace=NAMESPACE),
                    )
                    for s in roles
                ]
                if all(r.is_ready for r in rows):
                    return
                await asyncio.sleep(0.05)

        await asyncio.wait_for(ready(), 15)
        assert {r.name for r in world.teleport.log.records(kind="role")} >= {s.name for s in roles}
        operator.stop()


async def test_lease_is_the_leader_election_id_in_the_namespace(world: World) -> None:
    operator = Operator(world.config)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(operator.run())
        await asyncio.wait_for(operator.wait_ready(), 15)
        await asyncio.wait_for(operator.manager.wait_elected(), 15)
        leases = ResourceType("coordination.k8s.io", "v1", "leases", "Lease")
        lease = await world.client.get(leases, "431e83f4.teleport.dev", namespace=NAMESPACE)
        assert lease["spec"]["holderIdentity"]
        operator.stop()


async def test_injected_setup_gets_namespace_features_and_options(world: World) -> None:
    seen: dict[str, object] = {}

    def setup(
        manager: Manager,
        teleport: Client,
        *,
        namespace: str,
        features: types.Features,
        options: ReconcilerOptions | None = None,
    ) -> SetupResult:
        seen.update(
            namespace=namespace, features=features, options=options, identity=teleport.identity
        )
        return SetupResult((), (), (), ())

    config = world.config.model_copy(update={"max_concurrent_reconciles": 7, "leader_elect": False})
    operator = Operator(config, setup=setup)
    async with asyncio.TaskGroup() as tg:
        tg.create_task(operator.run())
        await asyncio.wait_for(operator.wait_ready(), 15)
        operator.stop()
    assert seen["namespace"] == NAMESPACE
    assert seen["identity"] == "operator"
    assert isinstance(seen["options"], ReconcilerOptions)
    assert seen["options"].max_concurrent_reconciles == 7


async def test_unreachable_teleport_fails_the_preflight_in_one_line(world: World) -> None:
    await world.teleport.stop()
    config = world.config.model_copy(update={"preflight_timeout": 0.5})
    operator = Operator(config)
    with pytest.raises(FatalError) as info:
        await asyncio.wait_for(operator.run(), 20)
    message = str(info.value)
    assert message.startswith(f"cannot reach Teleport at {config.auth_server} as operator: ")
    assert "\n" not in message
    with pytest.raises(RuntimeError, match="stopped before it was ready"):
        await operator.wait_ready()


async def test_missing_identity_file_is_fatal(world: World, tmp_path: Path) -> None:
    config = world.config.model_copy(update={"identity_file": str(tmp_path / "nope")})
    with pytest.raises(FatalError, match=r"^--identity-file .*/nope: No such file or directory$"):
        await asyncio.wait_for(Operator(config).run(), 10)


async def test_stop_during_the_preflight_returns(world: World) -> None:
    await world.teleport.stop()
    config = world.config.model_copy(update={"preflight_timeout": 60.0})
    operator = Operator(config)
    task = asyncio.create_task(operator.run())
    await asyncio.sleep(0.3)
    operator.stop()
    await asyncio.wait_for(task, 10)


async def test_demo_in_process_reports_what_is_not_ready_after_the_timeout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "role.yaml").write_text((SAMPLES_DIR / "role.yaml").read_text())
    broken = yaml.safe_load((SAMPLES_DIR / "provisiontoken.yaml").read_text())
    broken["spec"] = {"roles": "not-a-list"}
    (tmp_path / "token.yaml").write_text(yaml.safe_dump(broken))
    config = OperatorConfig(
        demo=True,
        demo_exit_when_ready=True,
        demo_timeout=1.0,
        demo_samples=str(tmp_path),
        namespace="teleop-demo",
    )
    out = io.StringIO()
    assert await asyncio.wait_for(run_demo(config, out=out), 30) == 1
    text = out.getvalue()
    assert "TeleportRole" in text
    assert f"Not Ready after 1s: TeleportProvisionToken/{broken['metadata']['name']}" in text
    err = capsys.readouterr().err
    assert "teleop: sample refused: token.yaml: TeleportProvisionToken/" in err
    assert "the operator's last log lines" in err


async def test_missing_kubeconfig_is_fatal(world: World, tmp_path: Path) -> None:
    config = world.config.model_copy(update={"kubeconfig": str(tmp_path / "nope")})
    with pytest.raises(FatalError, match=r"^--kubeconfig .*/nope: no such file$"):
        await asyncio.wait_for(Operator(config).run(), 10)
