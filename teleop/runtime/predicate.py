"""teleop.runtime.predicate (being built)."""

__all__: list[str] = []
