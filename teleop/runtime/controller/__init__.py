"""teleop.runtime.controller (being built)."""

__all__: list[str] = []
