"""Teleport identity files: parse, encode, and read them safely from disk.

An identity file is what ``tctl auth sign --format=file`` and tbot's identity output write
(``api/identityfile`` in Teleport): one text file holding, in order, the PEM private key, the SSH
certificate (one ``<type>-cert-v01@openssh.com ...`` line), the TLS certificate (PEM), the SSH CA
lines (``@cert-authority ...``, known_hosts form) and the TLS CA certificates (PEM). Teleport's
parser classifies lines rather than trusting positions: the first PEM block is the key, the second
the TLS certificate, every later one a TLS CA; we do the same, so files written by any Teleport
version parse.

Teleport writes these files 0600. The client refuses a file that group or others may read: it holds
a private key with admin-level rights over the cluster.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from teleop.teleport.errors import BadParameter, InsecureIdentityFile

__all__ = [
    "Identity",
    "check_private_file",
    "decode_identity",
    "encode_identity",
    "read_identity_file",
]

_SSH_CERT_TYPES = frozenset(
    {
        "ssh-rsa-cert-v01@openssh.com",
        "ssh-dss-cert-v01@openssh.com",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "ecdsa-sha2-nistp384-cert-v01@openssh.com",
        "ecdsa-sha2-nistp521-cert-v01@openssh.com",
        "ssh-ed25519-cert-v01@openssh.com",
        "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "sk-ssh-ed25519-cert-v01@openssh.com",
        "rsa-sha2-256-cert-v01@openssh.com",
        "rsa-sha2-512-cert-v01@openssh.com",
    }
)


@dataclass(frozen=True)
class Identity:
    """The parts of an identity file, each as bytes ready for TLS or SSH use."""

    private_key: bytes
    tls_cert: bytes
    tls_ca_certs: tuple[bytes, ...]
    ssh_cert: bytes = b""
    ssh_ca_lines: tuple[bytes, ...] = field(default=())

    @property
    def tls_ca_bundle(self) -> bytes:
        """All TLS CA certificates concatenated, as gRPC's ``root_certificates`` wants them."""
        return b"".join(self.tls_ca_certs)


def _with_newline(data: bytes) -> bytes:
    return data if data.endswith(b"\n") else data + b"\n"


def encode_identity(identity: Identity) -> bytes:
    """The identity file bytes, in the order Teleport writes them."""
    parts = [identity.private_key, identity.ssh_cert, identity.tls_cert]
    parts += list(identity.ssh_ca_lines) + list(identity.tls_ca_certs)
    return b"".join(_with_newline(p) for p in parts if p)


def decode_identity(data: bytes) -> Identity:
    """Parse identity file bytes; raises ``BadParameter`` when the key or TLS certificate is missing."""
    key: bytes | None = None
    tls_cert: bytes | None = None
    tls_cas: list[bytes] = []
    ssh_cert = b""
    ssh_cas: list[bytes] = []
    lines = iter(data.splitlines())
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if line.split(b" ", 1)[0].decode(errors="replace") in _SSH_CERT_TYPES:
            ssh_cert = line + b"\n"
        elif line.startswith(b"@cert-authority"):
            ssh_cas.append(line + b"\n")
        elif line.startswith(b"-----BEGIN"):
            block = [line]
            while not line.startswith(b"-----END"):
                nxt = next(lines, None)
                if nxt is None:
                    raise BadParameter("invalid PEM block (fragment) in identity file")
                line = nxt.strip()
                block.append(line)
            pem = b"\n".join(block) + b"\n"
            if key is None:
                key = pem
            elif tls_cert is None:
                tls_cert = pem
            else:
                tls_cas.append(pem)
    if key is None or tls_cert is None:
        raise BadParameter("identity file has no private key and TLS certificate")
    if not tls_cas:
        raise BadParameter("identity file has no TLS CA certificates")
    return Identity(
        private_key=key,
        tls_cert=tls_cert,
        tls_ca_certs=tuple(tls_cas),
        ssh_cert=ssh_cert,
        ssh_ca_lines=tuple(ssh_cas),
    )


def check_private_file(path: Path, st: os.stat_result | None = None) -> None:
    """Raise ``InsecureIdentityFile`` if group or others may read or write ``path``."""
    mode = (st if st is not None else path.stat()).st_mode
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise InsecureIdentityFile(
            f"{path} has unsafe permissions {stat.S_IMODE(mode):04o}: it holds a private key and "
            f"must not be accessible by group or others (run: chmod 600 {path})"
        )


def read_identity_file(path: Path) -> Identity:
    """Read and parse an identity file after checking its permissions."""
    try:
        with path.open("rb") as f:
            check_private_file(path, os.fstat(f.fileno()))
            data = f.read()
    except FileNotFoundError as e:
        raise BadParameter(f"identity file {path} does not exist") from e
    return decode_identity(data)
