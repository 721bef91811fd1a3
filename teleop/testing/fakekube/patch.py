"""Patch application: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and apply merges.

All functions return a new document and never modify their inputs. JSON patch is implemented
here (including ``test``); a failing operation is a 422 with the generic "rejected our request"
message kube-apiserver answers (``NewGenericServerResponse(422, ...)`` in apiserver's patch
handler). Strategic-merge patches on built-ins are treated as merge patches, which is what simple
client-side applies need; server-side apply merges maps recursively and replaces lists.
"""

from __future__ import annotations

import copy
from typing import Any

from teleop.testing.fakekube.errors import ApiError, bad_request

__all__ = ["apply_merge", "json_patch", "merge_patch"]


def merge_patch(target: Any, patch: Any, *, strategic: bool = False) -> Any:
    """RFC 7386: maps merge recursively, ``null`` deletes, anything else replaces.

    With ``strategic`` the ``$``-directives of a strategic-merge patch (``$patch``,
    ``$setElementOrder/...``, ``$retainKeys``, ``$deleteFromPrimitiveList/...``) are dropped.
    """
    if not isinstance(patch, dict):
        return _strip(patch) if strategic else copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if strategic and k.startswith("$"):
            continue
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v, strategic=strategic)
    return out


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if not k.startswith("$")}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def apply_merge(target: Any, applied: Any) -> Any:
    """Server-side apply, simplified: maps merge recursively, lists and scalars replace."""
    if not isinstance(applied, dict) or not isinstance(target, dict):
        return copy.deepcopy(applied)
    out = dict(target)
    for k, v in applied.items():
        out[k] = apply_merge(out.get(k), v)
    return out


def _rejected(detail: str) -> ApiError:
    """The 422 apiserver answers for a failed JSON patch; ``detail`` is kept for debugging."""
    err = ApiError(
        422, "Invalid", "the server rejected our request due to an error in our request", {}
    )
    err.detail = detail
    return err


def _pointer(path: str) -> list[str]:
    if path == "":
        return []
    if not path.startswith("/"):
        raise bad_request(f"invalid JSON pointer: {path!r}")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _index(container: list[Any], token: str, *, allow_end: bool) -> int:
    if token == "-" and allow_end:
        return len(container)
    if not token.isdigit() or (len(token) > 1 and token.startswith("0")):
        raise _rejected(f"invalid array index {token!r}")
    i = int(token)
    if i > len(container) or (i == len(container) and not allow_end):
        raise _rejected(f"array index {i} out of bounds")
    return i


def _parent(doc: Any, parts: list[str]) -> Any:
    cur = doc
    for p in parts[:-1]:
        if isinstance(cur, dict):
            if p not in cur:
                raise _rejected(f"missing path element {p!r}")
            cur = cur[p]
        elif isinstance(cur, list):
            cur = cur[_index(cur, p, allow_end=False)]
        else:
            raise _rejected(f"cannot traverse into {p!r}")
    return cur


def _get(doc: Any, parts: list[str]) -> Any:
    if not parts:
        return doc
    parent = _parent(doc, parts)
    last = parts[-1]
    if isinstance(parent, dict):
        if last not in parent:
            raise _rejected(f"missing value at {last!r}")
        return parent[last]
    if isinstance(parent, list):
        return parent[_index(parent, last, allow_end=False)]
    raise _rejected("not a container")


def _remove(doc: Any, parts: list[str]) -> Any:
    parent = _parent(doc, parts)
    last = parts[-1]
    if isinstance(parent, dict):
        if last not in parent:
            raise _rejected(f"missing value at {last!r}")
        return parent.pop(last)
    if isinstance(parent, list):
        return parent.pop(_index(parent, last, allow_end=False))
    raise _rejected("not a container")


def _add(doc: Any, parts: list[str], value: Any) -> Any:
    if not parts:
        return value
    parent = _parent(doc, parts)
    last = parts[-1]
    if isinstance(parent, dict):
        parent[last] = value
    elif isinstance(parent, list):
        parent.insert(_index(parent, last, allow_end=True), value)
    else:
        raise _rejected("not a container")
    return doc


def json_patch(doc: Any, ops: Any) -> Any:
    """RFC 6902 on a deep copy of ``doc``; any failed operation (including ``test``) is a 422."""
    if not isinstance(ops, list):
        raise bad_request("json: cannot unmarshal object into Go value of type jsonpatch.Patch")
    out = copy.deepcopy(doc)
    for op in ops:
        if not isinstance(op, dict) or "op" not in op or "path" not in op:
            raise bad_request("invalid JSON patch operation")
        kind = op["op"]
        parts = _pointer(op["path"])
        if kind == "add":
            out = _add(out, parts, copy.deepcopy(op.get("value")))
        elif kind == "remove":
            _remove(out, parts)
        elif kind == "replace":
            _get(out, parts)
            if parts:
                _remove(out, parts)
            out = _add(out, parts, copy.deepcopy(op.get("value")))
        elif kind in ("move", "copy"):
            src = _pointer(op.get("from", ""))
            value = _remove(out, src) if kind == "move" else copy.deepcopy(_get(out, src))
            out = _add(out, parts, value)
        elif kind == "test":
            if _get(out, parts) != op.get("value"):
                raise _rejected(f"testing value {op['path']} failed")
        else:
            raise bad_request(f"Unexpected kind: {kind}")
    return out
