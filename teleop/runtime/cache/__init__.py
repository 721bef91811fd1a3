"""teleop.runtime.cache (being built)."""

__all__: list[str] = []
