"""teleop.runtime.workqueue (being built)."""

__all__: list[str] = []
