"""teleop.runtime.client (being built)."""

__all__: list[str] = []
