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
the server-managed fields. It covers resolved secrets, so a rotated Secret is written, but never reveals
them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
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


def desired_hash(desired: Message, clear_server_fields: Normalizer | None = None) -> str:
    """SHA-256 (hex) of ``desired``'s deterministic serialization without server-managed fields
    (revision, and what ``clear_server_fields`` clears: a user's ``created_by``, copied in from
    Teleport, must not change the hash)."""
    copy = normalized(desired, clear_server_fields)
    return hashlib.sha256(copy.SerializeToString(deterministic=True)).hexdigest()


def needs_write(
    desired: Message,
    actual: Message,
    *,
    applied_hash: str | None,
    applied_revision: str | None,
    clear_server_fields: Normalizer | None = None,
) -> bool:
    """Whether Teleport's ``actual`` must be overwritten with ``desired`` (module docstring)."""
    if same_resource(desired, actual, clear_server_fields):
        return False
    actual_revision = metadata_of(actual).Revision
    return not (
        applied_hash is not None
        and applied_hash == desired_hash(desired, clear_server_fields)
        and actual_revision != ""
        and applied_revision == actual_revision
    )
