"""The request log: every resource request with the verb an authorizer would see, reads included."""

from __future__ import annotations

import aiohttp

from teleop.testing.fakekube import FakeKube, RequestRecord
from tests.fakekube.helpers import CONFIGMAPS, MERGE, Api, configmap


def verbs(kube: FakeKube) -> list[tuple[str, str, str, str, str]]:
    return [(r.verb, r.group, r.resource, r.name, r.subresource) for r in kube.requests]


async def test_each_request_is_recorded_with_its_rbac_verb(fakekube: FakeKube, api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    await api.get(f"{CONFIGMAPS}/a")
    await api.get(CONFIGMAPS)
    await api.get(CONFIGMAPS, params={"watch": "1", "timeoutSeconds": "1"})
    await api.patch(f"{CONFIGMAPS}/a", {"data": {"k": "v"}}, ctype=MERGE)
    got = (await api.get(f"{CONFIGMAPS}/a")).body
    await api.put(f"{CONFIGMAPS}/a", got)
    await api.req("DELETE", f"{CONFIGMAPS}/a")
    await api.req("DELETE", CONFIGMAPS)
    assert verbs(fakekube) == [
        ("create", "", "configmaps", "", ""),
        ("get", "", "configmaps", "a", ""),
        ("list", "", "configmaps", "", ""),
        ("watch", "", "configmaps", "", ""),
        ("patch", "", "configmaps", "a", ""),
        ("get", "", "configmaps", "a", ""),
        ("update", "", "configmaps", "a", ""),
        ("delete", "", "configmaps", "a", ""),
        ("deletecollection", "", "configmaps", "", ""),
    ]
    assert {r.namespace for r in fakekube.requests} == {"default"}


async def test_failed_requests_are_recorded_but_not_discovery(fakekube: FakeKube, api: Api) -> None:
    assert (await api.get(f"{CONFIGMAPS}/missing")).status == 404
    await api.get("/api")
    await api.get("/apis")
    await api.get("/api/v1")
    assert verbs(fakekube) == [("get", "", "configmaps", "missing", "")]


async def test_subresource_and_user_agent(fakekube: FakeKube, api: Api) -> None:
    path = "/apis/coordination.k8s.io/v1/namespaces/default/leases"
    body = {"metadata": {"name": "l"}, "spec": {}}
    await api.post(path, body, headers={"User-Agent": "teleop/test"})
    (record,) = fakekube.requests
    assert record == RequestRecord(
        verb="create",
        group="coordination.k8s.io",
        resource="leases",
        namespace="default",
        name="",
        user_agent="teleop/test",
    )


async def test_admin_reads_and_clears_the_log(fakekube: FakeKube, api: Api) -> None:
    await api.get(CONFIGMAPS)
    async with aiohttp.ClientSession(fakekube.url) as session:
        async with session.get("/fakekube/requests") as r:
            doc = await r.json()
        assert [d["verb"] for d in doc] == ["list"]
        async with session.delete("/fakekube/requests") as r:
            assert r.status == 200
    assert list(fakekube.requests) == []


async def test_the_log_is_bounded() -> None:
    async with FakeKube(request_log_limit=2) as kube, aiohttp.ClientSession(kube.url) as session:
        api = Api(session)
        for _ in range(5):
            await api.get(CONFIGMAPS)
        assert len(kube.requests) == 2
