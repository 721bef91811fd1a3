"""Per-kind primitives for the contract suite, like the Go testlib's ``ResourceTestingPrimitives``.

For every kind of ``KINDS``: a valid spec (from ``manifests/samples``, with ``secret://``
references replaced by literals so the generic scenarios need no Secret), a modified spec whose
difference is visible in Teleport, a stale spec for objects that exist before their CR, what must
exist in Teleport first (users name roles), and how to write, read, delete and compare the
Teleport object with ``teleop.teleport.Client`` as an admin with ``tctl`` would.

Comparison is by containment of the JSON forms: every field the CR sets must be in Teleport with
the same value (after the same normalisation, e.g. ``8h`` → ``8h0m0s``), while Teleport may add
defaults. Secrets are left out because Teleport never returns them on a read without secrets.
"""

from __future__ import annotations

import copy
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from google.protobuf.message import Message

from teleop.operator.apis import KINDS, KindSpec
from teleop.operator.apis.conventions import ORIGIN_KUBERNETES, ORIGIN_LABEL
from teleop.teleport import Client
from teleop.teleport.convert import decode, encode
from tests.unit.operator.samples import load_sample

Spec = dict[str, Any]

CONNECTORS = ("github", "oidc", "saml")
SECRET_FIELDS = ("client_secret", "token")  # token: a trusted cluster's, may be secret://
# Teleport kind: the Client methods an admin's write, read and delete go through.
TCTL_CALLS = {
    "lock": ("upsert_lock", "get_lock", "delete_lock"),
    "node": ("upsert_node", "get_node", "delete_node"),
    "app": ("create_app", "get_app", "delete_app"),
    "db": ("create_database", "get_database", "delete_database"),
    "trusted_cluster": ("create_trusted_cluster", "get_trusted_cluster", "delete_trusted_cluster"),
    "access_list": ("upsert_access_list", "get_access_list", "delete_access_list"),
}


def contains(whole: Any, part: Any) -> bool:
    """``whole`` is ``part`` plus server defaults (extra keys, zero values filled in)."""
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            k in whole and contains(whole[k], v) for k, v in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(whole) == len(part)
            and all(contains(w, p) for w, p in zip(whole, part, strict=True))
        )
    return bool(whole == part) or part in ("", False, 0, None)


def teleport_json(
    kind: KindSpec,
    name: str,
    spec: Mapping[str, Any],
    *,
    labels: Mapping[str, str] | None = None,
    owned: bool = True,
) -> dict[str, Any]:
    """The Teleport resource's JSON form for ``spec`` (what an admin would ``tctl create``)."""
    all_labels = dict(labels or {})
    if owned:
        all_labels[ORIGIN_LABEL] = ORIGIN_KUBERNETES
    metadata: dict[str, Any] = {"name": name}
    if all_labels:
        metadata["labels"] = all_labels
    if kind.promoted_fields:
        return {"metadata": metadata, "version": kind.teleport_version, **copy.deepcopy(spec)}
    return {
        "kind": kind.teleport_kind,
        "version": kind.teleport_version,
        **({"sub_kind": kind.sub_kind} if kind.sub_kind else {}),
        "metadata": metadata,
        "spec": copy.deepcopy(dict(spec)),
    }


def to_message(
    kind: KindSpec,
    name: str,
    spec: Mapping[str, Any],
    *,
    labels: Mapping[str, str] | None = None,
    owned: bool = True,
) -> Any:
    return decode(
        teleport_json(kind, name, spec, labels=labels, owned=owned), kind.message, path=""
    )


def spec_json(kind: KindSpec, resource: Mapping[str, Any]) -> dict[str, Any]:
    """The part of a Teleport resource's JSON that a CR's spec maps to."""
    if kind.promoted_fields:
        return {k: resource[k] for k in kind.promoted_fields if k in resource}
    spec: dict[str, Any] = resource.get("spec") or {}
    return spec


def metadata_json(resource: Mapping[str, Any]) -> dict[str, Any]:
    md: dict[str, Any] = resource.get("metadata") or {}
    return md


