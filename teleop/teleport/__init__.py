"""teleop.teleport: an async client for Teleport's Auth gRPC API, wire-compatible with Teleport.

A leaf package: it imports nothing else from teleop.
"""

__all__: list[str] = []
