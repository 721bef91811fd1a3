"""teleop: a Kubernetes operator for Teleport, on an asyncio controller runtime of its own.

Packages:
- ``teleop.runtime``: a generic controller runtime modelled on client-go and controller-runtime.
- ``teleop.teleport``: an async, wire-compatible client for Teleport's Auth gRPC API.
- ``teleop.operator``: the reconcilers, CR models and the ``teleop`` command.
- ``teleop.testing``: test doubles that are real servers on loopback (fakekube, faketeleport).
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
