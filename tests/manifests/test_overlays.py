"""Every overlay renders, and what it renders would be accepted by an API server.

Objects of the kinds fakekube serves go through ``kubectl apply --server-side --dry-run=server``
against a fakekube on loopback (after creating the Namespace for real, as the first apply would);
the rest (Deployment, Service, PodDisruptionBudget, Role, RoleBinding, ServiceMonitor) through
the structural and cross-reference check in ``validate``.
"""

from __future__ import annotations

import asyncio
import copy
import os
from pathlib import Path

import pytest
import yaml

from teleop.operator.apis import KINDS
from teleop.testing.fakekube import FakeKube
from tests.manifests.render import (
    KUBECTL,
    MANIFESTS,
    NAMESPACE,
    OVERLAYS,
    Obj,
    container,
    of_kind,
    one,
    pod_spec,
    render,
)
from tests.manifests.validate import problems, served_by_fakekube

pytestmark = [
    pytest.mark.kubectl,
    pytest.mark.skipif(KUBECTL is None, reason="kubectl binary not installed"),
]


def kinds(objs: list[Obj]) -> list[str]:
    return sorted({o["kind"] for o in objs})


def test_every_overlay_renders_its_objects_in_one_namespace(
    rendered: dict[str, list[Obj]],
) -> None:
    base = [
        "ConfigMap", "CustomResourceDefinition", "Deployment", "Namespace",
        "PodDisruptionBudget", "Role", "RoleBinding", "Service", "ServiceAccount",
    ]  # fmt: skip
    assert kinds(rendered["default"]) == base
    assert kinds(rendered["prometheus"]) == sorted([*base, "ServiceMonitor"])
    assert kinds(rendered["remote"]) == base
    assert kinds(rendered["faketeleport"]) == base
    for name, objs in rendered.items():
        assert len(of_kind(objs, "CustomResourceDefinition")) == len(KINDS), name
        assert one(objs, "Namespace")["metadata"]["name"] == NAMESPACE
        for o in objs:
            if o["kind"] not in ("Namespace", "CustomResourceDefinition"):
                assert o["metadata"].get("namespace") == NAMESPACE, (name, o["metadata"])


def test_building_blocks_render_on_their_own() -> None:
    assert kinds(render(MANIFESTS / "rbac")) == ["Role", "RoleBinding", "ServiceAccount"]
    assert "Deployment" in kinds(render(MANIFESTS / "deploy"))


def test_settings_reach_both_containers_through_the_generated_configmap(
    rendered: dict[str, list[Obj]],
) -> None:
    objs = rendered["default"]
    spec = pod_spec(objs)
    config = next(c for c in of_kind(objs, "ConfigMap") if c["data"].get("join-token"))
    assert config["metadata"]["name"].startswith("teleop-config-")  # hashed: edits roll pods
    teleop_env = {e["name"]: e for e in container(spec, "teleop")["env"]}
    tbot_env = {e["name"]: e for e in container(spec, "tbot", init=True)["env"]}
    for env in (teleop_env["TELEOP_AUTH_SERVER"], tbot_env["TELEPORT_AUTH_SERVER"]):
        assert env["valueFrom"]["configMapKeyRef"] == {
            "name": config["metadata"]["name"],
            "key": "auth-server",
        }
    assert "--auth-server=$(TELEPORT_AUTH_SERVER)" in container(spec, "tbot", init=True)["args"]


AUDIENCE_PATCH = """\
apiVersion: apps/v1
kind: Deployment
metadata: {name: teleop}
spec:
  template:
    spec:
      volumes:
        - name: join-sa-token
          projected:
            sources:
              - serviceAccountToken:
                  {path: join-sa-token, expirationSeconds: 600, audience: teleport.acme.test}
"""


