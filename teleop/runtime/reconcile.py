"""teleop.runtime.reconcile (being built)."""

__all__: list[str] = []