async def tctl_write(client: Client, kind: KindSpec, message: Any) -> Any:
    """Create ``message`` in Teleport the way an admin would."""
    t = kind.teleport_kind
    if kind.singleton_name:
        return await getattr(client, f"create_{t}")(message)
    if t in TCTL_CALLS:
        return await getattr(client, TCTL_CALLS[t][0])(message)
    if t == "role":
        return await client.upsert_role(message)
    if t == "user":
        return await client.create_user(message)
    if t == "token":
        return await client.upsert_token(message)
    if t in CONNECTORS:
        return await client.create_connector(message)
    if t == "login_rule":
        return await client.create_login_rule(message)
    if t == "bot":
        return await client.create_bot(message)
    if t == "workload_identity":
        return await client.create_workload_identity(message)
    assert t == "okta_import_rule", t
    return await client.create_okta_import_rule(message)


async def tctl_read(client: Client, kind: KindSpec, name: str) -> Any:
    """Read the Teleport object (NotFound if absent); connectors come without secrets."""
    t = kind.teleport_kind
    if kind.singleton_name:
        return await getattr(client, f"get_{t}")()
    if t in TCTL_CALLS:
        return await getattr(client, TCTL_CALLS[t][1])(name)
    if t == "role":
        return await client.get_role(name)
    if t == "user":
        return await client.get_user(name)
    if t == "token":
        return await client.get_token(name)
    if t in CONNECTORS:
        return await client.get_connector(kind.message, name)
    if t == "login_rule":
        return await client.get_login_rule(name)
    if t == "bot":
        return await client.get_bot(name)
    if t == "workload_identity":
        return await client.get_workload_identity(name)
    assert t == "okta_import_rule", t
    return await client.get_okta_import_rule(name)


async def tctl_delete(client: Client, kind: KindSpec, name: str) -> None:
    t = kind.teleport_kind
    if kind.singleton_name:
        await getattr(client, f"delete_{t}")()
        return
    if t in TCTL_CALLS:
        await getattr(client, TCTL_CALLS[t][2])(name)
        return
    if t == "role":
        await client.delete_role(name)
    elif t == "user":
        await client.delete_user(name)
    elif t == "token":
        await client.delete_token(name)
    elif t in CONNECTORS:
        connector: Any = kind.message
        await client.delete_connector(connector, name)
    elif t == "login_rule":
        await client.delete_login_rule(name)
    elif t == "bot":
        await client.delete_bot(name)
    elif t == "workload_identity":
        await client.delete_workload_identity(name)
    else:
        assert t == "okta_import_rule", t
        await client.delete_okta_import_rule(name)


def assert_matches(kind: KindSpec, resource: Message, spec: Mapping[str, Any]) -> None:
    """Teleport's object holds everything ``spec`` says (secrets aside), per the converter."""
    actual = spec_json(kind, encode(resource))
    expected_spec = {k: v for k, v in spec.items() if k not in SECRET_FIELDS}
    expected = spec_json(kind, encode(to_message(kind, "x", expected_spec)))
    assert contains(actual, expected), f"{kind.kind}: Teleport has {actual}, CR says {expected}"


def labels_of(resource: Message) -> dict[str, str]:
    labels: dict[str, str] = metadata_json(encode(resource)).get("labels") or {}
    return labels


async def no_prerequisites(_client: Client) -> None:
    return None


@dataclass(frozen=True)
class Primitives:
    """What the generic scenarios need to know about one kind."""

    kind: KindSpec
    spec: Spec
    modified: Spec
    stale: Spec
    key_field: Callable[[Spec], Any]
    """The field whose value differs between stale, spec and modified, read from spec JSON."""
    prerequisites: Callable[[Client], Awaitable[None]] = no_prerequisites

    @property
    def id(self) -> str:
        return self.kind.kind

    def valid(self) -> Spec:
        return copy.deepcopy(self.spec)

    def changed(self) -> Spec:
        return copy.deepcopy(self.modified)

    def old(self) -> Spec:
        return copy.deepcopy(self.stale)

    def cr_name(self, name: str) -> str:
        """The name a scenario gives its CR: ``name``, or the fixed name of a singleton kind."""
        return self.kind.singleton_name or name

    async def read(self, client: Client, name: str) -> Any:
        return await tctl_read(client, self.kind, name)

    def assert_matches(self, resource: Message, spec: Mapping[str, Any]) -> None:
        assert_matches(self.kind, resource, spec)
        got = self.key_field(spec_json(self.kind, encode(resource)))
        want = self.key_field(spec_json(self.kind, encode(to_message(self.kind, "x", spec))))
        assert got == want, f"{self.kind.kind}: key field is {got!r} in Teleport, CR says {want!r}"


