"""teleop.runtime.event (being built)."""

__all__: list[str] = []
