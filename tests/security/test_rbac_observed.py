"""Least privilege, observed: what the operator really asks the API server for is what the Role grants.

``tests/manifests/test_rbac.py`` pins the Role to a written table; this check derives the other
side from behaviour. The operator runs a contract-style scenario on a fakekube of its own (every
kind created, changed, failing in Teleport for a while, deleted; a ``secret://`` lookup; leader
election from acquisition to release), and fakekube's request log records every request with the
verb an authorizer would see (reads included). Then, both ways:

- every (group, resource[/subresource], verb) the operator used is granted by
  ``manifests/rbac/role.yaml`` (nothing used that is not granted);
- every grant was used, except those in ``RARELY_USED`` with the reason they are kept (nothing
  granted that is never used).

The operator's requests are told from the test's own by their User-Agent.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from itertools import product
from pathlib import Path

import aiohttp
import grpc
import pytest
import pytest_asyncio
import yaml

from teleop.operator.apis import KINDS, KindSpec
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.testing.fakekube import FakeKube
from tests.contract.conftest import open_env
from tests.contract.harness import Env
from tests.contract.primitives import primitives
from tests.fakekube.helpers import CRDS, Api
from tests.unit.operator.samples import CRDS_DIR

pytestmark = [pytest.mark.faults, pytest.mark.asyncio(loop_scope="session")]

ROLE = Path(__file__).resolve().parents[2] / "manifests" / "rbac" / "role.yaml"
GROUP = "resources.teleport.dev"

Grant = tuple[str, str, str]
"""(apiGroup, resource or resource/subresource, verb), as in a Role rule."""

RARELY_USED: dict[Grant, str] = {
    **{
        (GROUP, f"{k.plural}/status", v): "status is written with merge patches only; get and "
        "update are kept for kubectl-style tooling run under the operator's account (candidates "
        "for removal)"
        for k in KINDS
        for v in ("get", "update")
    },
    **{
        (GROUP, k.plural, v): "the operator reads CRs from its informer cache and writes "
        "finalizers with merge patches; get and update are never sent in this scenario "
        "(candidates for removal)"
        for k in KINDS
        for v in ("get", "update")
    },
}
"""Grants the scenario does not exercise, each with why it is still granted."""


def role_grants() -> set[Grant]:
    role = yaml.safe_load(ROLE.read_text(encoding="utf-8"))
    out: set[Grant] = set()
    for rule in role["rules"]:
        out |= set(product(rule["apiGroups"], rule["resources"], rule["verbs"]))
    return out


@pytest_asyncio.fixture(loop_scope="session")
async def own_env(tmp_path: Path) -> AsyncIterator[Env]:
    """A fakekube of this test's own (its request log holds only this scenario)."""
    async with FakeKube() as kube, aiohttp.ClientSession(kube.url) as session:
        api = Api(session)
        for kind in KINDS:
            crd = yaml.safe_load((CRDS_DIR / kind.file_name).read_text(encoding="utf-8"))
            assert (await api.post(CRDS, crd)).status == 201
        async with open_env(kube, api, tmp_path) as env:
            kube.requests.clear()
            yield env


def cr_name(kind: KindSpec) -> str:
    """A name per kind (several kinds share a Teleport kind: roles, nodes), or the one name a
    singleton kind (autoupdate config …) allows."""
    return getattr(kind, "singleton_name", None) or f"o-{kind.plural}"


async def scenario(env: Env) -> None:
    """Every kind through create, change, a Teleport failure and delete; one secret lookup."""
    for kind in KINDS:
        await primitives(kind.kind).prerequisites(env.tctl)
    secret = {
        "metadata": {"name": "gh-secret", "annotations": {ANNOTATION_SECRET_LOOKUP: "*"}},
        "data": {"client-secret": base64.b64encode(b"canary").decode()},
    }
    r = await env.api.post(f"/api/v1/namespaces/{env.namespace}/secrets", secret)
    assert r.status == 201, r.body
    async with env.operator() as op:
        for kind in KINDS:
            spec = primitives(kind.kind).valid()
            if kind.kind == "TeleportGithubConnector":
                spec["client_secret"] = "secret://gh-secret/client-secret"
            await env.create(kind, cr_name(kind), spec)
        for kind in KINDS:
            await env.wait_ready(kind, cr_name(kind))
        # A failing Teleport: repeated identical Warning events are aggregated (events patch).
        role = next(k for k in KINDS if k.kind == "TeleportRole")
        rule = env.teleport.faults.fail(
            "*", grpc.StatusCode.PERMISSION_DENIED, kind="role", times=3
        )
        await env.replace_spec(role, cr_name(role), primitives(role.kind).changed())
        await env.wait_ready(role, cr_name(role))
        env.teleport.faults.remove(rule.id)
        for kind in KINDS:
            await env.replace_spec(kind, cr_name(kind), primitives(kind.kind).changed())
        for kind in KINDS:
            await env.wait_ready(kind, cr_name(kind))
        for kind in KINDS:
            await env.delete(kind, cr_name(kind))
        for kind in KINDS:
            await env.wait_gone(kind, cr_name(kind))
        assert op.metric("leader_election_master_status", {"name": "teleop-contract"}) == 1


async def test_the_operator_uses_exactly_what_the_role_grants(own_env: Env) -> None:
    env = own_env
    await scenario(env)
    ours = [r for r in env.kube.requests if r.user_agent.startswith("teleop")]
    assert ours, "no request from the operator was recorded"
    others = {r.user_agent for r in env.kube.requests} - {r.user_agent for r in ours}
    assert all(not ua.startswith("teleop") for ua in others), others
    outside = sorted({(r.verb, r.resource) for r in ours if r.namespace != env.namespace})
    assert outside == [], f"requests outside the operator's namespace: {outside}"
    used: set[Grant] = {
        (r.group, f"{r.resource}/{r.subresource}" if r.subresource else r.resource, r.verb)
        for r in ours
    }
    granted = role_grants()
    assert sorted(used - granted) == [], "used but not granted by manifests/rbac/role.yaml"
    unused = granted - used
    unexplained = sorted(unused - set(RARELY_USED))
    assert unexplained == [], "granted but never used (remove it or document it in RARELY_USED)"
    stale = sorted(set(RARELY_USED) & used)
    assert stale == [], f"RARELY_USED lists grants the scenario does use: {stale}"
    stale = sorted(set(RARELY_USED) - granted)
    assert stale == [], f"RARELY_USED lists grants the Role does not make: {stale}"
