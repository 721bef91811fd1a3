"""Which methods a server answered UNIMPLEMENTED, so later calls go straight to the legacy method.

Teleport's Go client tries the new method and falls back on ``Unimplemented``; doing that on every
call would cost an extra round trip per reconcile against an older Auth server. ``FallbackMemory``
records, per ``Transport`` (so per ``Client``), each method that answered UNIMPLEMENTED, and the
resource methods skip straight to the legacy method afterwards.

The memory belongs to one channel generation: when a credential rotation opens a new channel the
server behind it may have been upgraded, so the first call on the new generation forgets
everything and tries the new methods again. An answer from an older generation that arrives after
the switch is not recorded. No locking: it is touched only from the event loop.
"""

from __future__ import annotations

__all__ = ["FallbackMemory"]


class FallbackMemory:
    """Methods known to be unimplemented on the current channel generation."""

    def __init__(self) -> None:
        self._generation = 0
        self._methods: set[str] = set()

    def _sync(self, generation: int) -> None:
        if generation != self._generation:
            self._methods.clear()
            self._generation = generation

    def use_legacy(self, method: str, generation: int) -> bool:
        """True when ``method`` answered UNIMPLEMENTED on channel ``generation``."""
        self._sync(generation)
        return method in self._methods

    def remember(self, method: str, generation: int) -> None:
        """Record that ``method`` answered UNIMPLEMENTED on channel ``generation``."""
        if generation < self._generation:
            return  # a late answer from a retired channel says nothing about the new server
        self._sync(generation)
        self._methods.add(method)

    def __contains__(self, method: str) -> bool:
        return method in self._methods
