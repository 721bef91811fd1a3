"""teleop.runtime.handler (being built)."""

__all__: list[str] = []
