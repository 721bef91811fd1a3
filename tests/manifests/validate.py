"""A structural check of rendered objects of the kinds fakekube does not serve.

fakekube serves namespaces, secrets, configmaps, serviceaccounts, events, leases and CRDs (and the
custom resources they define), so a server-side dry run there covers those. For the rest
(Deployment, Service, PodDisruptionBudget, Role, RoleBinding, ServiceMonitor) this module checks
the fields the API server would require and, more usefully, the references between objects that
no schema catches: a Service or PDB selecting the Deployment's pods, a probe or Service naming a
port that exists, an env var or volume naming a ConfigMap key that is rendered, a RoleBinding
naming the Role and ServiceAccount beside it, a ServiceMonitor selecting the metrics Service.
``problems(objs)`` returns one line per finding; an empty list means the set is consistent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from teleop.testing.fakekube.resources import builtin_types

Obj = dict[str, Any]

_DNS_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")
_DNS_SUBDOMAIN = re.compile(r"^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$")
_QUANTITY = re.compile(r"^\d+(\.\d+)?(m|k|M|G|Ki|Mi|Gi)?$")
_RBAC_VERBS = frozenset(
    {"get", "list", "watch", "create", "update", "patch", "delete", "deletecollection"}
)
_CLUSTER_SCOPED = frozenset({"Namespace", "CustomResourceDefinition", "ClusterRole"})
# Objects the manifests refer to that the user or Kubernetes provides.
EXTERNAL_CONFIGMAPS = frozenset({"kube-root-ca.crt"})
EXTERNAL_SECRETS = frozenset({"teleop-identity"})


def served_by_fakekube() -> frozenset[tuple[str, str]]:
    """(apiVersion, kind) of the built-in types fakekube serves (plus CRDs' own objects)."""
    out = set()
    for rt in builtin_types():
        for version in rt.versions:
            out.add((f"{rt.group}/{version}" if rt.group else version, rt.kind))
    return frozenset(out)


def _name(o: Obj) -> str:
    return f"{o.get('kind')}/{(o.get('metadata') or {}).get('name')}"


def _matches(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


class _Checker:
    def __init__(self, objs: list[Obj]) -> None:
        self.objs = objs
        self.out: list[str] = []

    def bad(self, o: Obj, msg: str) -> None:
        self.out.append(f"{_name(o)}: {msg}")

    def of(self, kind: str, namespace: str | None) -> Iterator[Obj]:
        for o in self.objs:
            if o["kind"] == kind and o["metadata"].get("namespace") == namespace:
                yield o

    def named(self, kind: str, name: str, namespace: str | None) -> Obj | None:
        return next((o for o in self.of(kind, namespace) if o["metadata"]["name"] == name), None)

    # -- common --------------------------------------------------------------------------------

    def common(self, o: Obj) -> None:
        meta = o.get("metadata") or {}
        if not o.get("apiVersion"):
            self.bad(o, "apiVersion is required")
        if not _DNS_SUBDOMAIN.match(meta.get("name") or ""):
            self.bad(o, f"metadata.name {meta.get('name')!r} is not a DNS-1123 subdomain")
        scoped = o["kind"] in _CLUSTER_SCOPED
        if scoped and meta.get("namespace"):
            self.bad(o, "cluster-scoped object with a namespace")
        if not scoped and not meta.get("namespace"):
            self.bad(o, "namespaced object without metadata.namespace")

    # -- workloads ---------------------------------------------------------------------------

    def deployment(self, o: Obj) -> None:
        ns = o["metadata"].get("namespace")
        spec = o.get("spec") or {}
        if not isinstance(spec.get("replicas", 1), int) or spec.get("replicas", 1) < 1:
            self.bad(o, "spec.replicas must be a positive integer")
        selector = (spec.get("selector") or {}).get("matchLabels") or {}
        template = spec.get("template") or {}
        labels = (template.get("metadata") or {}).get("labels") or {}
        if not _matches(selector, labels):
            self.bad(o, "spec.selector.matchLabels must match the template's labels")
        self.pod(o, template.get("spec") or {}, ns)

    def pod(self, o: Obj, pod: Obj, ns: str | None) -> None:
        containers = list(pod.get("containers") or [])
        inits = list(pod.get("initContainers") or [])
        if not containers:
            self.bad(o, "a pod needs at least one container")
        volumes = {v.get("name"): v for v in pod.get("volumes") or []}
        for name, v in volumes.items():
            sources = [k for k in v if k != "name"]
            if len(sources) != 1:
                self.bad(o, f"volume {name} must have exactly one source, has {sources}")
            self.volume_refs(o, v, ns)
        sa = pod.get("serviceAccountName")
        if sa and self.named("ServiceAccount", sa, ns) is None:
            self.bad(o, f"serviceAccountName {sa} is not rendered in {ns}")
        seen_names: set[str] = set()
        port_names: set[str] = set()
        for c in inits + containers:
            cname = c.get("name") or ""
            if not _DNS_LABEL.match(cname) or cname in seen_names:
                self.bad(o, f"container name {cname!r} invalid or repeated")
            seen_names.add(cname)
            if not c.get("image"):
                self.bad(o, f"container {cname}: image is required")
            if c in inits and c.get("restartPolicy") not in (None, "Always"):
                self.bad(o, f"init container {cname}: restartPolicy may only be Always")
            own_ports = set()
            for p in c.get("ports") or []:
                num, pname = p.get("containerPort"), p.get("name")
                if not isinstance(num, int) or not 0 < num < 65536:
                    self.bad(o, f"container {cname}: containerPort {num!r}")
                if pname is not None:
                    if len(pname) > 15 or pname in port_names:
                        self.bad(o, f"port name {pname!r} too long or repeated")
                    port_names.add(pname)
                    own_ports.add(pname)
            for probe in ("livenessProbe", "readinessProbe", "startupProbe"):
                action = (c.get(probe) or {}).get("httpGet") or (c.get(probe) or {}).get(
                    "tcpSocket"
                )
                if action is not None:
                    port = action.get("port")
                    if isinstance(port, str) and port not in own_ports:
                        self.bad(o, f"container {cname}: {probe} names unknown port {port}")
            for m in c.get("volumeMounts") or []:
                if m.get("name") not in volumes:
                    self.bad(o, f"container {cname}: mount of unknown volume {m.get('name')}")
                if not str(m.get("mountPath", "")).startswith("/"):
                    self.bad(o, f"container {cname}: mountPath must be absolute")
            for e in c.get("env") or []:
                ref = (e.get("valueFrom") or {}).get("configMapKeyRef")
                if ref is not None:
                    self.configmap_key(o, ref.get("name"), ref.get("key"), ns)
            for bound in ("requests", "limits"):
                for res, q in ((c.get("resources") or {}).get(bound) or {}).items():
                    if not _QUANTITY.match(str(q)):
                        self.bad(o, f"container {cname}: {bound}.{res} {q!r} is no quantity")

    def volume_refs(self, o: Obj, v: Obj, ns: str | None) -> None:
        sources = [v]
        sources += (v.get("projected") or {}).get("sources") or []
        for s in sources:
            cm = s.get("configMap")
            if cm is not None:
                if cm.get("name") in EXTERNAL_CONFIGMAPS:
                    continue
                if not cm.get("items"):
                    self.configmap_key(o, cm.get("name"), None, ns)
                for item in cm.get("items") or []:
                    self.configmap_key(o, cm.get("name"), item.get("key"), ns)
            secret = s.get("secret")
            if secret is not None:
                name = secret.get("secretName") or secret.get("name")
                if name not in EXTERNAL_SECRETS and self.named("Secret", name, ns) is None:
                    self.bad(o, f"volume {v.get('name')}: Secret {name} is not rendered")

    def configmap_key(self, o: Obj, name: str | None, key: str | None, ns: str | None) -> None:
        cm = self.named("ConfigMap", name or "", ns)
        if cm is None:
            self.bad(o, f"ConfigMap {name} is not rendered in {ns}")
        elif key is not None and key not in (cm.get("data") or {}):
            self.bad(o, f"ConfigMap {name} has no key {key}")

    def pods_selected(self, selector: dict[str, str], ns: str | None) -> list[Obj]:
        return [
            d
            for d in self.of("Deployment", ns)
            if _matches(selector, d["spec"]["template"]["metadata"].get("labels") or {})
        ]

    def service(self, o: Obj) -> None:
        ns = o["metadata"].get("namespace")
        spec = o.get("spec") or {}
        targets = self.pods_selected(spec.get("selector") or {}, ns)
        if not targets:
            self.bad(o, "spec.selector selects no rendered Deployment's pods")
        names = {
            p.get("name")
            for d in targets
            for c in d["spec"]["template"]["spec"].get("containers") or []
            for p in c.get("ports") or []
        }
        if not spec.get("ports"):
            self.bad(o, "spec.ports is required")
        for p in spec.get("ports") or []:
            if not isinstance(p.get("port"), int):
                self.bad(o, f"port {p.get('name')}: port must be an integer")
            target = p.get("targetPort", p.get("port"))
            if isinstance(target, str) and target not in names:
                self.bad(o, f"port {p.get('name')}: targetPort {target} names no container port")

    def pdb(self, o: Obj) -> None:
        ns = o["metadata"].get("namespace")
        spec = o.get("spec") or {}
        if ("minAvailable" in spec) == ("maxUnavailable" in spec):
            self.bad(o, "exactly one of minAvailable and maxUnavailable")
        targets = self.pods_selected((spec.get("selector") or {}).get("matchLabels") or {}, ns)
        if not targets:
            self.bad(o, "spec.selector selects no rendered Deployment's pods")
        for d in targets:
            minimum = spec.get("minAvailable")
            if isinstance(minimum, int) and minimum >= d["spec"].get("replicas", 1):
                self.bad(o, f"minAvailable leaves {_name(d)} no voluntary disruption")

    # -- RBAC and monitoring -----------------------------------------------------------------

    def role(self, o: Obj) -> None:
        if not o.get("rules"):
            self.bad(o, "rules must not be empty")
        for i, rule in enumerate(o.get("rules") or []):
            if not isinstance(rule.get("apiGroups"), list):
                self.bad(o, f"rules[{i}].apiGroups is required")
            if not rule.get("resources"):
                self.bad(o, f"rules[{i}].resources is required")
            verbs = set(rule.get("verbs") or [])
            if not verbs or not verbs <= _RBAC_VERBS:
                self.bad(o, f"rules[{i}].verbs {sorted(verbs)} empty or unknown")

    def role_binding(self, o: Obj) -> None:
        ns = o["metadata"].get("namespace")
        ref = o.get("roleRef") or {}
        if ref.get("apiGroup") != "rbac.authorization.k8s.io" or ref.get("kind") != "Role":
            self.bad(o, "roleRef must be a rbac.authorization.k8s.io Role")
        elif self.named("Role", ref.get("name") or "", ns) is None:
            self.bad(o, f"roleRef names Role {ref.get('name')}, not rendered in {ns}")
        if not o.get("subjects"):
            self.bad(o, "subjects must not be empty")
        for s in o.get("subjects") or []:
            if s.get("kind") != "ServiceAccount":
                self.bad(o, f"subject kind {s.get('kind')} (only ServiceAccounts expected)")
            elif self.named("ServiceAccount", s.get("name") or "", s.get("namespace")) is None:
                self.bad(o, f"subject {s.get('namespace')}/{s.get('name')} is not rendered")

    def service_monitor(self, o: Obj) -> None:
        ns = o["metadata"].get("namespace")
        spec = o.get("spec") or {}
        selector = (spec.get("selector") or {}).get("matchLabels") or {}
        services = [
            s
            for s in self.of("Service", ns)
            if _matches(selector, s["metadata"].get("labels") or {})
        ]
        if not services:
            self.bad(o, "spec.selector selects no rendered Service")
        ports = {p.get("name") for s in services for p in s["spec"].get("ports") or []}
        if not spec.get("endpoints"):
            self.bad(o, "spec.endpoints must not be empty")
        for e in spec.get("endpoints") or []:
            if e.get("port") not in ports:
                self.bad(o, f"endpoint port {e.get('port')} is not a port of the selected Service")


CHECKS: dict[tuple[str, str], Callable[[_Checker, Obj], None]] = {
    ("apps/v1", "Deployment"): _Checker.deployment,
    ("v1", "Service"): _Checker.service,
    ("policy/v1", "PodDisruptionBudget"): _Checker.pdb,
    ("rbac.authorization.k8s.io/v1", "Role"): _Checker.role,
    ("rbac.authorization.k8s.io/v1", "RoleBinding"): _Checker.role_binding,
    ("monitoring.coreos.com/v1", "ServiceMonitor"): _Checker.service_monitor,
}


def problems(objs: list[Obj], only: frozenset[tuple[str, str]] | None = None) -> list[str]:
    """Findings for every object (or those whose (apiVersion, kind) is in ``only``); objects of
    a kind with no check here are findings too, so a new kind is a deliberate addition."""
    checker = _Checker(objs)
    for o in objs:
        key = (o.get("apiVersion", ""), o.get("kind", ""))
        if only is not None and key not in only:
            continue
        checker.common(o)
        check = CHECKS.get(key)
        if check is None:
            checker.bad(o, f"no structural check for {key[0]} {key[1]}")
        else:
            check(checker, o)
    return checker.out
