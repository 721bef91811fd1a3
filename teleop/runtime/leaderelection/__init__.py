"""teleop.runtime.leaderelection (being built)."""

__all__: list[str] = []
