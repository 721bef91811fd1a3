"""Conformance: watch streams (initial events, resumption, selectors, 410, bookmarks, timeouts)."""

from __future__ import annotations

import asyncio
import json
import time

import aiohttp
import pytest

from teleop.testing.fakekube import FakeKube
from tests.fakekube.helpers import CONFIGMAPS, Api, configmap


async def test_watch_from_zero_starts_with_synthetic_added_events(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    await api.post(CONFIGMAPS, configmap("b"))
    async with api.watch(CONFIGMAPS, resourceVersion="0") as w:
        events = await w.take(2)
    assert [(e["type"], e["object"]["metadata"]["name"]) for e in events] == [
        ("ADDED", "a"),
        ("ADDED", "b"),
    ]


async def test_watch_without_resource_version_starts_with_synthetic_added_events(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    async with api.watch(CONFIGMAPS) as w:
        [ev] = await w.take(1)
    assert ev["type"] == "ADDED"
    assert ev["object"]["metadata"]["name"] == "a"


async def test_watch_from_resource_version_sends_only_newer_changes(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    b = await api.post(CONFIGMAPS, configmap("b"))
    await api.patch(f"{CONFIGMAPS}/a", {"data": {"x": "1"}})
    async with api.watch(CONFIGMAPS, resourceVersion=b.rv) as w:
        [ev] = await w.take(1)
        assert await w.quiet()
    assert ev["type"] == "MODIFIED"
    assert ev["object"]["metadata"]["name"] == "a"


async def test_watch_event_line_shape(api: Api) -> None:
    async with api.watch(CONFIGMAPS, resourceVersion="0") as w:
        created = await api.post(CONFIGMAPS, configmap("a"))
        [ev] = await w.take(1)
    assert set(ev) == {"type", "object"}
    assert ev["object"] == created.body
    assert w.resp.headers["Content-Type"].startswith("application/json")


async def test_watch_sees_added_modified_deleted(api: Api) -> None:
    async with api.watch(CONFIGMAPS, resourceVersion="0") as w:
        await api.post(CONFIGMAPS, configmap("a"))
        await api.patch(f"{CONFIGMAPS}/a", {"data": {"x": "1"}})
        deleted = await api.delete(f"{CONFIGMAPS}/a")
        events = await w.take(3)
    assert [e["type"] for e in events] == ["ADDED", "MODIFIED", "DELETED"]
    assert deleted.status == 200
    rvs = [int(e["object"]["metadata"]["resourceVersion"]) for e in events]
    assert rvs == sorted(rvs)
    assert len(set(rvs)) == 3


async def test_label_selector_watch_object_that_stops_matching_is_deleted_with_previous_state(
    api: Api,
) -> None:
    await api.post(CONFIGMAPS, configmap("a", labels={"app": "x"}, k="before"))
    async with api.watch(CONFIGMAPS, labelSelector="app=x") as w:
        await w.take(1)
        r = await api.patch(
            f"{CONFIGMAPS}/a", {"metadata": {"labels": {"app": "y"}}, "data": {"k": "after"}}
        )
        [ev] = await w.take(1)
    assert ev["type"] == "DELETED"
    assert ev["object"]["metadata"]["labels"] == {"app": "x"}
    assert ev["object"]["data"] == {"k": "before"}
    assert ev["object"]["metadata"]["resourceVersion"] == r.rv


async def test_label_selector_watch_object_that_starts_matching_is_added(api: Api) -> None:
    await api.post(CONFIGMAPS, configmap("a", labels={"app": "y"}))
    async with api.watch(CONFIGMAPS, labelSelector="app=x", resourceVersion="0") as w:
        assert await w.quiet()
        await api.patch(f"{CONFIGMAPS}/a", {"metadata": {"labels": {"app": "x"}}})
        [ev] = await w.take(1)
    assert ev["type"] == "ADDED"


async def test_field_selector_watch_filters_by_name(api: Api) -> None:
    async with api.watch(CONFIGMAPS, fieldSelector="metadata.name=b", resourceVersion="0") as w:
        await api.post(CONFIGMAPS, configmap("a"))
        await api.post(CONFIGMAPS, configmap("b"))
        [ev] = await w.take(1)
    assert ev["object"]["metadata"]["name"] == "b"


async def test_namespaced_watch_ignores_other_namespaces(api: Api) -> None:
    async with api.watch(CONFIGMAPS, resourceVersion="0") as w:
        await api.post("/api/v1/namespaces/kube-system/configmaps", configmap("other"))
        await api.post(CONFIGMAPS, configmap("mine"))
        [ev] = await w.take(1)
    assert ev["object"]["metadata"]["name"] == "mine"


async def test_all_namespaces_watch(api: Api) -> None:
    async with api.watch("/api/v1/configmaps", resourceVersion="0") as w:
        await api.post("/api/v1/namespaces/kube-system/configmaps", configmap("other"))
        await api.post(CONFIGMAPS, configmap("mine"))
        events = await w.take(2)
    assert {e["object"]["metadata"]["name"] for e in events} == {"other", "mine"}


async def test_watch_from_compacted_resource_version_gets_one_410_error_then_closes(
    fakekube: FakeKube, api: Api
) -> None:
    first = await api.post(CONFIGMAPS, configmap("a"))
    await api.post(CONFIGMAPS, configmap("b"))
    fakekube.compact()
    async with api.watch(CONFIGMAPS, resourceVersion=first.rv) as w:
        assert w.resp.status == 200
        events = await w.rest()
    assert len(events) == 1
    assert events[0]["type"] == "ERROR"
    status = events[0]["object"]
    assert status["kind"] == "Status"
    assert status["code"] == 410
    assert status["reason"] == "Expired"
    # cacher.go: "too old resource version: %d (%d)"
    assert status["message"].startswith(f"too old resource version: {first.rv} (")


async def test_history_window_bounds_resumption() -> None:
    async with FakeKube(history_window=3) as kube, aiohttp.ClientSession(kube.url) as s:
        api = Api(s)
        first = await api.post(CONFIGMAPS, configmap("a"))
        for i in range(5):
            await api.patch(f"{CONFIGMAPS}/a", {"data": {"i": str(i)}})
        async with api.watch(CONFIGMAPS, resourceVersion=first.rv) as w:
            [ev] = await w.rest()
        assert ev["object"]["code"] == 410


async def test_watch_from_current_resource_version_after_compaction_is_fine(
    fakekube: FakeKube, api: Api
) -> None:
    r = await api.post(CONFIGMAPS, configmap("a"))
    fakekube.compact()
    async with api.watch(CONFIGMAPS, resourceVersion=r.rv) as w:
        await api.post(CONFIGMAPS, configmap("b"))
        [ev] = await w.take(1)
    assert ev["type"] == "ADDED"


async def test_watch_with_invalid_resource_version_is_500(api: Api) -> None:
    r = await api.get(CONFIGMAPS, params={"watch": "true", "resourceVersion": "abc"})
    assert r.status == 500
    assert r.body["reason"] == "InternalError"


@pytest.mark.parametrize("flag", ["1", "True"])
async def test_watch_flag_is_parsed_like_go_parse_bool(api: Api, flag: str) -> None:
    await api.post(CONFIGMAPS, configmap("a"))
    async with api.session.get(CONFIGMAPS, params={"watch": flag, "timeoutSeconds": "1"}) as r:
        body = await r.read()
    assert body.startswith(b'{"type":"ADDED"')


async def test_timeout_seconds_ends_the_stream(api: Api) -> None:
    start = time.monotonic()
    async with api.watch(CONFIGMAPS, timeoutSeconds="1") as w:
        assert await w.rest() == []
    assert 0.9 <= time.monotonic() - start < 5


async def test_bookmark_arrives_about_two_seconds_before_timeout(api: Api) -> None:
    start = time.monotonic()
    async with api.watch(CONFIGMAPS, timeoutSeconds="3", allowWatchBookmarks="true") as w:
        ev = await w.next()
        at = time.monotonic() - start
        assert await w.rest() == []
    assert ev is not None
    assert ev["type"] == "BOOKMARK"
    assert 0.5 <= at < 2.5


async def test_bookmark_object_has_only_kind_api_version_and_resource_version() -> None:
    async with FakeKube(bookmark_interval=0.1) as kube, aiohttp.ClientSession(kube.url) as s:
        api = Api(s)
        r = await api.post(CONFIGMAPS, configmap("a"))
        async with api.watch(CONFIGMAPS, resourceVersion=r.rv, allowWatchBookmarks="true") as w:
            [ev] = await w.take(1)
    assert ev == {
        "type": "BOOKMARK",
        "object": {"kind": "ConfigMap", "apiVersion": "v1", "metadata": {"resourceVersion": r.rv}},
    }


async def test_bookmarks_repeat_every_bookmark_interval() -> None:
    async with (
        FakeKube(bookmark_interval=0.2) as kube,
        aiohttp.ClientSession(kube.url) as s,
        Api(s).watch(CONFIGMAPS, allowWatchBookmarks="true") as w,
    ):
        events = await w.take(3)
    assert [e["type"] for e in events] == ["BOOKMARK"] * 3


async def test_no_bookmarks_unless_asked() -> None:
    async with (
        FakeKube(bookmark_interval=0.1) as kube,
        aiohttp.ClientSession(kube.url) as s,
        Api(s).watch(CONFIGMAPS, timeoutSeconds="1") as w,
    ):
        assert await w.rest() == []


async def test_send_initial_events_ends_with_annotated_bookmark(api: Api) -> None:
    r = await api.post(CONFIGMAPS, configmap("a"))
    params = {
        "sendInitialEvents": "true",
        "resourceVersionMatch": "NotOlderThan",
        "allowWatchBookmarks": "true",
    }
    async with api.watch(CONFIGMAPS, **params) as w:
        events = await w.take(2)
    assert events[0]["type"] == "ADDED"
    assert events[1]["type"] == "BOOKMARK"
    meta = events[1]["object"]["metadata"]
    # KEP-3157 WatchList: the initial-events-end annotation on the bookmark
    assert meta["annotations"] == {"k8s.io/initial-events-end": "true"}
    assert int(meta["resourceVersion"]) >= int(r.rv)


async def test_slow_watcher_is_closed_and_writes_do_not_stall() -> None:
    async with FakeKube(watch_queue_limit=4) as kube, aiohttp.ClientSession(kube.url) as s:
        api = Api(s)
        blob = "x" * 400_000
        async with api.watch(CONFIGMAPS, resourceVersion="0") as w:
            for i in range(40):
                r = await api.post(CONFIGMAPS, configmap(f"c{i}", v=blob))
                assert r.status == 201
            events = await w.rest(wait=10)
        assert len(events) < 40
        assert kube.open_watches == 0


async def test_watch_of_custom_resource_in_other_served_version(widgets: Api) -> None:
    path = "/apis/example.com/v1beta1/namespaces/default/widgets"
    async with widgets.watch(path, resourceVersion="0") as w:
        await widgets.post(
            "/apis/example.com/v1/namespaces/default/widgets",
            {"metadata": {"name": "w"}, "spec": {}},
        )
        [ev] = await w.take(1)
    assert ev["object"]["apiVersion"] == "example.com/v1beta1"


async def test_watch_ends_when_client_goes_away(fakekube: FakeKube, api: Api) -> None:
    async with api.watch(CONFIGMAPS):
        await asyncio.sleep(0.05)
        assert fakekube.open_watches == 1
    for _ in range(100):
        if fakekube.open_watches == 0:
            break
        await asyncio.sleep(0.02)
    assert fakekube.open_watches == 0


async def test_metadata_only_watch_sends_partial_object_metadata(api: Api) -> None:
    accept = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1"
    await api.post(CONFIGMAPS, configmap("a", x="1"))
    async with api.session.get(
        CONFIGMAPS, params={"watch": "true", "timeoutSeconds": "1"}, headers={"Accept": accept}
    ) as r:
        line = await r.content.readline()
    ev = json.loads(line)
    assert ev["object"]["kind"] == "PartialObjectMetadata"
    assert "data" not in ev["object"]


async def test_table_watch_sends_column_definitions_once(widgets: Api) -> None:
    path = "/apis/example.com/v1/namespaces/default/widgets"
    accept = "application/json;as=Table;v=v1;g=meta.k8s.io"
    async with widgets.session.get(
        path, params={"watch": "true", "resourceVersion": "0"}, headers={"Accept": accept}
    ) as r:
        await widgets.post(path, {"metadata": {"name": "a"}, "spec": {"replicas": 1}})
        await widgets.post(path, {"metadata": {"name": "b"}, "spec": {"replicas": 2}})
        first = json.loads(await r.content.readline())
        second = json.loads(await r.content.readline())
    assert first["object"]["kind"] == "Table"
    assert [c["name"] for c in first["object"]["columnDefinitions"]] == [
        "Name",
        "Replicas",
        "Color",
    ]
    assert "columnDefinitions" not in second["object"] or not second["object"]["columnDefinitions"]
    assert second["object"]["rows"][0]["cells"][:2] == ["b", 2]
