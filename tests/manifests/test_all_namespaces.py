"""``manifests/all-namespaces``: least privilege for ``teleop run --all-namespaces``.

The ClusterRole grants exactly the CR kinds (the same plural table as the namespaced Role of
``test_rbac``, whose rules kustomize copies), their status, Events (written in each CR's namespace) and ``get`` on Secrets,
bound to teleop's ServiceAccount only; the namespaced Role keeps just the Lease and the
operator-level Events in teleop-system. No wildcards, no ``list``/``watch`` on Secrets.
"""

from __future__ import annotations

from itertools import product

import pytest

from tests.manifests.render import KUBECTL, MANIFESTS, NAMESPACE, Obj, container, one, pod_spec
from tests.manifests.render import render as render_overlay
from tests.manifests.test_rbac import GROUP, PLURALS, grants
from tests.manifests.validate import problems

pytestmark = [
    pytest.mark.kubectl,
    pytest.mark.skipif(KUBECTL is None, reason="kubectl binary not installed"),
]

CLUSTER: frozenset[tuple[str, str, str]] = frozenset(
    # informers list and watch the CRs of every namespace; patch and update for finalizers
    {(GROUP, p, v) for p, v in product(PLURALS, ("get", "list", "watch", "patch", "update"))}
    # each CR's status
    | {(GROUP, f"{p}/status", v) for p, v in product(PLURALS, ("get", "patch", "update"))}
    # Events about a CR live in the CR's namespace
    | {("", "events", v) for v in ("create", "patch")}
    # secret://name/key, read from the CR's namespace, one named Secret at a time
    | {("", "secrets", "get")}
)
OWN: frozenset[tuple[str, str, str]] = frozenset(
    {("coordination.k8s.io", "leases", v) for v in ("get", "watch", "create", "update")}
    | {("", "events", v) for v in ("create", "patch")}
)


@pytest.fixture(scope="module")
def objs() -> list[Obj]:
    return render_overlay(MANIFESTS / "all-namespaces")


def test_cluster_role_grants_exactly_the_table(objs: list[Obj]) -> None:
    role = one(objs, "ClusterRole", "teleop-all-namespaces")
    got = grants(role)
    assert not [g for g in got if "*" in "".join(g)], "wildcards are not allowed"
    assert got - CLUSTER == set(), "granted but not expected"
    assert CLUSTER - got == set(), "expected but not granted"
    assert ("", "secrets", "list") not in got
    assert ("", "secrets", "watch") not in got


def test_the_namespaced_role_keeps_only_the_lease_and_operator_events(objs: list[Obj]) -> None:
    role = one(objs, "Role", "teleop")
    assert role["metadata"]["namespace"] == NAMESPACE
    assert grants(role) == set(OWN)


def test_the_cluster_binding_names_the_cluster_role_and_the_service_account_only(
    objs: list[Obj],
) -> None:
    binding = one(objs, "ClusterRoleBinding", "teleop-all-namespaces")
    assert binding["roleRef"] == {
        "apiGroup": "rbac.authorization.k8s.io",
        "kind": "ClusterRole",
        "name": "teleop-all-namespaces",
    }
    assert binding["subjects"] == [
        {"kind": "ServiceAccount", "name": "teleop", "namespace": NAMESPACE}
    ]
    one(objs, "ServiceAccount", "teleop")


def test_the_operator_runs_with_all_namespaces_and_its_lease_stays_home(objs: list[Obj]) -> None:
    env = {e["name"]: e for e in container(pod_spec(objs), "teleop")["env"]}
    assert env["TELEOP_ALL_NAMESPACES"]["value"] == "true"
    assert "TELEOP_NAMESPACES" not in env
    assert env["POD_NAMESPACE"]["valueFrom"]["fieldRef"]["fieldPath"] == "metadata.namespace"
    only = frozenset(
        {("rbac.authorization.k8s.io/v1", "Role"), ("rbac.authorization.k8s.io/v1", "RoleBinding")}
    )
    assert problems(objs, only=only) == []