# -- the kinds ------------------------------------------------------------------------------------

USER_ROLES = ("developer", "kube-access", "auditor")


async def user_roles(client: Client) -> None:
    """The roles the user specs name, created like an admin would (without the origin label)."""
    kind = next(k for k in KINDS if k.kind == "TeleportRole")
    for role in USER_ROLES:
        spec = {"allow": {"logins": [role]}}
        await client.upsert_role(to_message(kind, role, spec, owned=False))


def _sample_spec(kind: KindSpec) -> Spec:
    spec: Spec = load_sample(kind)["spec"]
    return spec


def _with(spec: Spec, **changes: Any) -> Spec:
    out = copy.deepcopy(spec)
    out.update(changes)
    return out


def _role_primitives(kind: KindSpec) -> Primitives:
    spec = _sample_spec(kind)
    allow = spec.setdefault("allow", {})
    allow.setdefault("logins", ["contract"])
    modified = copy.deepcopy(spec)
    modified["allow"]["logins"] = [*spec["allow"]["logins"], "admin", "root"]
    stale = {"allow": {"logins": ["stale"]}}
    return Primitives(
        kind,
        spec,
        modified,
        stale,
        key_field=lambda s: (s.get("allow") or {}).get("logins"),
    )


def _lock_primitives(kind: KindSpec) -> Primitives:
    spec = _sample_spec(kind)
    return Primitives(
        kind,
        spec,
        _with(spec, message="Locked by the contract suite."),
        {"target": {"user": "stale"}, "message": "Stale."},
        key_field=lambda s: ((s.get("target") or {}).get("user"), s.get("message")),
    )


def _app_primitives(kind: KindSpec) -> Primitives:
    spec = _sample_spec(kind)
    return Primitives(
        kind,
        spec,
        _with(spec, public_addr="dashboards.teleport.example.com"),
        {"uri": "http://stale.internal:8080"},
        key_field=lambda s: (s.get("uri"), s.get("public_addr")),
    )


def _node_primitives(kind: KindSpec) -> Primitives:
    spec = _sample_spec(kind)
    return Primitives(
        kind,
        spec,
        _with(spec, hostname=f"{spec['hostname']}-renamed"),
        _with(spec, addr="192.0.2.1:2222", hostname="stale"),
        key_field=lambda s: (s.get("addr"), s.get("hostname")),
    )


def _trusted_cluster_primitives(kind: KindSpec) -> Primitives:
    spec = _with(_sample_spec(kind), token="contract-join-token")
    modified = _with(spec, role_map=[*spec["role_map"], {"remote": "dev", "local": ["access"]}])
    return Primitives(
        kind,
        spec,
        modified,
        _with(spec, enabled=False, role_map=[{"remote": "stale", "local": ["stale"]}]),
        key_field=lambda s: (s.get("enabled"), s.get("role_map")),
    )


def _database_primitives(kind: KindSpec) -> Primitives:
    spec = _sample_spec(kind)
    modified = _with(spec, tls={"mode": "verify-ca"})
    return Primitives(
        kind,
        spec,
        modified,
        {"protocol": "mysql", "uri": "stale.internal:3306"},
        key_field=lambda s: (s.get("protocol"), s.get("uri"), (s.get("tls") or {}).get("mode")),
    )


_INFRA_PRIMITIVES: dict[str, Callable[[KindSpec], Primitives]] = {
    "lock": _lock_primitives,
    "db": _database_primitives,
    "trusted_cluster": _trusted_cluster_primitives,
    "node": _node_primitives,
    "app": _app_primitives,
}


