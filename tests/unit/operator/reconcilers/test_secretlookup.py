"""secret:// lookup over a real socket to fakekube: parsing, permission rules, namespaces."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from typing import Any

import pytest

from teleop.operator.reconcilers.secretlookup import (
    SECRETS,
    SecretLookupError,
    SecretLookupRefused,
    parse_secret_ref,
    resolve,
)
from teleop.runtime import KubeClient, ResourceType
from teleop.testing.fakekube import FakeKube

NAMESPACES = ResourceType("", "v1", "namespaces", "Namespace", namespaced=False)
ANNOTATION = "resources.teleport.dev/allow-lookup-from-cr"
CANARY = "canary-value-d41d8cd9"
CR = {"metadata": {"name": "gh", "namespace": "default"}}


@pytest.fixture
async def kube(fakekube: FakeKube) -> AsyncIterator[KubeClient]:
    async with KubeClient.from_url(fakekube.url) as client:
        yield client


async def put(
    kube: KubeClient,
    name: str,
    annotation: str | None,
    *,
    namespace: str = "default",
    data: dict[str, str] | None = None,
) -> None:
    md: dict[str, Any] = {"name": name, "namespace": namespace}
    if annotation is not None:
        md["annotations"] = {ANNOTATION: annotation}
    if data is None:
        data = {"key": base64.b64encode(CANARY.encode()).decode()}
    await kube.create(SECRETS, {"apiVersion": "v1", "kind": "Secret", "metadata": md, "data": data})


@pytest.mark.parametrize(
    "uri",
    [
        "https://s/key",
        "secret:/s/key",
        "secret:///key",
        "secret://s",
        "secret://s/",
        "secret://s/a/b",
        "secret://s/key?x=1",
        "secret://s/key#frag",
    ],
)
def test_malformed_uris_are_refused(uri: str) -> None:
    with pytest.raises(SecretLookupError, match="secret://"):
        parse_secret_ref(uri)


def test_parse() -> None:
    ref = parse_secret_ref("secret://gh-secret/client-secret")
    assert (ref.name, ref.key) == ("gh-secret", "client-secret")


@pytest.mark.parametrize("annotation", ["gh", "*", " a , gh ,b", "other,*", "gh,"])
async def test_allowed(kube: KubeClient, annotation: str) -> None:
    await put(kube, "s", annotation)
    assert await resolve(kube, CR, "secret://s/key") == CANARY


async def test_annotation_missing(kube: KubeClient) -> None:
    await put(kube, "s", None)
    with pytest.raises(SecretLookupError, match="lacks the annotation") as e:
        await resolve(kube, CR, "secret://s/key")
    assert not isinstance(e.value, SecretLookupRefused)
    assert CANARY not in str(e.value)


@pytest.mark.parametrize("annotation", ["", "other", "gh-other, g h", "ghx"])
async def test_cr_not_listed(kube: KubeClient, annotation: str) -> None:
    await put(kube, "s", annotation)
    with pytest.raises(SecretLookupRefused, match="does not list 'gh'") as e:
        await resolve(kube, CR, "secret://s/key")
    assert CANARY not in str(e.value)


async def test_missing_secret_and_key(kube: KubeClient) -> None:
    with pytest.raises(SecretLookupError, match="does not exist"):
        await resolve(kube, CR, "secret://nope/key")
    await put(kube, "s", "*")
    with pytest.raises(SecretLookupError, match="has no key 'other'"):
        await resolve(kube, CR, "secret://s/other")


async def test_only_the_crs_namespace_is_read(kube: KubeClient) -> None:
    await kube.create(
        NAMESPACES, {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "other"}}
    )
    await put(kube, "s", "*", namespace="other")
    with pytest.raises(SecretLookupError, match="Secret default/s does not exist"):
        await resolve(kube, CR, "secret://s/key")
    # the URI cannot name a namespace: a slash in the name part makes it a bad key
    with pytest.raises(SecretLookupError):
        await resolve(kube, CR, "secret://other/s/key")
    cr_in_other = {"metadata": {"name": "gh", "namespace": "other"}}
    assert await resolve(kube, cr_in_other, "secret://s/key") == CANARY


async def test_value_that_is_not_text(kube: KubeClient) -> None:
    await put(kube, "s", "*", data={"key": base64.b64encode(b"\xff\xfe").decode()})
    with pytest.raises(SecretLookupError, match="not base64-encoded UTF-8"):
        await resolve(kube, CR, "secret://s/key")
