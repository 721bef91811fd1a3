"""``setup_controllers``: one controller per kind on a manager, gated on Teleport's features.

For each kind of ``KINDS``: an informer on its CRs in ``namespace`` from the manager's shared
cache (or one per namespace of ``namespaces``, read through one ``NamespacesLister``; a ``None`` in
``namespaces`` is one cluster-wide informer, for ``--all-namespaces``), and a ``Controller``
named after the lower-cased CR kind (``teleportrole``) with the Go operator's event filter
(``cr_changed``, plus ``OwnWriteEcho`` dropping the watch's echo of the reconciler's own writes).
Kinds the cluster serves get a ``GenericReconciler``
over their adapter; kinds whose feature Ping reports off get a ``FeatureUnavailableReconciler``
(their CRs say why in ``Ready``), and one log line each. The reconcilers count drift corrections in
``teleop_drift_corrections_total``, registered on the manager's registry.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from teleop.operator.apis import KINDS, KindSpec
from teleop.operator.reconcilers import (
    FeatureUnavailableReconciler,
    GenericReconciler,
    OwnWriteEcho,
    ReconcilerOptions,
    cr_changed,
    cr_resource_type,
)
from teleop.operator.reconcilers.drift import DriftMetrics
from teleop.operator.resources.listers import NamespacesLister
from teleop.operator.resources.registry import adapter_for
from teleop.runtime import Controller, ControllerOptions, Lister, Manager, Predicate, Reconciler
from teleop.teleport import Client, types
from teleop.teleport.convert import Converter

__all__ = ["SetupResult", "setup_controllers"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SetupResult:
    """What ``setup_controllers`` registered."""

    enabled: tuple[str, ...]
    """CR kinds reconciled against Teleport."""
    skipped: tuple[str, ...]
    """CR kinds the cluster does not offer (only marked FeatureUnavailable)."""
    controllers: tuple[Controller, ...]
    reconcilers: tuple[Reconciler, ...]


def setup_controllers(
    manager: Manager,
    teleport: Client,
    *,
    namespace: str,
    features: types.Features,
    options: ReconcilerOptions | None = None,
    kinds: tuple[KindSpec, ...] = KINDS,
    namespaces: Sequence[str | None] | None = None,
) -> SetupResult:
    """Register a controller per kind on ``manager``; see the module docstring.

    ``namespaces`` (default: ``namespace`` alone) are the namespaces whose CRs are reconciled;
    ``None`` among them means all. ``namespace`` stays the operator's own namespace.
    """
    opts = options if options is not None else ReconcilerOptions()
    watched: tuple[str | None, ...] = tuple(namespaces) if namespaces else (namespace,)
    if None in watched:
        watched = (None,)
    recorder = manager.get_event_recorder_for(opts.event_source)
    drift_metrics = DriftMetrics(manager.metrics.registry)
    converter = Converter()
    enabled: list[str] = []
    skipped: list[str] = []
    controllers: list[Controller] = []
    reconcilers: list[Reconciler] = []
    for kind in kinds:
        rt = cr_resource_type(kind)
        informers = [manager.cache.informer_for(rt, namespace=ns) for ns in watched]
        lister: Lister = informers[0].lister
        if len(informers) > 1:
            lister = NamespacesLister(
                {ns or "": inf.lister for ns, inf in zip(watched, informers, strict=True)}, rt
            )
        reconciler: GenericReconciler | FeatureUnavailableReconciler
        if kind.enabled_by(features):
            reconciler = GenericReconciler(
                adapter_for(kind, teleport),
                kube=manager.client,
                lister=lister,
                resource_type=rt,
                recorder=recorder,
                clock=manager.clock,
                options=opts,
                drift_metrics=drift_metrics,
                converter=converter,
            )
            enabled.append(kind.kind)
        else:
            _log.info(
                "%s is not reconciled: Teleport's Ping reports %s disabled (enterprise only)",
                kind.kind,
                " and ".join(kind.gates),
            )
            reconciler = FeatureUnavailableReconciler(
                kind,
                kube=manager.client,
                lister=lister,
                resource_type=rt,
                recorder=recorder,
                clock=manager.clock,
            )
            skipped.append(kind.kind)
        controller = Controller(
            kind.kind.lower(),
            reconciler,
            clock=manager.clock,
            options=ControllerOptions(max_concurrent_reconciles=opts.max_concurrent_reconciles),
            metrics=manager.metrics,
        )
        predicates: list[Predicate] = [cr_changed()]
        if isinstance(reconciler, GenericReconciler):
            predicates.append(OwnWriteEcho(reconciler.own_writes))
        for informer in informers:
            controller.watch(informer, predicates=predicates)
        manager.add(controller)
        controllers.append(controller)
        reconcilers.append(reconciler)
    return SetupResult(tuple(enabled), tuple(skipped), tuple(controllers), tuple(reconcilers))
