"""faketeleport: a grpc.aio Teleport Auth server double with Teleport's write semantics.

``FakeTeleport`` serves ``proto.AuthService`` (Ping, roles, tokens, GitHub/OIDC/SAML connectors,
legacy users, WatchEvents), ``teleport.users.v1``, ``teleport.loginrule.v1`` and
``teleport.okta.v1`` from an in-memory store with fresh revisions on every write, records every
write with the caller's certificate CN, and injects faults (errors, latency, outages, denials,
UNIMPLEMENTED methods). Run it in-process as an async context manager or as
``python -m teleop.testing.faketeleport``; other processes steer it through the HTTP control port
(``RemoteControl``).
"""

from teleop.testing.faketeleport.faults import FaultRule, Faults
from teleop.testing.faketeleport.remote import RemoteControl
from teleop.testing.faketeleport.server import FakeTeleport
from teleop.testing.faketeleport.state import FakeState, Features
from teleop.testing.faketeleport.tlsgen import CertificateAuthority, TLSDir, write_tls_dir
from teleop.testing.faketeleport.writelog import WriteLog, WriteRecord

__all__ = [
    "CertificateAuthority",
    "FakeState",
    "FakeTeleport",
    "FaultRule",
    "Faults",
    "Features",
    "RemoteControl",
    "TLSDir",
    "WriteLog",
    "WriteRecord",
    "write_tls_dir",
]
