"""teleop.runtime.log (being built)."""

__all__: list[str] = []
