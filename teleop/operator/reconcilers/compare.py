"""Whether Teleport already holds what a CR asks for, and the hash that remembers what we wrote.

teleop writes to Teleport only when it must (see .notes/operator-interfaces.md, "Write economy"):

1. the desired message equals the one Teleport returns once fields the server manages are
   cleared on both (the revision, the ``default`` namespace Teleport fills in, and the fields the
   kind's adapter names, such as a user's ``created_by`` and ``status``) → no write;
2. otherwise, if the CR's ``status.appliedHash`` is the hash of the desired message and
   ``status.teleportRevision`` is Teleport's current revision, the remaining difference is
   Teleport's own defaulting (or a secret Teleport does not return) of what we last wrote → no
   write;
3. otherwise (the CR changed, or someone changed the resource in Teleport) → write.

The hash is SHA-256 over the deterministic protobuf serialization of the desired message without
the server-managed fields, taken **before** ``secret://`` references are resolved, plus the uid and
resourceVersion of every Secret read for it. It never covers a secret's value: ``appliedHash`` is
in the CR's status, readable by anyone who can read the CR, and a hash of a weak value could be
brute-forced offline. A rotated Secret still changes the hash (its resourceVersion moves), so it is
written once; so does any other change to that Secret (another key, its annotations), a harmless
extra write. CRs without secret references hash exactly as before (no secret versions added).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import TypeVar

from google.protobuf.message import Message

from teleop.operator.reconcilers.header import metadata_of

__all__ = ["Normalizer", "desired_hash", "needs_write", "normalized", "same_resource"]

M = TypeVar("M", bound=Message)
Normalizer = Callable[[Message], None]
"""Clears, in place, the fields of a kind that Teleport manages (an adapter supplies it)."""

_DEFAULT_NAMESPACE = "default"


def normalized(message: M, clear_server_fields: Normalizer | None = None) -> M:
    """A copy of ``message`` without the fields Teleport manages."""
    copy = type(message)()
    copy.CopyFrom(message)
    md = metadata_of(copy)
    md.Revision = ""
    if md.Namespace == _DEFAULT_NAMESPACE:
        md.Namespace = ""
    if clear_server_fields is not None:
        clear_server_fields(copy)
    return copy


def same_resource(
    desired: Message, actual: Message, clear_server_fields: Normalizer | None = None
) -> bool:
    """Whether ``actual`` is ``desired`` once server-managed fields are ignored on both."""
    return normalized(desired, clear_server_fields) == normalized(actual, clear_server_fields)


def desired_hash(
    desired: Message,
    clear_server_fields: Normalizer | None = None,
    secret_versions: Mapping[str, str] | None = None,
) -> str:
    """SHA-256 (hex) of ``desired``'s deterministic serialization without server-managed fields
    (revision, and what ``clear_server_fields`` clears: a user's ``created_by``, copied in from
    Teleport, must not change the hash), followed by ``secret_versions`` (reference → the
    Secret's ``uid/resourceVersion``, see ``MutationContext``) in a fixed order.

    Pass the message as the CR describes it, with its ``secret://`` references unresolved: the
    hash must never depend on a secret's value (module docstring).
    """
    copy = normalized(desired, clear_server_fields)
    digest = hashlib.sha256(copy.SerializeToString(deterministic=True))
    for reference, version in sorted((secret_versions or {}).items()):
        digest.update(b"\0secret\0" + reference.encode() + b"\0" + version.encode())
    return digest.hexdigest()


def needs_write(
    desired: Message,
    actual: Message,
    *,
    applied_hash: str | None,
    applied_revision: str | None,
    clear_server_fields: Normalizer | None = None,
    hash_: str | None = None,
) -> bool:
    """Whether Teleport's ``actual`` must be overwritten with ``desired`` (module docstring).

    ``hash_`` is the desired hash when the caller computed it (it must, for a message with
    resolved secrets: ``desired_hash`` of the unresolved message and the Secrets' versions);
    otherwise it is ``desired_hash(desired)``.
    """
    if same_resource(desired, actual, clear_server_fields):
        return False
    actual_revision = metadata_of(actual).Revision
    if hash_ is None:
        hash_ = desired_hash(desired, clear_server_fields)
    return not (
        applied_hash is not None
        and applied_hash == hash_
        and actual_revision != ""
        and applied_revision == actual_revision
    )
