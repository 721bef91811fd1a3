"""faketeleport: a grpc.aio Teleport Auth server double (being built)."""

__all__: list[str] = []
