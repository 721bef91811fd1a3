"""The kopf baseline: teleop's algorithm for TeleportRole and TeleportUser, written on kopf.

Run as ``python -m kopf run --standalone --namespace NS bench/baselines/kopf_operator.py`` with
``KUBECONFIG`` (kopf's own kubeconfig login), ``BENCH_AUTH_SERVER``, ``BENCH_IDENTITY_FILE`` and
``BENCH_METRICS_PORT`` in the environment. It is a faithful port of
``teleop.operator.reconcilers.generic`` for these two kinds, using kopf's idioms and defaults:

- ``@kopf.on.create``, ``on.update`` and ``on.resume`` run one reconcile: decode the spec into
  the Teleport message (teleop's ``build_desired``), Get from Teleport through
  ``teleop.teleport.Client``, refuse a resource without ``teleport.dev/origin=kubernetes``, copy a
  user's ``created_by``, write (upsert a role; create or update a user) only when teleop's
  ``needs_write`` says so, and return the status teleop would write (same conditions,
  ``observedGeneration``, ``teleportRevision``, ``appliedHash``) as a kopf status patch;
- ``@kopf.on.delete`` deletes an owned resource from Teleport; its presence makes kopf manage its
  own finalizer. Teleport errors are raised as ``kopf.TemporaryError`` with teleop's per-item
  backoff as the delay (5 ms doubling; kopf's default of 60 s would measure a setting).

kopf's defaults stay on: its ``last-handled-configuration`` annotation, its Events for handler
outcomes, its progress storage. ``--standalone`` disables peering. ``/metrics`` on
``BENCH_METRICS_PORT`` serves the names the bench reads from teleop
(``leader_election_master_status`` 1 once started, ``controller_runtime_reconcile_total``,
``workqueue_depth`` 0 and ``controller_runtime_active_workers`` = handlers in progress), so the
same criteria apply to both operators. State lives in kopf's ``memo``, not in module globals.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import kopf
from aiohttp import web
from google.protobuf.message import Message

from teleop.operator.apis import conditions as c
from teleop.operator.apis.kinds import kind_spec
from teleop.operator.reconcilers import messages as msg
from teleop.operator.reconcilers.compare import desired_hash, needs_write
from teleop.operator.reconcilers.desired import build_desired
from teleop.operator.reconcilers.generic import is_owned
from teleop.operator.reconcilers.header import metadata_of, revision_of
from teleop.operator.reconcilers.status import StatusBuilder
from teleop.teleport import Client, TeleportError, types
from teleop.teleport import NotFound as TeleportNotFound

ROLE = kind_spec("TeleportRole")
USER = kind_spec("TeleportUser")


@dataclass
class Counters:
    reconciles: int = 0
    active: int = 0
    runners: list[web.AppRunner] = field(default_factory=list)


def _clear_user_fields(message: Message) -> None:
    if isinstance(message, types.UserV2):
        message.Spec.ClearField("CreatedBy")
        message.ClearField("Status")


@kopf.on.startup()
async def startup(memo: kopf.Memo, settings: kopf.OperatorSettings, **_: Any) -> None:
    teleport = Client.from_identity_file(
        os.environ["BENCH_AUTH_SERVER"], os.environ["BENCH_IDENTITY_FILE"]
    )
    await teleport.start()
    memo.teleport = teleport
    memo.counters = Counters()

    async def metrics(_: web.Request) -> web.Response:
        k: Counters = memo.counters
        text = (
            "leader_election_master_status 1\n"
            f"controller_runtime_reconcile_total {k.reconciles}\n"
            "workqueue_depth 0\n"
            f"controller_runtime_active_workers {k.active}\n"
        )
        return web.Response(text=text)

    app = web.Application()
    app.router.add_get("/metrics", metrics)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", int(os.environ["BENCH_METRICS_PORT"])).start()
    memo.counters.runners.append(runner)


@kopf.on.cleanup()
async def cleanup(memo: kopf.Memo, **_: Any) -> None:
    await memo.teleport.close()
    for runner in memo.counters.runners:
        await runner.cleanup()


async def _get(teleport: Client, kind: str, name: str) -> Message | None:
    try:
        if kind == ROLE.kind:
            return await teleport.get_role(name)
        return await teleport.get_user(name)
    except TeleportNotFound:
        return None


def backoff(retry: int) -> float:
    """teleop's per-item backoff (the default controller rate limiter: 5 ms doubling up to
    1,000 s). kopf's own default would wait 60 s before retrying, e.g. a user created a moment
    before its role: that measures a setting, not the framework."""
    return float(min(0.005 * 2**retry, 1000.0))


async def _reconcile(
    body: kopf.Body, memo: kopf.Memo, patch: kopf.Patch, logger: kopf.Logger, retry: int
) -> None:
    counters: Counters = memo.counters
    counters.active += 1
    try:
        await _upsert(dict(body), memo.teleport, patch, logger, retry)
    finally:
        counters.active -= 1
        counters.reconciles += 1


async def _upsert(
    cr: dict[str, Any], teleport: Client, patch: kopf.Patch, logger: Any, retry: int
) -> None:
    kind = ROLE if cr["kind"] == ROLE.kind else USER
    what = kind.teleport_kind
    name: str = cr["metadata"]["name"]
    status = StatusBuilder(cr, datetime.now(UTC))
    desired = build_desired(kind, cr)
    status.set(c.CONDITION_VALID_STRUCTURE, True, c.REASON_NO_ERROR, msg.decoded())
    clear = _clear_user_fields if kind is USER else None
    try:
        existing = await _get(teleport, kind.kind, name)
        if existing is not None and not is_owned(existing):
            text = msg.not_owned(what, name)
            status.set(c.CONDITION_OWNED, False, c.REASON_ORIGIN_LABEL_NOT_MATCHING, text)
            status.ready(False, c.REASON_ORIGIN_LABEL_NOT_MATCHING, text)
            _patch_status(patch, status)
            return
        if existing is None:
            status.set(c.CONDITION_OWNED, True, c.REASON_NEW_RESOURCE, msg.new_resource(what, name))
        elif not status.keep_if_true(c.CONDITION_OWNED):
            status.set(
                c.CONDITION_OWNED, True, c.REASON_ORIGIN_LABEL_MATCHING, msg.owned(what, name)
            )
        if isinstance(desired, types.UserV2) and isinstance(existing, types.UserV2):
            desired.Spec.CreatedBy.CopyFrom(existing.Spec.CreatedBy)
        hash_ = desired_hash(desired, clear)
        if existing is None:
            logger.info("creating object in Teleport")
            stored = await _write(teleport, desired, create=True)
        elif needs_write(
            desired,
            existing,
            applied_hash=status.applied_hash,
            applied_revision=status.applied_revision,
            clear_server_fields=clear,
        ):
            metadata_of(desired).Revision = revision_of(existing)
            logger.info("updating object in Teleport")
            stored = await _write(teleport, desired, create=False)
        else:
            stored = existing
    except TeleportError as e:
        text = msg.teleport_error(e.message or type(e).__name__)
        status.set(c.CONDITION_RECONCILED, False, c.REASON_TELEPORT_ERROR, text)
        status.ready(False, c.REASON_TELEPORT_ERROR, text)
        _patch_status(patch, status)
        raise kopf.TemporaryError(text, delay=backoff(retry)) from e
    status.set(c.CONDITION_RECONCILED, True, c.REASON_NO_ERROR, msg.reconciled())
    status.ready(True, msg.READY_REASON_RECONCILED, msg.ready(what, name))
    status.applied(revision_of(stored), hash_)
    _patch_status(patch, status)


async def _write(teleport: Client, desired: Message, *, create: bool) -> Message:
    if isinstance(desired, types.RoleV6):
        return await teleport.upsert_role(desired)
    assert isinstance(desired, types.UserV2)
    return await (teleport.create_user(desired) if create else teleport.update_user(desired))


def _patch_status(patch: kopf.Patch, status: StatusBuilder) -> None:
    body = status.patch()
    if body is not None:
        for key, value in body["status"].items():
            patch.status[key] = value


async def _delete(body: kopf.Body, memo: kopf.Memo, retry: int, **_: Any) -> None:
    teleport: Client = memo.teleport
    name: str = body["metadata"]["name"]
    try:
        existing = await _get(teleport, str(body["kind"]), name)
        if existing is None or not is_owned(existing):
            return
        if body["kind"] == ROLE.kind:
            await teleport.delete_role(name)
        else:
            await teleport.delete_user(name)
    except TeleportNotFound:
        return
    except TeleportError as e:
        raise kopf.TemporaryError(str(e), delay=backoff(retry)) from e


for _kind in (ROLE, USER):
    _args = (_kind.group, _kind.storage_version, _kind.plural)

    @kopf.on.resume(*_args)
    @kopf.on.create(*_args)
    @kopf.on.update(*_args, field="spec")
    async def reconcile(
        body: kopf.Body,
        memo: kopf.Memo,
        patch: kopf.Patch,
        logger: kopf.Logger,
        retry: int,
        **_: Any,
    ) -> None:
        await _reconcile(body, memo, patch, logger, retry)

    kopf.on.delete(*_args)(_delete)
