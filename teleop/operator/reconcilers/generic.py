"""The generic reconciler: the Go operator's algorithm for any kind, with fewer writes.

One ``GenericReconciler`` per kind, parameterised by an ``Adapter``; it never names a kind. It
reads the CR from the informer's cache (no API GET; ``OwnWrites`` bridges the cache's lag behind
our own writes), and per reconcile:

1. CR gone → nothing. Being deleted → ``finalize`` (below).
2. ``teleport.dev/ignore`` → nothing at all.
3. Decode the spec strictly into the desired Teleport message (``build_desired``). Failure →
   ValidStructure=False/FailedToDecode, Ready=False, a Warning event, no Teleport call and no
   retry: the CR comes back when it changes.
4. Finalizer missing → add it (merge patch with ``resourceVersion``) and **carry on** in the same
   reconcile (the Go operator returns here and needs a second pass).
5. Get from Teleport. Exists without ``teleport.dev/origin=kubernetes`` → TeleportResourceOwned=
   False, Ready=False, a Warning event, never written; looked at again after
   ``unowned_requeue_after``, unless the CR is annotated ``teleport.dev/adopt`` and the resource
   has no origin label at all (``adoption``: taken over, TeleportResourceOwned=True/Adopted, a
   Normal ``Adopted`` event). Owned by another CR (``ownership``: several namespaces watched) →
   TeleportResourceOwned=False/OwnedByAnotherCR, the same way.
6. ``adapter.mutate`` (``created_by``, ``secret://``). Failure → SuccessfullyReconciled=False/
   MutationError, retried with backoff.
7. Absent → create. Exists → copy its revision, and write only if ``compare.needs_write``.
   A Normal event per write; ``DriftCorrected`` when the write undoes a change or deletion made
   in Teleport outside teleop (``drift``), counted in ``teleop_drift_corrections_total``.
8. Conditions (the Go operator's three plus ``Ready``), ``observedGeneration``,
   ``teleportRevision`` and ``appliedHash`` → at most one status write, none when unchanged.

Teleport errors set SuccessfullyReconciled=False/TeleportError and Ready=False with Teleport's
message, record a Warning event and are re-raised, so the controller retries with backoff: the
CR converges once, e.g., the role it refers to exists.

Deletion (finalizer present): ignore → only remove the finalizer (the Go operator hangs there);
keep → remove it without touching Teleport; otherwise (``teleportdelete``) Get → delete if owned
(NotFound swallowed), leave it with a Warning event if not → remove the finalizer.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

from google.protobuf.message import Message

from teleop.operator.apis import conditions as c
from teleop.operator.apis.conventions import (
    ANNOTATION_IGNORE,
    ANNOTATION_KEEP,
    FINALIZER,
    ORIGIN_KUBERNETES,
    ORIGIN_LABEL,
    annotation_flag,
)
from teleop.operator.reconcilers import drift
from teleop.operator.reconcilers import events as ev
from teleop.operator.reconcilers import messages as msg
from teleop.operator.reconcilers.adapter import Adapter, MutationContext, MutationError
from teleop.operator.reconcilers.adoption import may_adopt, refusal_message
from teleop.operator.reconcilers.compare import desired_hash, needs_write
from teleop.operator.reconcilers.desired import build_desired
from teleop.operator.reconcilers.header import labels_of, metadata_of, revision_of
from teleop.operator.reconcilers.options import ReconcilerOptions
from teleop.operator.reconcilers.ownership import (
    REASON_OWNED_BY_ANOTHER_CR,
    other_owner,
    owned_by_another_cr,
    stamp_owner,
)
from teleop.operator.reconcilers.ownwrites import OwnWrites
from teleop.operator.reconcilers.status import StatusBuilder, write_status
from teleop.operator.reconcilers.teleportdelete import delete_in_teleport
from teleop.runtime import (
    Clock,
    EventRecorder,
    KubeClient,
    KubeObject,
    Lister,
    PatchType,
    Request,
    ResourceType,
    Result,
)
from teleop.teleport import AccessDenied, ConnectionProblem, TeleportError
from teleop.teleport import NotFound as TeleportNotFound
from teleop.teleport.convert import ConversionError, Converter

__all__ = ["GenericReconciler", "is_owned"]

_log = logging.getLogger(__name__)


def _describe(err: TeleportError) -> str:
    detail = err.message or type(err).__name__
    if isinstance(err, AccessDenied):
        return msg.access_denied(detail)
    if isinstance(err, ConnectionProblem):
        return msg.connection_problem(detail)
    return msg.teleport_error(detail)


def is_owned(resource: Message) -> bool:
    """Whether a Teleport resource carries ``teleport.dev/origin: kubernetes``."""
    return labels_of(resource).get(ORIGIN_LABEL) == ORIGIN_KUBERNETES


class GenericReconciler:
    """Reconciles the CRs of one kind against Teleport (see the module docstring)."""

    def __init__(
        self,
        adapter: Adapter,
        *,
        kube: KubeClient,
        lister: Lister,
        resource_type: ResourceType,
        recorder: EventRecorder,
        clock: Clock,
        options: ReconcilerOptions | None = None,
        logger: logging.Logger | None = None,
        drift_metrics: drift.DriftMetrics | None = None,
        converter: Converter | None = None,
    ) -> None:
        self.adapter = adapter
        self.kind = adapter.kind
        self._kube = kube
        self._lister = lister
        self._rt = resource_type
        self._recorder = recorder
        self._clock = clock
        self.options = options if options is not None else ReconcilerOptions()
        self._log = logger if logger is not None else _log
        self._own_writes = OwnWrites()
        self._converter = converter if converter is not None else Converter()
        self._what = f"{self.kind.teleport_kind.replace('_', ' ')}"
        self._drift = drift_metrics
        self._written: dict[tuple[str, str], str] = {}
        if drift_metrics is not None:
            drift_metrics.init_kind(self.kind.kind)

    @property
    def own_writes(self) -> OwnWrites:
        """The API server's responses to this reconciler's CR writes (for ``OwnWriteEcho``)."""
        return self._own_writes

    @property
    def lister(self) -> Lister:
        """The cache of this kind's CRs the reconciler reads."""
        return self._lister

    def written_revision(self, namespace: str, name: str) -> str | None:
        """The revision of teleop's last Teleport write for this CR (tells our own writes apart
        in Teleport's event stream)."""
        return self._written.get((namespace, name))

    async def reconcile(self, request: Request) -> Result:
        cached = self._lister.get(request.namespace, request.name)
        cr = self._own_writes.current(request.namespace, request.name, cached)
        if cr is None:
            self._log.info("not found")
            return Result()
        md: dict[str, Any] = cr.get("metadata") or {}
        annotations = md.get("annotations") or {}
        if md.get("deletionTimestamp"):
            await self._finalize(cr)
            return Result()
        if annotation_flag(annotations, ANNOTATION_IGNORE):
            self._log.info("ignoring the CR: it is annotated %s=true", ANNOTATION_IGNORE)
            return Result()
        return await self._upsert(cr)

    # -- create / update -----------------------------------------------------------------------

    async def _upsert(self, cr: KubeObject) -> Result:
        status = StatusBuilder(cr, self._clock.now())
        name: str = cr["metadata"]["name"]
        try:
            desired = build_desired(self.kind, cr, converter=self._converter)
        except ConversionError as e:
            text = msg.failed_to_decode(str(e))
            status.set(c.CONDITION_VALID_STRUCTURE, False, c.REASON_FAILED_TO_DECODE, text)
            status.ready(False, c.REASON_FAILED_TO_DECODE, text)
            self._recorder.event(cr, ev.WARNING, ev.INVALID_SPEC, text)
            self._log.info("the CR does not decode, nothing sent to Teleport: %s", e)
            await self._write_status(cr, status)
            return Result()
        status.set(c.CONDITION_VALID_STRUCTURE, True, c.REASON_NO_ERROR, msg.decoded())

        if FINALIZER not in (cr["metadata"].get("finalizers") or []):
            self._log.info("adding finalizer")
            finalizers = [*(cr["metadata"].get("finalizers") or []), FINALIZER]
            cr = await self._set_finalizers(cr, finalizers)

        existing = await self._teleport(cr, status, self.adapter.get(name), missing_ok=True)
        adopting = existing is not None and not is_owned(existing) and may_adopt(existing, cr)
        if existing is not None and not is_owned(existing) and not adopting:
            text = refusal_message(self._what, name, existing)
            status.set(c.CONDITION_OWNED, False, c.REASON_ORIGIN_LABEL_NOT_MATCHING, text)
            status.ready(False, c.REASON_ORIGIN_LABEL_NOT_MATCHING, text)
            self._recorder.event(cr, ev.WARNING, ev.NOT_OWNED, text)
            self._log.info("refusing to reconcile: the Teleport resource is not owned by teleop")
            await self._write_status(cr, status)
            return Result(requeue_after=self.options.unowned_requeue_after)
        other = other_owner(existing, cr) if existing is not None else None
        if other is not None:
            text = owned_by_another_cr(self._what, name, other)
            status.set(c.CONDITION_OWNED, False, REASON_OWNED_BY_ANOTHER_CR, text)
            status.ready(False, REASON_OWNED_BY_ANOTHER_CR, text)
            self._recorder.event(cr, ev.WARNING, ev.NOT_OWNED, text)
            self._log.info("refusing to reconcile: the Teleport resource is the CR %s's", other)
            await self._write_status(cr, status)
            return Result(requeue_after=self.options.unowned_requeue_after)
        if self.options.record_owner:
            stamp_owner(desired, cr)
        if existing is None:
            status.set(
                c.CONDITION_OWNED, True, c.REASON_NEW_RESOURCE, msg.new_resource(self._what, name)
            )
        elif adopting:
            adopted = msg.adopted(self._what, name)
            status.set(c.CONDITION_OWNED, True, msg.OWNED_REASON_ADOPTED, adopted)
        elif not status.keep_if_true(c.CONDITION_OWNED):
            # An owned resource keeps the reason it had (NewResource after teleop created it),
            # so an unchanged CR gets no status write.
            status.set(
                c.CONDITION_OWNED, True, c.REASON_ORIGIN_LABEL_MATCHING, msg.owned(self._what, name)
            )

        # The hash covers the message as the CR describes it (secret:// references, not the
        # values mutate resolves) plus the versions of the Secrets read (compare's docstring).
        unresolved = type(desired)()
        unresolved.CopyFrom(desired)
        ctx = MutationContext(self._kube, cr)
        try:
            await self.adapter.mutate(desired, existing, ctx)
        except MutationError as e:
            text = msg.mutation_failed(str(e))
            status.set(c.CONDITION_RECONCILED, False, c.REASON_MUTATION_ERROR, text)
            status.ready(False, c.REASON_MUTATION_ERROR, text)
            self._recorder.event(cr, ev.WARNING, ev.MUTATION_FAILED, text)
            await self._write_status(cr, status)
            raise

        hash_ = desired_hash(unresolved, self.adapter.clear_server_fields, ctx.secret_versions)
        if existing is None:
            self._log.info("creating object in Teleport")
            stored = await self._teleport(cr, status, self.adapter.create(desired))
            assert stored is not None
            if drift.is_deleted_out_of_band(status.applied_revision):
                self._corrected(cr, drift.deleted_message(self._what, name))
            else:
                self._recorder.event(
                    cr, ev.NORMAL, ev.CREATED, f"Created {self._what} {name!r} in Teleport."
                )
            revision = self._remember(cr, stored)
        elif adopting or needs_write(
            desired,
            existing,
            applied_hash=status.applied_hash,
            applied_revision=status.applied_revision,
            clear_server_fields=self.adapter.clear_server_fields,
            hash_=hash_,
        ):
            drifted = not adopting and drift.is_changed_out_of_band(status.applied_hash, hash_)
            clear = self.adapter.clear_server_fields
            fields = drift.changed_fields(desired, existing, clear) if drifted else []
            metadata_of(desired).Revision = revision_of(existing)
            self._log.info("updating object in Teleport")
            stored = await self._teleport(cr, status, self.adapter.update(desired))
            assert stored is not None
            if adopting:
                self._recorder.event(cr, ev.NORMAL, ev.ADOPTED, msg.adopted(self._what, name))
            elif drifted:
                self._corrected(cr, drift.restored_message(self._what, name, fields))
            else:
                self._recorder.event(
                    cr, ev.NORMAL, ev.UPDATED, f"Updated {self._what} {name!r} in Teleport."
                )
            revision = self._remember(cr, stored)
        else:
            self._log.debug("Teleport already holds the desired state, not writing")
            revision = revision_of(existing)

        status.set(c.CONDITION_RECONCILED, True, c.REASON_NO_ERROR, msg.reconciled())
        status.ready(True, msg.READY_REASON_RECONCILED, msg.ready(self._what, name))
        status.applied(revision, hash_)
        await self._write_status(cr, status)
        return Result()

    def _corrected(self, cr: KubeObject, text: str) -> None:
        self._log.info("drift corrected: %s", text)
        self._recorder.event(cr, ev.NORMAL, ev.DRIFT_CORRECTED, text)
        if self._drift is not None:
            self._drift.corrected(self.kind.kind)

    def _remember(self, cr: KubeObject, stored: Message) -> str:
        """Note the revision teleop just wrote for ``cr``; returns it."""
        md = cr["metadata"]
        revision = revision_of(stored)
        self._written[(md.get("namespace") or "", md["name"])] = revision
        return revision

    async def _teleport(
        self,
        cr: KubeObject,
        status: StatusBuilder,
        call: Awaitable[Message],
        *,
        missing_ok: bool = False,
    ) -> Message | None:
        """Await a Teleport call; on error record it (condition, event, status) and re-raise."""
        try:
            return await call
        except TeleportError as e:
            if missing_ok and isinstance(e, TeleportNotFound):
                return None
            text = _describe(e)
            status.set(c.CONDITION_RECONCILED, False, c.REASON_TELEPORT_ERROR, text)
            status.ready(False, c.REASON_TELEPORT_ERROR, text)
            self._recorder.event(cr, ev.WARNING, ev.TELEPORT_ERROR, text)
            await self._write_status(cr, status)
            raise

    # -- deletion -------------------------------------------------------------------------------

    async def _finalize(self, cr: KubeObject) -> None:
        md = cr["metadata"]
        finalizers: list[str] = list(md.get("finalizers") or [])
        if FINALIZER not in finalizers:
            return
        annotations = md.get("annotations") or {}
        name: str = md["name"]
        if annotation_flag(annotations, ANNOTATION_IGNORE):
            self._log.info(
                "the CR is annotated %s=true: removing the finalizer only", ANNOTATION_IGNORE
            )
            self._recorder.event(
                cr,
                ev.NORMAL,
                ev.IGNORED,
                f"The CR is annotated {ANNOTATION_IGNORE}=true: Teleport was not touched.",
            )
        elif annotation_flag(annotations, ANNOTATION_KEEP):
            self._log.info(
                "the CR is annotated %s=true: keeping the Teleport object", ANNOTATION_KEEP
            )
            self._recorder.event(
                cr,
                ev.NORMAL,
                ev.KEPT,
                f"The CR is annotated {ANNOTATION_KEEP}=true: the {self._what} {name!r} stays "
                "in Teleport.",
            )
        else:
            await delete_in_teleport(
                self.adapter, cr, name, what=self._what, recorder=self._recorder, log=self._log
            )
        self._log.info("removing finalizer")
        self._written.pop((md.get("namespace") or "", name), None)
        await self._set_finalizers(cr, [f for f in finalizers if f != FINALIZER])

    async def _write_status(self, cr: KubeObject, status: StatusBuilder) -> None:
        written = await write_status(self._kube, self._rt, cr, status)
        if written is not None:
            self._own_writes.record(cr, written)

    async def _set_finalizers(self, cr: KubeObject, finalizers: list[str]) -> KubeObject:
        """Merge-patch ``metadata.finalizers`` (optimistic lock); returns the updated CR."""
        md = cr["metadata"]
        patch = {
            "metadata": {"finalizers": finalizers, "resourceVersion": md.get("resourceVersion")}
        }
        self._own_writes.expect(cr, finalizers)
        try:
            written = await self._kube.patch(
                self._rt,
                md["name"],
                patch,
                namespace=md.get("namespace"),
                patch_type=PatchType.MERGE,
            )
        finally:
            self._own_writes.settle(cr)
        self._own_writes.record(cr, written)
        return written
