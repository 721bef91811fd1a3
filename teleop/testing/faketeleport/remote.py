"""``RemoteControl``: drive a faketeleport running in another process through its control port.

End-to-end tests run the operator and faketeleport as separate processes; this is the typed
Python side of the HTTP API in ``control`` so those tests read like in-process ones::

    async with RemoteControl(ready["control"]) as fake:
        await fake.outage(5)
        await fake.disable("users.v1")
        writes = await fake.writes(kind="role")
"""

from __future__ import annotations

from types import TracebackType
from typing import Any

import aiohttp

__all__ = ["RemoteControl"]


class RemoteControl:
    """An aiohttp session bound to one faketeleport control URL."""

    def __init__(self, url: str) -> None:
        self._url = url.rstrip("/")
        self._http: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> RemoteControl:
        self._http = aiohttp.ClientSession(raise_for_status=True)
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._http is not None:
            await self._http.close()
            self._http = None

    async def _request(self, method: str, path: str, **kw: Any) -> Any:
        if self._http is None:
            raise RuntimeError("use RemoteControl as an async context manager")
        async with self._http.request(method, self._url + path, **kw) as resp:
            return await resp.json()

    async def fault(
        self,
        method: str = "*",
        *,
        code: str | None = None,
        message: str = "injected fault",
        kind: str | None = None,
        latency: float = 0.0,
        times: int | None = None,
        duration: float | None = None,
    ) -> int:
        """Add a fault rule (``code`` is a gRPC code name such as ``"UNAVAILABLE"``); its id."""
        body = {
            "method": method,
            "code": code,
            "message": message,
            "kind": kind,
            "latency": latency,
            "times": times,
            "duration": duration,
        }
        return int((await self._request("POST", "/faults", json=body))["id"])

    async def outage(self, seconds: float) -> int:
        return await self.fault(code="UNAVAILABLE", message="injected outage", duration=seconds)

    async def deny_kind(self, kind: str) -> int:
        msg = f'access denied to perform action on "{kind}"'
        return await self.fault(code="PERMISSION_DENIED", kind=kind, message=msg)

    async def disable(self, pattern: str) -> None:
        await self._request("POST", "/disable", json={"pattern": pattern})

    async def clear_faults(self) -> None:
        await self._request("DELETE", "/faults")

    async def set_features(self, **features: bool) -> dict[str, bool]:
        """Change ``oidc``, ``saml`` or ``advanced_access_workflows``; returns all three."""
        result: dict[str, bool] = await self._request("PUT", "/features", json=features)
        return result

    async def writes(
        self, *, kind: str | None = None, name: str | None = None, method: str | None = None
    ) -> list[dict[str, Any]]:
        params = {k: v for k, v in (("kind", kind), ("name", name), ("method", method)) if v}
        result: list[dict[str, Any]] = await self._request("GET", "/writes", params=params)
        return result

    async def clear_writes(self) -> None:
        await self._request("DELETE", "/writes")

    async def resources(self, kind: str) -> list[dict[str, str]]:
        """``[{"name", "revision"}]`` stored for ``kind``."""
        result: list[dict[str, str]] = await self._request("GET", f"/resources/{kind}")
        return result
