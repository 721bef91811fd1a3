"""The operator's RBAC is least privilege: exactly the grants below, no wildcards, one namespace.

``EXPECTED`` is the whole table of (apiGroup, resource, verb) the Role may grant, each with the
reason teleop needs it. A grant that is not here, or a missing one, fails the test, so widening
the Role is a reviewed change to both files. The Go operator's chart grants ``list`` and ``watch``
on secrets too; teleop reads one named Secret at a time and needs only ``get``.
"""

from __future__ import annotations

from itertools import product

import pytest

from teleop.operator.apis import KINDS
from tests.manifests.render import KUBECTL, NAMESPACE, Obj, of_kind, one

pytestmark = [
    pytest.mark.kubectl,
    pytest.mark.skipif(KUBECTL is None, reason="kubectl binary not installed"),
]

GROUP = "resources.teleport.dev"
PLURALS = (
    "teleportusers", "teleportroles", "teleportrolesv6", "teleportrolesv7", "teleportrolesv8",
    "teleportprovisiontokens", "teleportgithubconnectors", "teleportsamlconnectors",
    "teleportoidcconnectors", "teleportloginrules", "teleportoktaimportrules",
    "teleportbotsv1", "teleportlocks", "teleportdatabasesv3", "teleporttrustedclustersv2",
    "teleportopensshserversv2", "teleportopenssheiceserversv2", "teleportappsv3", "teleportworkloadidentitiesv1",
    "teleportautoupdateconfigsv1", "teleportautoupdateversionsv1", "teleportaccesslists",
)  # fmt: skip

EXPECTED: frozenset[tuple[str, str, str]] = frozenset(
    # informers list and watch the CRs; get, patch and update for finalizers and annotations
    {(GROUP, p, v) for p, v in product(PLURALS, ("get", "list", "watch", "patch", "update"))}
    # the Ready condition, observed generation and revision in each CR's status
    | {(GROUP, f"{p}/status", v) for p, v in product(PLURALS, ("get", "patch", "update"))}
    # leader election
    | {("coordination.k8s.io", "leases", v) for v in ("get", "watch", "create", "update")}
    # the event recorder creates events and patches the count of repeats
    | {("", "events", v) for v in ("create", "patch")}
    # secret://name/key lookups for connector client secrets
    | {("", "secrets", "get")}
)


def grants(role: Obj) -> set[tuple[str, str, str]]:
    out = set()
    for rule in role["rules"]:
        assert not rule.get("resourceNames"), rule
        assert not rule.get("nonResourceURLs"), rule
        for group, resource, verb in product(rule["apiGroups"], rule["resources"], rule["verbs"]):
            out.add((group, resource, verb))
    return out


def test_the_plural_table_covers_every_teleop_kind() -> None:
    assert sorted(PLURALS) == sorted(k.plural for k in KINDS)
    assert {k.group for k in KINDS} == {GROUP}


@pytest.mark.parametrize("overlay", ["default", "prometheus", "remote", "faketeleport"])
def test_role_grants_exactly_the_expected_table(
    overlay: str, rendered: dict[str, list[Obj]]
) -> None:
    objs = rendered[overlay]
    role = one(objs, "Role", "teleop")
    got = grants(role)
    assert not [g for g in got if "*" in "".join(g)], "wildcards are not allowed"
    assert got - EXPECTED == set(), "granted but not expected"
    assert EXPECTED - got == set(), "expected but not granted"
    # Namespaced only: no ClusterRole or ClusterRoleBinding anywhere.
    assert not of_kind(objs, "ClusterRole")
    assert not of_kind(objs, "ClusterRoleBinding")
    assert role["metadata"]["namespace"] == NAMESPACE


def test_the_binding_gives_the_role_to_the_operator_service_account_only(
    rendered: dict[str, list[Obj]],
) -> None:
    objs = rendered["default"]
    binding = one(objs, "RoleBinding", "teleop")
    assert binding["roleRef"] == {
        "apiGroup": "rbac.authorization.k8s.io",
        "kind": "Role",
        "name": "teleop",
    }
    assert binding["subjects"] == [
        {"kind": "ServiceAccount", "name": "teleop", "namespace": NAMESPACE}
    ]
    sa = one(objs, "ServiceAccount", "teleop")
    assert sa["automountServiceAccountToken"] is False
    spec = one(objs, "Deployment", "teleop")["spec"]["template"]["spec"]
    assert spec["serviceAccountName"] == "teleop"