def test_an_overlay_sets_token_auth_server_and_cluster_name(tmp_path: Path) -> None:
    """What manifests/deploy/kustomization.yaml documents: a configMapGenerator merge for the
    settings and a patch for the token audience."""
    (tmp_path / "kustomization.yaml").write_text(
        yaml.safe_dump(
            {
                "apiVersion": "kustomize.config.k8s.io/v1beta1",
                "kind": "Kustomization",
                "resources": [os.path.relpath(MANIFESTS / "default", tmp_path)],
                "configMapGenerator": [
                    {
                        "name": "teleop-config",
                        "behavior": "merge",
                        "literals": [
                            "join-token=my-bot-token",
                            "auth-server=teleport.acme.test:443",
                        ],
                    }
                ],
                "patches": [{"patch": AUDIENCE_PATCH}],
            }
        ),
        encoding="utf-8",
    )
    objs = render(tmp_path)
    config = next(c for c in of_kind(objs, "ConfigMap") if c["data"].get("join-token"))
    assert config["data"]["join-token"] == "my-bot-token"
    assert config["data"]["auth-server"] == "teleport.acme.test:443"
    volumes = {v["name"]: v for v in pod_spec(objs)["volumes"]}
    token = volumes["join-sa-token"]["projected"]["sources"][0]["serviceAccountToken"]
    assert token["audience"] == "teleport.acme.test"
    tbot_sources = volumes["tbot-config"]["projected"]["sources"]
    assert tbot_sources[1]["configMap"]["name"] == config["metadata"]["name"]
    tbot = container(pod_spec(objs), "tbot", init=True)
    assert tbot["env"][0]["valueFrom"]["configMapKeyRef"]["name"] == config["metadata"]["name"]


def test_remote_overlay_syncs_the_identity_secret_instead_of_running_tbot(
    rendered: dict[str, list[Obj]],
) -> None:
    script = (MANIFESTS / "remote" / "identity_sync.py").read_text(encoding="utf-8")
    for name in ("remote", "faketeleport"):
        objs = rendered[name]
        spec = pod_spec(objs)
        assert [c["name"] for c in spec["initContainers"]] == ["identity-sync"], name
        sync = container(spec, "identity-sync", init=True)
        assert sync["restartPolicy"] == "Always"
        assert sync["image"] == container(spec, "teleop")["image"]
        assert sync["command"] == ["/opt/venv/bin/python", "/etc/identity-sync/identity_sync.py"]
        assert "exec" in sync["startupProbe"]
        volumes = {v["name"]: v for v in spec["volumes"]}
        assert set(volumes) == {
            "identity", "identity-secret", "identity-sync", "sync-tmp", "kube-api-access", "tmp",
        }, name  # fmt: skip
        assert volumes["identity"]["emptyDir"]["medium"] == "Memory"
        secret = volumes["identity-secret"]["secret"]
        assert secret["secretName"] == "teleop-identity"
        assert secret["items"] == [{"key": "identity", "path": "identity"}]
        mounts = {m["name"]: m["mountPath"] for m in sync["volumeMounts"]}
        env = {e["name"]: e["value"] for e in sync["env"]}
        assert env["IDENTITY_SOURCE"] == mounts["identity-secret"] + "/identity"
        assert env["IDENTITY_FILE"] == mounts["identity"] + "/identity"
        teleop_env = {e["name"]: e for e in container(spec, "teleop")["env"]}
        assert teleop_env["TELEOP_IDENTITY_FILE"]["value"] == env["IDENTITY_FILE"]
        teleop_mounts = {m["name"] for m in container(spec, "teleop")["volumeMounts"]}
        assert "identity-secret" not in teleop_mounts  # teleop reads only the private copy
        assert one(objs, "ConfigMap", "teleop-identity-sync")["data"] == {
            "identity_sync.py": script
        }
        assert not [c for c in of_kind(objs, "ConfigMap") if "tbot.yaml" in c["data"]]
    fake = rendered["faketeleport"]
    config = next(c for c in of_kind(fake, "ConfigMap") if c["data"].get("auth-server"))
    assert config["data"]["auth-server"] == "faketeleport:3025"
    faketeleport = container(pod_spec(fake, "faketeleport"), "faketeleport")
    assert faketeleport["image"] == container(pod_spec(fake), "teleop")["image"]
    assert faketeleport["command"][-2:] == ["-m", "teleop.testing.faketeleport"]


