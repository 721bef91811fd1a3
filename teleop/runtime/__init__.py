"""teleop.runtime: a controller runtime for asyncio, modelled on client-go and controller-runtime.

It knows nothing of Teleport. The public API is re-exported here as the parts land; see the
README section "The runtime" for an example controller.
"""

from teleop.runtime.clock import Clock, SystemClock
from teleop.runtime.metrics import RuntimeMetrics

__all__ = ["Clock", "RuntimeMetrics", "SystemClock"]
