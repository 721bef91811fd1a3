"""Where the ``Authorization`` header of each request comes from.

Three sources cover the ways teleop connects: a fixed token (tests, a plain URL), the
service-account token file of a pod, and whatever a kubeconfig set up in a kubernetes_asyncio
``Configuration`` (static token, exec plugin, OIDC; its own refresh hooks run per call).

The file source exists because bound service-account tokens rotate (hourly by default) and
kubernetes_asyncio's in-cluster loader refreshes only its own ``Configuration`` object, so
copies go stale and answer 401 (kubernetes_asyncio issue #253). ``FileToken`` stats the file on
every request (a cheap syscall) and re-reads it when its identity, size or mtime changes (the
kubelet swaps a symlink atomically), and ``invalidate`` forces a re-read after a 401.
"""

from __future__ import annotations

import os
from typing import Any, Protocol

__all__ = ["ConfigurationAuth", "FileToken", "StaticToken", "TokenSource"]


class TokenSource(Protocol):
    """Gives the value of the ``Authorization`` header, or None to send none."""

    async def authorization(self) -> str | None: ...

    def invalidate(self) -> None:
        """The server answered 401: drop anything cached so the next call re-reads."""
        ...


class StaticToken:
    """A fixed bearer token (or no credentials at all when ``token`` is None)."""

    def __init__(self, token: str | None) -> None:
        self._header = f"Bearer {token}" if token else None

    async def authorization(self) -> str | None:
        return self._header

    def invalidate(self) -> None:
        pass


class FileToken:
    """A bearer token read from a file and re-read whenever the file changes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._stamp: tuple[int, int, int, int] | None = None
        self._header: str | None = None
        self.reads = 0
        self._load()

    def _load(self) -> None:
        st = os.stat(self.path)
        stamp = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)
        if stamp == self._stamp and self._header is not None:
            return
        with open(self.path, encoding="utf-8") as f:
            token = f.read().strip()
        if not token:
            raise ValueError(f"service account token file {self.path} is empty")
        self._header = f"Bearer {token}"
        self._stamp = stamp
        self.reads += 1

    async def authorization(self) -> str | None:
        try:
            self._load()
        except (OSError, ValueError):
            # A rotation in progress can leave the file briefly missing or empty: keep the
            # token we have; the server will tell us (401) if it really expired.
            if self._header is None:
                raise
        return self._header

    def invalidate(self) -> None:
        self._stamp = None


class ConfigurationAuth:
    """The credentials a kubeconfig loader put into a kubernetes_asyncio ``Configuration``."""

    def __init__(self, configuration: Any) -> None:
        self._configuration = configuration

    async def authorization(self) -> str | None:
        settings: dict[str, Any] = await self._configuration.auth_settings()
        for name in ("BearerToken", "BasicAuth"):
            value = (settings.get(name) or {}).get("value")
            if value:
                return str(value)
        return None

    def invalidate(self) -> None:
        pass
