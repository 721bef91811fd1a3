"""Deleting a CR's Teleport resource during finalization, only when it is teleop's to delete.

Split out of the generic reconciler (one concept per file): Get the resource (absent: nothing to
do); one without ``teleport.dev/origin: kubernetes``, or owned by another CR (``ownership``), is
left in place with a Warning ``DeleteSkipped`` event; otherwise delete it (NotFound swallowed)
and record a Normal ``Deleted`` event. A Teleport error records a Warning event saying the
finalizer stays until the deletion succeeds, and is re-raised so the controller retries.
"""

from __future__ import annotations

import logging

from google.protobuf.message import Message

from teleop.operator.apis.conventions import ORIGIN_KUBERNETES, ORIGIN_LABEL
from teleop.operator.reconcilers import events as ev
from teleop.operator.reconcilers.adapter import Adapter
from teleop.operator.reconcilers.header import labels_of
from teleop.operator.reconcilers.ownership import other_owner
from teleop.runtime import EventRecorder, KubeObject
from teleop.teleport import NotFound as TeleportNotFound
from teleop.teleport import TeleportError

__all__ = ["delete_in_teleport"]


async def delete_in_teleport(
    adapter: Adapter,
    cr: KubeObject,
    name: str,
    *,
    what: str,
    recorder: EventRecorder,
    log: logging.Logger,
) -> None:
    """Delete ``name`` from Teleport if it is this CR's (module docstring)."""
    try:
        existing: Message | None = await adapter.get(name)
    except TeleportNotFound:
        existing = None
    except TeleportError as e:
        _warn(recorder, cr, what, e)
        raise
    if existing is None:
        return
    if labels_of(existing).get(ORIGIN_LABEL) != ORIGIN_KUBERNETES:
        log.info("not deleting the Teleport object: it is not owned by teleop")
        recorder.event(
            cr,
            ev.WARNING,
            ev.DELETE_SKIPPED,
            f"The {what} {name!r} in Teleport was not created by teleop, so it was "
            "left in place. Delete it in Teleport if it should go.",
        )
        return
    other = other_owner(existing, cr)
    if other is not None:
        log.info("not deleting the Teleport object: it is the CR %s's", other)
        recorder.event(
            cr,
            ev.WARNING,
            ev.DELETE_SKIPPED,
            f"The {what} {name!r} in Teleport is managed by the CR {other}, so it was "
            "left in place.",
        )
        return
    log.info("deleting object in Teleport")
    try:
        await adapter.delete(name)
    except TeleportNotFound:
        return
    except TeleportError as e:
        _warn(recorder, cr, what, e)
        raise
    recorder.event(cr, ev.NORMAL, ev.DELETED, f"Deleted {what} {name!r} from Teleport.")


def _warn(recorder: EventRecorder, cr: KubeObject, what: str, err: TeleportError) -> None:
    text = (
        f"Deleting the {what} in Teleport failed: {err.message}. The CR keeps its "
        "finalizer until it succeeds (fix the cause, e.g. remove the references to it, or "
        "annotate the CR teleport.dev/keep=true to leave it in Teleport); teleop retries "
        "with backoff."
    )
    recorder.event(cr, ev.WARNING, ev.TELEPORT_ERROR, text)
