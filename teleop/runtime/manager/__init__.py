"""teleop.runtime.manager (being built)."""

__all__: list[str] = []
