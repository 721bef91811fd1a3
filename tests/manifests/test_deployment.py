"""The teleop Deployment: availability, probes, the restricted security context, resources, and
the tbot sidecar writing the identity file into an in-memory volume that teleop reads."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.manifests.render import KUBECTL, Obj, container, of_kind, one, pod_spec

pytestmark = [
    pytest.mark.kubectl,
    pytest.mark.skipif(KUBECTL is None, reason="kubectl binary not installed"),
]

IDENTITY_DIR = "/var/run/teleop/identity"
LABELS = {"app.kubernetes.io/name": "teleop", "app.kubernetes.io/component": "operator"}


def restricted(ctx: dict[str, Any]) -> None:
    assert ctx["runAsNonRoot"] is True
    assert ctx["runAsUser"] == 65532
    assert ctx["runAsGroup"] == 65532
    assert ctx["readOnlyRootFilesystem"] is True
    assert ctx["allowPrivilegeEscalation"] is False
    assert ctx["capabilities"] == {"drop": ["ALL"]}
    assert ctx["seccompProfile"] == {"type": "RuntimeDefault"}


def test_two_replicas_spread_over_nodes_and_a_disruption_budget(
    rendered: dict[str, list[Obj]],
) -> None:
    objs = rendered["default"]
    deployment = one(objs, "Deployment", "teleop")
    assert deployment["spec"]["replicas"] == 2
    assert deployment["spec"]["selector"]["matchLabels"] == LABELS
    anti = deployment["spec"]["template"]["spec"]["affinity"]["podAntiAffinity"]
    terms = anti["preferredDuringSchedulingIgnoredDuringExecution"]
    assert terms[0]["podAffinityTerm"]["topologyKey"] == "kubernetes.io/hostname"
    assert terms[0]["podAffinityTerm"]["labelSelector"]["matchLabels"] == LABELS
    pdb = one(objs, "PodDisruptionBudget", "teleop")
    assert pdb["spec"] == {"minAvailable": 1, "selector": {"matchLabels": LABELS}}


def test_probes_ports_and_settings_of_the_teleop_container(rendered: dict[str, list[Obj]]) -> None:
    teleop = container(pod_spec(rendered["default"]), "teleop")
    assert teleop["livenessProbe"]["httpGet"] == {"path": "/healthz", "port": 8081}
    assert teleop["readinessProbe"]["httpGet"] == {"path": "/readyz", "port": 8081}
    ports = {p["name"]: p["containerPort"] for p in teleop["ports"]}
    assert ports == {"metrics": 8080, "health": 8081}
    assert "command" not in teleop  # the image's entrypoint: teleop run
    assert "args" not in teleop
    env = {e["name"]: e for e in teleop["env"]}
    assert env["TELEOP_IDENTITY_FILE"]["value"] == f"{IDENTITY_DIR}/identity"
    assert env["POD_NAMESPACE"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.namespace"
    service = one(rendered["default"], "Service", "teleop-metrics")
    assert service["spec"]["ports"] == [
        {"name": "metrics", "port": 8080, "targetPort": "metrics", "protocol": "TCP"}
    ]


def test_restricted_security_context_and_resources_everywhere(
    rendered: dict[str, list[Obj]],
) -> None:
    for overlay, objs in rendered.items():
        for deployment in of_kind(objs, "Deployment"):
            spec = deployment["spec"]["template"]["spec"]
            pod = spec["securityContext"]
            assert pod["runAsNonRoot"] is True, overlay
            assert pod["runAsUser"] == 65532
            assert pod["seccompProfile"] == {"type": "RuntimeDefault"}
            assert spec["automountServiceAccountToken"] is False
            for c in [*spec.get("initContainers", []), *spec["containers"]]:
                restricted(c["securityContext"])
                for bound in ("requests", "limits"):
                    assert set(c["resources"][bound]) == {"cpu", "memory"}, (overlay, c["name"])
                mounts = {m["mountPath"] for m in c["volumeMounts"]}
                assert "/tmp" in mounts, (overlay, c["name"])  # writable scratch, RO root


def test_tbot_sidecar_writes_the_identity_to_a_memory_volume_teleop_reads(
    rendered: dict[str, list[Obj]],
) -> None:
    objs = rendered["default"]
    spec = pod_spec(objs)
    tbot = container(spec, "tbot", init=True)
    assert tbot["restartPolicy"] == "Always"  # a native sidecar: up before teleop starts
    assert tbot["image"].startswith("public.ecr.aws/gravitational/tbot-distroless:")
    assert tbot["args"][:2] == ["start", "--config=/etc/tbot/tbot.yaml"]
    assert tbot["startupProbe"]["httpGet"]["path"] == "/readyz"
    volumes = {v["name"]: v for v in spec["volumes"]}
    assert volumes["identity"]["emptyDir"]["medium"] == "Memory"
    tbot_mounts = {m["name"]: m for m in tbot["volumeMounts"]}
    teleop_mounts = {m["name"]: m for m in container(spec, "teleop")["volumeMounts"]}
    assert tbot_mounts["identity"]["mountPath"] == IDENTITY_DIR
    assert not tbot_mounts["identity"].get("readOnly")
    assert teleop_mounts["identity"] == {
        "name": "identity",
        "mountPath": IDENTITY_DIR,
        "readOnly": True,
    }
    # Kubernetes API credentials for teleop only; the join token for tbot only.
    assert "kube-api-access" in teleop_mounts
    assert "kube-api-access" not in tbot_mounts
    assert "join-sa-token" not in teleop_mounts
    token = volumes["join-sa-token"]["projected"]["sources"][0]["serviceAccountToken"]
    assert token["path"] == "join-sa-token"
    assert token["expirationSeconds"] == 600
    env = {e["name"]: e.get("value") for e in tbot["env"]}
    assert env["KUBERNETES_TOKEN_PATH"] == "/var/run/secrets/tokens/join-sa-token"
    assert tbot_mounts["join-sa-token"]["mountPath"] == "/var/run/secrets/tokens"


def test_tbot_config_is_a_v2_kubernetes_join_with_memory_storage(
    rendered: dict[str, list[Obj]],
) -> None:
    objs = rendered["default"]
    cm = next(c for c in of_kind(objs, "ConfigMap") if "tbot.yaml" in c["data"])
    config = yaml.safe_load(cm["data"]["tbot.yaml"])
    assert config["version"] == "v2"
    assert config["onboarding"]["join_method"] == "kubernetes"
    # tbot reads the token name from this file (teleop-config: join-token)
    assert config["onboarding"]["token"] == "/etc/tbot/join-token"
    assert config["storage"] == {"type": "memory"}
    assert config["outputs"] == [
        {"type": "identity", "destination": {"type": "directory", "path": IDENTITY_DIR}}
    ]
    volumes = {v["name"]: v for v in pod_spec(objs)["volumes"]}
    sources = volumes["tbot-config"]["projected"]["sources"]
    assert sources[0]["configMap"]["name"] == cm["metadata"]["name"]
    assert sources[1]["configMap"]["items"] == [{"key": "join-token", "path": "join-token"}]


def test_teleop_starts_only_after_tbot_wrote_an_identity(rendered: dict[str, list[Obj]]) -> None:
    spec = pod_spec(rendered["default"])
    assert [c["name"] for c in spec["initContainers"]] == ["tbot", "wait-for-identity"]
    wait = container(spec, "wait-for-identity", init=True)
    assert "restartPolicy" not in wait  # a plain init container: it must finish first
    assert wait["image"] == container(spec, "teleop")["image"]
    script = wait["command"][2]
    compile(script, "wait-for-identity", "exec")
    assert f'"{IDENTITY_DIR}/identity"' in script
    mounts = {m["name"]: m for m in wait["volumeMounts"]}
    assert mounts["identity"]["mountPath"] == IDENTITY_DIR
