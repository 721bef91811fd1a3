"""``FakeTeleport``: a grpc.aio server on loopback that speaks Teleport's Auth API.

Use it as an async context manager in tests::

    async with FakeTeleport(tls_dir=tmp_path) as teleport:
        client = Client.from_identity_file(teleport.address, teleport.tls.identity)
        teleport.faults.outage(5)
        teleport.log.records(kind="role")

With ``tls_dir`` it writes a CA, a server certificate (SANs ``teleport.cluster.local``,
``localhost``, ``127.0.0.1``) and a client identity file into that directory
(``tlsgen.write_tls_dir``) and serves mTLS, requiring a client certificate from that CA, as
Teleport's Auth server does; the write log then records each caller's certificate CN. Without it
the port is plaintext (caller ``""``). ``control_port`` starts the HTTP control surface
(``control``) for tests in other processes. The server owns no background tasks beyond gRPC's
and the control server's; ``stop`` ends watch streams and both servers.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Any

import grpc
import grpc.aio

from teleop.teleport.clock import Clock, SystemClock
from teleop.testing.faketeleport.auth import AUTH_SERVICE, auth_rpcs
from teleop.testing.faketeleport.control import ControlServer
from teleop.testing.faketeleport.faults import Faults
from teleop.testing.faketeleport.loginrules import LOGIN_RULE_SERVICE, login_rule_rpcs
from teleop.testing.faketeleport.okta import OKTA_SERVICE, okta_rpcs
from teleop.testing.faketeleport.rpc import RpcTable
from teleop.testing.faketeleport.services153 import resource153_services
from teleop.testing.faketeleport.state import FakeState, Features
from teleop.testing.faketeleport.store import Store
from teleop.testing.faketeleport.tlsgen import TLSDir, write_tls_dir
from teleop.testing.faketeleport.trustedclusters import TRUST_SERVICE, trust_rpcs
from teleop.testing.faketeleport.users import USERS_SERVICE, users_rpcs
from teleop.testing.faketeleport.writelog import WriteLog

__all__ = ["FakeTeleport"]


class FakeTeleport:
    """One fake Auth server: state, gRPC server, optional mTLS and control port."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        tls_dir: Path | None = None,
        identity_user: str = "operator",
        features: Features | None = None,
        control_port: int | None = None,
        clock: Clock | None = None,
    ) -> None:
        self.state = FakeState(clock=clock or SystemClock(), features=features or Features())
        self._host = host
        self._port = port
        self._tls_dir = tls_dir
        self._identity_user = identity_user
        self._control_port = control_port
        self._server: grpc.aio.Server | None = None
        self._control: ControlServer | None = None
        self.tls: TLSDir | None = None
        self.bound_port = 0

    # --- the parts tests touch -------------------------------------------------------------
    @property
    def faults(self) -> Faults:
        return self.state.faults

    @property
    def log(self) -> WriteLog:
        return self.state.log

    @property
    def store(self) -> Store:
        return self.state.store

    @property
    def features(self) -> Features:
        return self.state.features

    @property
    def address(self) -> str:
        """``host:port`` to dial."""
        return f"{self._host}:{self.bound_port}"

    @property
    def control_url(self) -> str | None:
        return self._control.url if self._control else None

    # --- lifecycle ---------------------------------------------------------------------------
    async def start(self) -> None:
        table = RpcTable(
            self.state.faults, self.state.clock, service_enabled=self.state.service_enabled
        )
        handlers = [
            table.handler(AUTH_SERVICE, auth_rpcs(self.state)),
            table.handler(USERS_SERVICE, list(users_rpcs(self.state))),
            table.handler(LOGIN_RULE_SERVICE, list(login_rule_rpcs(self.state))),
            table.handler(OKTA_SERVICE, list(okta_rpcs(self.state))),
            table.handler(TRUST_SERVICE, list(trust_rpcs(self.state))),
            *(table.handler(name, rows) for name, rows in resource153_services(self.state)),
        ]
        server = grpc.aio.server(handlers=handlers)
        target = f"{self._host}:{self._port}"
        if self._tls_dir is not None:
            self.tls = write_tls_dir(self._tls_dir, user=self._identity_user)
            creds = grpc.ssl_server_credentials(
                [(self.tls.server_key.read_bytes(), self.tls.server_cert.read_bytes())],
                root_certificates=self.tls.ca_cert.read_bytes(),
                require_client_auth=True,
            )
            self.bound_port = server.add_secure_port(target, creds)
        else:
            self.bound_port = server.add_insecure_port(target)
        await server.start()
        self._server = server
        if self._control_port is not None:
            self._control = ControlServer(self.state, host=self._host, port=self._control_port)
            await self._control.start()

    async def stop(self, grace: float | None = None) -> None:
        self.state.store.close_watchers()
        if self._control is not None:
            await self._control.stop()
            self._control = None
        if self._server is not None:
            await self._server.stop(grace)
            self._server = None

    async def wait(self) -> None:
        """Serve until cancelled."""
        if self._server is not None:
            await self._server.wait_for_termination()

    async def __aenter__(self) -> FakeTeleport:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    def describe(self) -> dict[str, Any]:
        """What the command prints when ready."""
        return {
            "address": self.address,
            "control": self.control_url,
            "identity": str(self.tls.identity) if self.tls else None,
            "ca": str(self.tls.ca_cert) if self.tls else None,
        }
