"""teleop.runtime: a controller runtime for asyncio, modelled on client-go and controller-runtime.

It knows nothing of Teleport. This module is the public API: what an operator needs to write
reconcilers and run them under a ``Manager``. Everything here is re-exported from the
subpackages, which stay importable for the less common pieces (rate limiters, reflectors,
stores, the event correlator, ...). A minimal operator::

    mgr = await Manager.from_kubeconfig(ManagerOptions(leader_election_id="my-operator",
                                                       leader_election_namespace="ops"))
    informer = mgr.cache.informer_for(CONFIGMAPS)
    ctrl = Controller("configmaps", ReconcilerFunc(reconcile), clock=mgr.clock,
                      metrics=mgr.metrics)
    ctrl.watch(informer, predicates=[GenerationChangedPredicate()])
    mgr.add(ctrl)
    with SignalHandler(mgr.stop):
        await mgr.run()

Names that would clash are qualified: the controller's ``Options`` is ``ControllerOptions``.
"""

from teleop.runtime.cache import (
    DeletedFinalStateUnknown,
    InformerFactory,
    Lister,
    ResourceEventHandler,
    SharedInformer,
    Store,
)
from teleop.runtime.client import (
    AlreadyExists,
    ApiError,
    Conflict,
    Expired,
    Forbidden,
    Gone,
    Invalid,
    KubeClient,
    KubeObject,
    NotFound,
    PatchType,
    ResourceType,
    TransportError,
    is_already_exists,
    is_conflict,
    is_expired,
    is_forbidden,
    is_invalid,
    is_not_found,
    meta,
    object_key,
)
from teleop.runtime.clock import Clock, SystemClock
from teleop.runtime.controller import CacheSyncTimeoutError, Controller, Source
from teleop.runtime.controller import Options as ControllerOptions
from teleop.runtime.event import EventBroadcaster, EventRecorder
from teleop.runtime.handler import (
    EnqueueRequestForObject,
    EnqueueRequestsFromMapFunc,
    EventHandler,
    MapFunc,
)
from teleop.runtime.healthz import HealthChecks, ping
from teleop.runtime.leaderelection import (
    LeaderCallbacks,
    LeaderElectionConfig,
    LeaderElectionLostError,
    LeaderElector,
    LeaseResourceLock,
)
from teleop.runtime.log import configure_logging, log_fields
from teleop.runtime.manager import (
    Manager,
    ManagerOptions,
    Runnable,
    RunnableFunc,
    SignalHandler,
)
from teleop.runtime.metrics import RuntimeMetrics
from teleop.runtime.predicate import (
    AnnotationChangedPredicate,
    FinalizersChangedPredicate,
    GenerationChangedPredicate,
    LabelChangedPredicate,
    Predicate,
    ResourceVersionChangedPredicate,
    and_,
    not_,
    or_,
)
from teleop.runtime.reconcile import Reconciler, ReconcilerFunc, Request, Result, TerminalError
from teleop.runtime.workqueue import RateLimiter, RateLimitingQueue, default_controller_rate_limiter

__all__ = [
    "AlreadyExists",
    "AnnotationChangedPredicate",
    "ApiError",
    "CacheSyncTimeoutError",
    "Clock",
    "Conflict",
    "Controller",
    "ControllerOptions",
    "DeletedFinalStateUnknown",
    "EnqueueRequestForObject",
    "EnqueueRequestsFromMapFunc",
    "EventBroadcaster",
    "EventHandler",
    "EventRecorder",
    "Expired",
    "FinalizersChangedPredicate",
    "Forbidden",
    "GenerationChangedPredicate",
    "Gone",
    "HealthChecks",
    "InformerFactory",
    "Invalid",
    "KubeClient",
    "KubeObject",
    "LabelChangedPredicate",
    "LeaderCallbacks",
    "LeaderElectionConfig",
    "LeaderElectionLostError",
    "LeaderElector",
    "LeaseResourceLock",
    "Lister",
    "Manager",
    "ManagerOptions",
    "MapFunc",
    "NotFound",
    "PatchType",
    "Predicate",
    "RateLimiter",
    "RateLimitingQueue",
    "Reconciler",
    "ReconcilerFunc",
    "Request",
    "ResourceEventHandler",
    "ResourceType",
    "ResourceVersionChangedPredicate",
    "Result",
    "Runnable",
    "RunnableFunc",
    "RuntimeMetrics",
    "SharedInformer",
    "SignalHandler",
    "Source",
    "Store",
    "SystemClock",
    "TerminalError",
    "TransportError",
    "and_",
    "configure_logging",
    "default_controller_rate_limiter",
    "is_already_exists",
    "is_conflict",
    "is_expired",
    "is_forbidden",
    "is_invalid",
    "is_not_found",
    "log_fields",
    "meta",
    "not_",
    "object_key",
    "or_",
    "ping",
]
