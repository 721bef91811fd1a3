"""The reconciler of a kind this Teleport cluster does not offer (an enterprise feature is off).

Teleport's Go operator silently skips such kinds, leaving their CRs without any status. teleop
registers this small reconciler instead: it sets ``Ready=False`` with reason
``FeatureUnavailable`` and a message saying which feature is missing and what to do, and records
one Warning event. It writes only when the condition is not already there, so a CR costs one
status write in the operator's lifetime. It never calls Teleport and never touches finalizers (a
CR created while the feature was on keeps its finalizer: remove it by hand, or turn the feature
back on, to delete such a CR).
"""

from __future__ import annotations

import logging

from teleop.operator.apis import KindSpec
from teleop.operator.apis import conditions as c
from teleop.operator.reconcilers import events as ev
from teleop.operator.reconcilers import messages as msg
from teleop.operator.reconcilers.status import StatusBuilder, find_condition, write_status
from teleop.runtime import Clock, EventRecorder, KubeClient, Lister, Request, ResourceType, Result

__all__ = ["FeatureUnavailableReconciler"]

_log = logging.getLogger(__name__)


class FeatureUnavailableReconciler:
    """Marks the CRs of a gated-off kind ``Ready=False/FeatureUnavailable``, once each."""

    def __init__(
        self,
        kind: KindSpec,
        *,
        kube: KubeClient,
        lister: Lister,
        resource_type: ResourceType,
        recorder: EventRecorder,
        clock: Clock,
    ) -> None:
        self.kind = kind
        self._kube = kube
        self._lister = lister
        self._rt = resource_type
        self._recorder = recorder
        self._clock = clock
        self.message = msg.feature_unavailable(kind.kind, kind.gates)

    async def reconcile(self, request: Request) -> Result:
        cr = self._lister.get(request.namespace, request.name)
        if cr is None or (cr.get("metadata") or {}).get("deletionTimestamp"):
            return Result()
        ready = find_condition((cr.get("status") or {}).get("conditions") or [], c.CONDITION_READY)
        if (
            ready is not None
            and ready.get("reason") == msg.READY_REASON_FEATURE_UNAVAILABLE
            and ready.get("message") == self.message
        ):
            return Result()
        status = StatusBuilder(cr, self._clock.now())
        status.ready(False, msg.READY_REASON_FEATURE_UNAVAILABLE, self.message)
        self._recorder.event(cr, ev.WARNING, ev.FEATURE_UNAVAILABLE, self.message)
        _log.info("%s is not available in this Teleport cluster; marked the CR", self.kind.kind)
        await write_status(self._kube, self._rt, cr, status)
        return Result()
