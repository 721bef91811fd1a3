"""faketeleport's HTTP control surface, for tests that run the operator in other processes.

A tiny aiohttp app on its own port (``--control-port``), JSON in and out:

======================  ========================================================================
``GET /healthz``        ``ok``
``GET /writes``         write log records; filters ``?kind=&name=&method=``
``DELETE /writes``      clear the write log
``GET /faults``         active rules and disabled patterns
``POST /faults``        add a rule: ``{"method": "Get*", "kind": "role", "code": "UNAVAILABLE",
                        "message": "...", "latency": 0.5, "times": 3, "duration": 10}``
                        (all optional); answers ``{"id": n}``
``DELETE /faults``      clear every rule and disabled pattern
``DELETE /faults/{id}`` remove one rule
``POST /disable``       ``{"pattern": "users.v1"}``: answer UNIMPLEMENTED for it
``GET /features``       current features; ``PUT /features`` with any of ``oidc``, ``saml``,
                        ``advanced_access_workflows`` (booleans) changes them
``GET /resources/{k}``  names and revisions stored for kind ``k``
======================  ========================================================================

It is a separate HTTP port rather than a gRPC service so that shell scripts (``curl``) can drive
it too, and so that it is never mistaken for part of Teleport's API.
"""

from __future__ import annotations

from typing import Any

import grpc
from aiohttp import web

from teleop.teleport.metaview import metadata_view
from teleop.testing.faketeleport.faults import FaultRule
from teleop.testing.faketeleport.state import FakeState
from teleop.testing.faketeleport.store import Kind

__all__ = ["ControlServer"]

_FEATURES = ("oidc", "saml", "advanced_access_workflows")


def _rule_from_json(body: dict[str, Any]) -> tuple[FaultRule, float | None]:
    code = body.get("code")
    rule = FaultRule(
        method=str(body.get("method", "*")),
        kind=body.get("kind"),
        code=grpc.StatusCode[str(code).upper()] if code else None,
        message=str(body.get("message", "injected fault")),
        latency=float(body.get("latency", 0.0)),
        times=int(body["times"]) if body.get("times") is not None else None,
    )
    duration = body.get("duration")
    return rule, float(duration) if duration is not None else None


class ControlServer:
    """Serves the control API for one ``FakeState``."""

    def __init__(self, state: FakeState, *, host: str, port: int) -> None:
        self._state = state
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.url = ""

    def _app(self) -> web.Application:
        s = self._state
        routes = web.RouteTableDef()

        @routes.get("/healthz")
        async def healthz(_: web.Request) -> web.Response:
            return web.Response(text="ok")

        @routes.get("/writes")
        async def writes(req: web.Request) -> web.Response:
            q = req.query
            recs = s.log.records(kind=q.get("kind"), name=q.get("name"), method=q.get("method"))
            return web.json_response([r.to_json() for r in recs])

        @routes.delete("/writes")
        async def clear_writes(_: web.Request) -> web.Response:
            s.log.clear()
            return web.json_response({})

        @routes.get("/faults")
        async def faults(_: web.Request) -> web.Response:
            return web.json_response(
                {
                    "rules": [r.to_json() for r in s.faults.rules],
                    "disabled": sorted(s.faults.disabled),
                }
            )

        @routes.post("/faults")
        async def add_fault(req: web.Request) -> web.Response:
            try:
                rule, duration = _rule_from_json(await req.json())
            except (KeyError, ValueError, TypeError) as e:
                raise web.HTTPBadRequest(text=f"bad fault: {e}") from e
            return web.json_response({"id": s.faults.add(rule, duration=duration).id})

        @routes.delete("/faults")
        async def clear_faults(_: web.Request) -> web.Response:
            s.faults.clear()
            return web.json_response({})

        @routes.delete("/faults/{id}")
        async def remove_fault(req: web.Request) -> web.Response:
            s.faults.remove(int(req.match_info["id"]))
            return web.json_response({})

        @routes.post("/disable")
        async def disable(req: web.Request) -> web.Response:
            s.faults.disable(str((await req.json())["pattern"]))
            return web.json_response({})

        @routes.get("/features")
        async def features(_: web.Request) -> web.Response:
            return web.json_response({k: getattr(s.features, k) for k in _FEATURES})

        @routes.put("/features")
        async def set_features(req: web.Request) -> web.Response:
            body = await req.json()
            for k in _FEATURES:
                if k in body:
                    setattr(s.features, k, bool(body[k]))
            return web.json_response({k: getattr(s.features, k) for k in _FEATURES})

        @routes.get("/resources/{kind}")
        async def resources(req: web.Request) -> web.Response:
            kind = Kind(req.match_info["kind"], _metadata_of)
            out = [
                {"name": _metadata_of(o).Name, "revision": _metadata_of(o).Revision}
                for o in s.store.list(kind)
            ]
            return web.json_response(out)

        app = web.Application()
        app.add_routes(routes)
        return app

    async def start(self) -> None:
        runner = web.AppRunner(self._app(), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, self._host, self._port)
        await site.start()
        self._runner = runner
        addresses = runner.addresses
        port = int(addresses[0][1]) if addresses else self._port
        self.url = f"http://{self._host}:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def _metadata_of(obj: Any) -> Any:
    """Metadata of any stored message, whatever its resource family (legacy names)."""
    for attr in ("Metadata", "metadata"):
        if obj.HasField(attr) if attr in obj.DESCRIPTOR.fields_by_name else False:
            return metadata_view(getattr(obj, attr))
    header = obj.Header if "Header" in obj.DESCRIPTOR.fields_by_name else obj.header
    legacy = "Metadata" in header.DESCRIPTOR.fields_by_name
    return metadata_view(header.Metadata if legacy else header.metadata)
