"""teleop.operator: reconcilers for Teleport resources, the CR models and the ``teleop`` command."""

__all__: list[str] = []
