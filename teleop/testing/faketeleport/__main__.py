"""``python -m teleop.testing.faketeleport``: run a fake Teleport Auth server until interrupted.

Prints one JSON line when ready, e.g.
``{"address": "127.0.0.1:3025", "control": "http://127.0.0.1:3080", "identity": "/d/identity",
"ca": "/d/ca.pem"}``, so a harness can read where to connect. ``--tls-dir DIR`` serves mTLS and
writes the CA, server certificate and a client identity file (for ``--identity-user``) into DIR;
``--control-port`` opens the HTTP control surface (``control``); ``--oss`` reports an OSS license
(no OIDC, SAML or advanced access workflows).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from pathlib import Path

from teleop.testing.faketeleport.server import FakeTeleport
from teleop.testing.faketeleport.state import Features


def _parse(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m teleop.testing.faketeleport")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="gRPC port (0 picks a free one)")
    p.add_argument("--tls-dir", type=Path, default=None, help="serve mTLS; write certs here")
    p.add_argument("--identity-user", default="operator", help="CN of the client identity")
    p.add_argument("--control-port", type=int, default=None, help="HTTP control port (0: any)")
    p.add_argument("--oss", action="store_true", help="report an OSS license")
    return p.parse_args(argv)


async def _serve(args: argparse.Namespace) -> None:
    server = FakeTeleport(
        host=args.host,
        port=args.port,
        tls_dir=args.tls_dir,
        identity_user=args.identity_user,
        features=Features.oss() if args.oss else Features(),
        control_port=args.control_port,
    )
    async with server:
        print(json.dumps(server.describe()), flush=True)
        await server.wait()


def main(argv: list[str] | None = None) -> int:
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(_serve(_parse(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
