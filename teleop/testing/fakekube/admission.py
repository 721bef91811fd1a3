"""Admission checks that run before any write rule: body shape, namespace, preconditions.

These mirror what kube-apiserver's handlers and generic registry check before storage is touched:
the body's kind, apiVersion, name and namespace agree with the URL; a namespaced object's
namespace exists and is not terminating (404 / 403); DELETE preconditions match (409).
"""

from __future__ import annotations

from typing import Any

from teleop.testing.fakekube.errors import Cause, bad_request, conflict, forbidden, not_found
from teleop.testing.fakekube.meta import canonical
from teleop.testing.fakekube.store import Store
from teleop.testing.fakekube.target import Target

__all__ = ["check_namespace", "check_preconditions", "decode_object"]

_NAMESPACES = ("", "namespaces")


def decode_object(t: Target, body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise bad_request("the body of the request is not a JSON object")
    meta = body.get("metadata")
    if meta is None:
        meta = body["metadata"] = {}
    if not isinstance(meta, dict):
        raise bad_request("metadata must be an object")
    expected = t.rt.api_version(t.version)
    if body.get("apiVersion") and body["apiVersion"] != expected:
        raise bad_request(
            f"the API version in the data ({body['apiVersion']}) does not match the expected API "
            f"version ({expected})"
        )
    kind = body.get("kind")
    if kind and kind != t.rt.kind:
        raise bad_request(
            f"the kind in the data ({kind}) does not match the expected kind ({t.rt.kind})"
        )
    ns = meta.get("namespace")
    if t.rt.namespaced:
        if ns and ns != t.namespace:
            raise bad_request(
                "the namespace of the provided object does not match the namespace sent on "
                "the request"
            )
        meta["namespace"] = t.namespace
    else:
        meta.pop("namespace", None)
    if not meta.get("name") and t.name:
        meta["name"] = t.name
    if t.rt.to_storage is not None:
        body = t.rt.to_storage(body)
        return canonical(body, body["apiVersion"], body["kind"])
    return canonical(body, t.rt.api_version(), t.rt.kind)


def check_namespace(store: Store, t: Target, name: str) -> None:
    if not t.rt.namespaced:
        return
    ns = store.get(_NAMESPACES, "", t.namespace)
    if ns is None:
        raise not_found("", "namespaces", t.namespace)
    if ns.obj["metadata"].get("deletionTimestamp"):
        raise forbidden(
            t.rt.group,
            t.rt.plural,
            name,
            f"unable to create new content in namespace {t.namespace} because it is being "
            "terminated",
            Cause(
                "NamespaceTerminating",
                f"namespace {t.namespace} is currently being terminated",
                "metadata.namespace",
            ),
        )


def check_preconditions(t: Target, meta: dict[str, Any], options: dict[str, Any]) -> None:
    """DeleteOptions.preconditions (uid, resourceVersion) must match, else 409 Conflict."""
    pre = options.get("preconditions") or {}
    if pre.get("uid") and pre["uid"] != meta.get("uid"):
        raise conflict(
            t.rt.group, t.rt.plural, t.name,
            f"Precondition failed: UID in precondition: {pre['uid']}, UID in object meta: {meta.get('uid')}",
        )  # fmt: skip
    if pre.get("resourceVersion") and pre["resourceVersion"] != meta["resourceVersion"]:
        raise conflict(
            t.rt.group, t.rt.plural, t.name,
            "Precondition failed: ResourceVersion in precondition: "
            f"{pre['resourceVersion']}, ResourceVersion in object meta: {meta['resourceVersion']}",
        )  # fmt: skip
