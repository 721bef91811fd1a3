"""fakekube: an in-memory Kubernetes API server over HTTP (being built)."""

__all__: list[str] = []
