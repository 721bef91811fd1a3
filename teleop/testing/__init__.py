"""teleop.testing: shipped test doubles that are real servers on loopback.

- ``teleop.testing.fakekube``: an in-memory Kubernetes API server over HTTP.
- ``teleop.testing.faketeleport``: a grpc.aio Teleport Auth server.
- ``teleop.testing.clock``: ``FakeClock``, time that moves only when a test says so.
"""

__all__: list[str] = []
