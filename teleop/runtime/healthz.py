"""teleop.runtime.healthz (being built)."""

__all__: list[str] = []
