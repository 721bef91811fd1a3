"""The ``secret://`` lookup cannot be bent into reading what the Secret's owner did not allow.

One operator run, one GitHub connector CR per attempt, each naming a Secret in a way that must be
refused: a Secret that exists only in another namespace (holding a canary, annotated ``*``), path
tricks that would make the request URL address something else (``..``, escaped slashes, a
namespace segment, user info, a query), an annotation that lists other names, prefixes, a glob or
another case, an empty annotation and none at all. Each must end SuccessfullyReconciled=False/
MutationError and Ready=False with a message naming what is wrong, with a Warning Event, and
nothing reaches Teleport (the canary least of all); only the control CR, which is listed, is
written. Every request the operator made for a Secret addressed a Secret in its own namespace.
"""

from __future__ import annotations

import base64
from typing import Any

import pytest

from teleop.operator.apis import conditions as c
from teleop.operator.apis import kind_spec
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.testing.faketeleport.state import GITHUB
from tests.contract.harness import Env, condition, eventually
from tests.contract.primitives import primitives

pytestmark = pytest.mark.asyncio(loop_scope="session")

KIND = kind_spec("TeleportGithubConnector")
CANARY = "canary-7f3a9c-victim-value"
KEY = "client-secret"


async def secret(env: Env, namespace: str, name: str, value: str, allow: str | None) -> None:
    annotations = {} if allow is None else {ANNOTATION_SECRET_LOOKUP: allow}
    body = {
        "metadata": {"name": name, "annotations": annotations},
        "data": {KEY: base64.b64encode(value.encode()).decode()},
    }
    r = await env.api.post(f"/api/v1/namespaces/{namespace}/secrets", body)
    assert r.status == 201, r.body


def attempts(victim_ns: str) -> dict[str, tuple[str, str]]:
    """CR name → (client_secret reference, a word the refusal must contain)."""
    return {
        "other-ns": (f"secret://victim/{KEY}", "does not exist"),
        "dotdot": (f"secret://../{KEY}", "not a valid Secret name"),
        "escaped": (f"secret://..%2F{victim_ns}%2Fsecrets%2Fvictim/{KEY}", "not a valid Secret"),
        "ns-segment": (f"secret://{victim_ns}/victim/{KEY}", "exactly one key"),
        "userinfo": (f"secret://x@victim/{KEY}", "not a valid Secret name"),
        "query": (f"secret://listed/{KEY}?namespace={victim_ns}", "exactly one key"),
        "key-dotdot": ("secret://listed/..", "not a valid Secret key"),
        "not-listed": (f"secret://others/{KEY}", "does not list"),
        "glob": (f"secret://glob/{KEY}", "does not list"),
        "upper": (f"secret://upper/{KEY}", "does not list"),
        "empty": (f"secret://empty/{KEY}", "does not list"),
        "unannotated": (f"secret://unannotated/{KEY}", "lacks the annotation"),
        "no-scheme-host": (f"secret:///{KEY}", "names no Secret"),
    }


async def test_lookups_outside_what_the_secret_allows_are_refused(env: Env) -> None:
    r = await env.api.post("/api/v1/namespaces", {"metadata": {"name": f"{env.namespace}-v"}})
    assert r.status == 201, r.body
    victim_ns = f"{env.namespace}-v"
    await secret(env, victim_ns, "victim", CANARY, "*")
    await secret(env, env.namespace, "listed", "fine", "ok, query, key-dotdot")
    await secret(env, env.namespace, "others", CANARY, "not-listed-x, xnot-listed, not-listed2")
    await secret(env, env.namespace, "glob", CANARY, "gl*, g?ob")
    await secret(env, env.namespace, "upper", CANARY, "UPPER")
    await secret(env, env.namespace, "empty", CANARY, "")
    await secret(env, env.namespace, "unannotated", CANARY, None)
    cases = attempts(victim_ns)
    base = primitives(KIND.kind).valid()
    async with env.operator() as op:
        await env.create(KIND, "ok", {**base, "client_secret": f"secret://listed/{KEY}"})
        for name, (ref, _) in cases.items():
            await env.create(KIND, name, {**base, "client_secret": ref})
        await env.wait_ready(KIND, "ok")
        for name, (_, why) in cases.items():
            cr = await env.wait_condition(
                KIND, name, c.CONDITION_RECONCILED, c.STATUS_FALSE, c.REASON_MUTATION_ERROR
            )
            reconciled = condition(cr, c.CONDITION_RECONCILED)
            assert reconciled is not None
            assert why in reconciled["message"], (name, reconciled["message"])
            ready = condition(cr, c.CONDITION_READY)
            assert ready is not None, name
            assert ready["status"] == c.STATUS_FALSE, (name, ready)

            async def warned(name: str = name) -> bool:
                events = await env.events_for(name)
                return any(e["type"] == "Warning" and e["reason"] for e in events)

            await eventually(warned, what=f"a Warning event for {name}")
        await op.settle(KIND, ["ok", *cases])
    stored: Any = env.teleport.store.get(GITHUB, "ok")
    assert stored.Spec.ClientSecret == "fine"
    names = {m.Metadata.Name for m in env.teleport.store.list(GITHUB)}
    assert names == {"ok"}, names
    assert all(CANARY not in repr(m) for m in env.teleport.store.list(GITHUB))
    # The fakekube is shared by the worker: this test's requests are those about its namespaces.
    mine = {env.namespace, victim_ns}
    ours = [
        r
        for r in env.kube.requests
        if r.user_agent.startswith("teleop") and (r.namespace in mine or r.name in mine)
    ]
    secret_reads = [r for r in ours if r.resource == "secrets"]
    assert secret_reads, "the operator read no Secret"
    for r in secret_reads:
        assert (r.verb, r.namespace) == ("get", env.namespace), r
    assert not [r for r in ours if r.resource == "namespaces"], "a lookup read a Namespace"