def _primitives(kind: KindSpec) -> Primitives:
    t = kind.teleport_kind
    if t in _INFRA_PRIMITIVES:
        return _INFRA_PRIMITIVES[t](kind)
    if t == "role":
        return _role_primitives(kind)
    if t == "user":
        spec = _sample_spec(kind)
        modified = _with(spec, roles=[*spec["roles"], "auditor"])
        modified["traits"] = {**spec["traits"], "logins": [*spec["traits"]["logins"], "root"]}
        return Primitives(
            kind,
            spec,
            modified,
            {"roles": ["developer"], "traits": {"logins": ["stale"]}},
            key_field=lambda s: (s.get("roles"), (s.get("traits") or {}).get("logins")),
            prerequisites=user_roles,
        )
    if t == "token":
        spec = {"roles": ["Node"], "join_method": "token"}
        return Primitives(
            kind,
            spec,
            {"roles": ["Node", "Proxy"], "join_method": "token"},
            {"roles": ["Kube"], "join_method": "token"},
            key_field=lambda s: s.get("roles"),
        )
    if t == "github":
        spec = _with(_sample_spec(kind), client_secret="contract-github-secret")
        return Primitives(
            kind,
            spec,
            _with(spec, display="GitHub SSO"),
            _with(spec, display="Stale"),
            key_field=lambda s: s.get("display"),
        )
    if t == "oidc":
        spec = _with(_sample_spec(kind), client_secret="contract-oidc-secret")
        return Primitives(
            kind,
            spec,
            _with(spec, display="Okta SSO", scope=[*spec["scope"], "profile"]),
            _with(spec, display="Stale"),
            key_field=lambda s: (s.get("display"), s.get("scope")),
        )
    if t == "saml":
        spec = _sample_spec(kind)
        return Primitives(
            kind,
            spec,
            _with(spec, display="Entra SSO"),
            _with(spec, display="Stale"),
            key_field=lambda s: s.get("display"),
        )
    if t == "login_rule":
        spec = _sample_spec(kind)
        modified = _with(spec, priority=2)
        modified["traits_map"] = {**spec["traits_map"], "teams": ["external.teams"]}
        return Primitives(
            kind,
            spec,
            modified,
            {"priority": 9, "traits_map": {"logins": ["external.stale"]}},
            key_field=lambda s: (s.get("priority"), sorted(s.get("traits_map") or {})),
        )
    if t == "bot":
        spec = _sample_spec(kind)
        return Primitives(
            kind,
            spec,
            _with(spec, roles=[*spec["roles"], "auditor"]),
            _with(spec, roles=["stale"]),
            key_field=lambda s: s.get("roles"),
        )
    if t == "workload_identity":
        spec = _sample_spec(kind)

        def spiffe(id_: str) -> Spec:
            return {**spec, "spiffe": {**spec["spiffe"], "id": id_}}

        return Primitives(
            kind,
            spec,
            spiffe("/modified"),
            spiffe("/stale"),
            key_field=lambda s: (s.get("spiffe") or {}).get("id"),
        )
    if t == "autoupdate_config":
        spec = _sample_spec(kind)

        def tools(mode: str) -> Spec:
            return {**spec, "tools": {"mode": mode}}

        return Primitives(
            kind,
            tools("enabled"),
            tools("disabled"),
            {"agents": {"mode": "suspended"}},
            key_field=lambda s: ((s.get("tools") or {}).get("mode"), s.get("agents")),
        )
    if t == "autoupdate_version":
        spec = _sample_spec(kind)

        def target(version: str) -> Spec:
            return {**spec, "tools": {"target_version": version}}

        return Primitives(
            kind,
            spec,
            target("18.2.0"),
            target("16.0.0"),
            key_field=lambda s: (s.get("tools") or {}).get("target_version"),
        )
    if t == "access_list":
        spec = _sample_spec(kind)
        modified = _with(spec, title="On-call and escalation")
        modified["grants"] = {**spec["grants"], "roles": [*spec["grants"]["roles"], "auditor"]}
        return Primitives(
            kind,
            spec,
            modified,
            _with(spec, title="Stale"),
            key_field=lambda s: (s.get("title"), (s.get("grants") or {}).get("roles")),
        )
    assert t == "okta_import_rule", t
    spec = _sample_spec(kind)
    return Primitives(
        kind,
        spec,
        _with(spec, priority=20),
        _with(spec, priority=99),
        key_field=lambda s: s.get("priority"),
    )


PRIMITIVES: tuple[Primitives, ...] = tuple(_primitives(kind) for kind in KINDS)
PRIMITIVES_BY_KIND = {p.kind.kind: p for p in PRIMITIVES}


def primitives(kind: str) -> Primitives:
    return PRIMITIVES_BY_KIND[kind]
