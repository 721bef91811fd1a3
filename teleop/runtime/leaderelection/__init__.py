"""Leader election on a ``coordination.k8s.io/v1`` Lease, client-go's algorithm.

``LeaseResourceLock`` stores the record in a Lease; ``LeaderElector`` competes for it with
controller-runtime's defaults (``LeaderElectionConfig``). The manager runs one elector and starts
leader-only runnables while it leads.
"""

from teleop.runtime.leaderelection.config import (
    JITTER_FACTOR,
    LeaderElectionConfig,
    default_identity,
)
from teleop.runtime.leaderelection.elector import (
    EXPIRY_MARGIN,
    LeaderCallbacks,
    LeaderElectionLostError,
    LeaderElector,
    jittered,
)
from teleop.runtime.leaderelection.lock import (
    LEASES,
    LeaseClient,
    LeaseConflictError,
    LeaseLock,
    LeaseNotFoundError,
    LeaseResourceLock,
    LockError,
    LockEventRecorder,
    WatchableLeaseLock,
)
from teleop.runtime.leaderelection.record import (
    LeaderElectionRecord,
    format_microtime,
    parse_microtime,
)
from teleop.runtime.leaderelection.timeout import clock_timeout, wait_task

__all__ = [
    "EXPIRY_MARGIN",
    "JITTER_FACTOR",
    "LEASES",
    "LeaderCallbacks",
    "LeaderElectionConfig",
    "LeaderElectionLostError",
    "LeaderElectionRecord",
    "LeaderElector",
    "LeaseClient",
    "LeaseConflictError",
    "LeaseLock",
    "LeaseNotFoundError",
    "LeaseResourceLock",
    "LockError",
    "LockEventRecorder",
    "WatchableLeaseLock",
    "clock_timeout",
    "default_identity",
    "format_microtime",
    "jittered",
    "parse_microtime",
    "wait_task",
]