def test_the_servicemonitor_component_joins_another_overlay(tmp_path: Path) -> None:
    (tmp_path / "kustomization.yaml").write_text(
        yaml.safe_dump(
            {
                "apiVersion": "kustomize.config.k8s.io/v1beta1",
                "kind": "Kustomization",
                "namespace": NAMESPACE,
                "resources": [os.path.relpath(MANIFESTS / "remote", tmp_path)],
                "components": [
                    os.path.relpath(MANIFESTS / "prometheus" / "servicemonitor", tmp_path)
                ],
            }
        ),
        encoding="utf-8",
    )
    objs = render(tmp_path)
    monitor = one(objs, "ServiceMonitor", "teleop")
    assert monitor["metadata"]["namespace"] == NAMESPACE
    assert problems(objs, only=frozenset(_unserved_keys(objs))) == []


def test_unserved_kinds_pass_the_structural_check(rendered: dict[str, list[Obj]]) -> None:
    served = served_by_fakekube() | {("apiextensions.k8s.io/v1", "CustomResourceDefinition")}
    for name, objs in rendered.items():
        unserved = frozenset(
            (o["apiVersion"], o["kind"]) for o in objs if (o["apiVersion"], o["kind"]) not in served
        )
        assert problems(objs, only=unserved) == [], name


def test_the_structural_check_finds_broken_references(rendered: dict[str, list[Obj]]) -> None:
    objs = copy.deepcopy(rendered["prometheus"])
    spec = pod_spec(objs)
    container(spec, "teleop")["env"][1]["valueFrom"]["configMapKeyRef"]["key"] = "nope"
    container(spec, "teleop")["readinessProbe"]["httpGet"]["port"] = "helth"
    one(objs, "Service")["spec"]["selector"] = {"app": "other"}
    one(objs, "RoleBinding")["subjects"][0]["name"] = "someone"
    one(objs, "ServiceMonitor")["spec"]["endpoints"][0]["port"] = "http"
    one(objs, "PodDisruptionBudget")["spec"]["maxUnavailable"] = 1
    found = "\n".join(problems(objs, only=frozenset(_unserved_keys(objs))))
    for needle in (
        "has no key nope",
        "names unknown port helth",
        "Service/teleop-metrics: spec.selector selects no",
        "subject teleop-system/someone",
        "endpoint port http",
        "exactly one of minAvailable and maxUnavailable",
    ):
        assert needle in found, needle


def _unserved_keys(objs: list[Obj]) -> set[tuple[str, str]]:
    served = served_by_fakekube() | {("apiextensions.k8s.io/v1", "CustomResourceDefinition")}
    return {(o["apiVersion"], o["kind"]) for o in objs} - served


async def kubectl(kubeconfig: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    assert KUBECTL is not None
    proc = await asyncio.create_subprocess_exec(
        KUBECTL, "--kubeconfig", str(kubeconfig), *args,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )  # fmt: skip
    out, _ = await proc.communicate(stdin.encode() if stdin is not None else None)
    assert proc.returncode is not None
    return proc.returncode, out.decode()


@pytest.mark.parametrize("overlay", OVERLAYS)
async def test_served_kinds_pass_a_server_side_dry_run_on_fakekube(
    overlay: str, rendered: dict[str, list[Obj]], fakekube: FakeKube, tmp_path: Path
) -> None:
    kc = fakekube.write_kubeconfig(tmp_path / "kubeconfig")
    served = served_by_fakekube() | {("apiextensions.k8s.io/v1", "CustomResourceDefinition")}
    objs = [o for o in rendered[overlay] if (o["apiVersion"], o["kind"]) in served]
    assert {o["kind"] for o in objs} == {
        "Namespace", "CustomResourceDefinition", "ServiceAccount", "ConfigMap",
    }  # fmt: skip
    # The namespace must exist before anything can be dry-run into it, as with a real apply.
    code, out = await kubectl(
        kc, "apply", "--server-side", "-f", "-", stdin=yaml.safe_dump(one(objs, "Namespace"))
    )
    assert code == 0, out
    code, out = await kubectl(
        kc, "apply", "--server-side", "--dry-run=server", "--field-manager=teleop-test",
        "-f", "-", stdin=yaml.safe_dump_all(objs),
    )  # fmt: skip
    assert code == 0, out
    assert out.count("serverside-applied (server dry run)") == len(objs), out
    # Nothing but the namespace was stored.
    for resource in ("customresourcedefinitions", "configmaps", "serviceaccounts"):
        code, out = await kubectl(kc, "get", resource, "-A", "-o", "name")
        assert code == 0, out
        assert out.strip() == "", (resource, out)
