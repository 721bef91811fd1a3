"""TLS material for faketeleport's mTLS mode: a CA, a server certificate, client identity files.

Teleport's Auth server presents a certificate for ``teleport.cluster.local`` signed by the
cluster's host CA, and clients authenticate with certificates from the user CA; both live in the
identity file a client gets. For a test double one CA signs everything. ECDSA P-256 keeps
generation fast (a few ms per certificate), so tests can mint a fresh client identity to exercise
rotation. Client identity files follow Teleport's layout (``teleop.teleport.identity``), with a real
OpenSSH user certificate so tools that insist on one accept the file.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import ssh
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from teleop.teleport.identity import Identity, encode_identity

__all__ = [
    "SERVER_NAMES",
    "CertificateAuthority",
    "TLSDir",
    "write_private",
    "write_tls_dir",
]

SERVER_NAMES = ("teleport.cluster.local", "localhost", "127.0.0.1")

_PEM = serialization.Encoding.PEM


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        _PEM, serialization.PrivateFormat.TraditionalOpenSSL, serialization.NoEncryption()
    )


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` with mode 0600 by writing a temporary file and renaming it.

    The rename is atomic, as tbot's writes are, so a reader never sees half a file.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


@dataclass(frozen=True)
class CertificateAuthority:
    """One key that signs the server certificate and client certificates (TLS and SSH)."""

    key: ec.EllipticCurvePrivateKey
    cert: x509.Certificate
    cluster_name: str = "faketeleport"

    @classmethod
    def generate(cls, cluster_name: str = "faketeleport") -> CertificateAuthority:
        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name(
            [
                x509.NameAttribute(NameOID.ORGANIZATION_NAME, cluster_name),
                x509.NameAttribute(NameOID.COMMON_NAME, cluster_name),
            ]
        )
        now = datetime.datetime.now(datetime.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=365))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    key_cert_sign=True,
                    crl_sign=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(key, hashes.SHA256())
        )
        return cls(key=key, cert=cert, cluster_name=cluster_name)

    @property
    def cert_pem(self) -> bytes:
        return self.cert.public_bytes(_PEM)

    def _issue(
        self,
        common_name: str,
        *,
        organizations: tuple[str, ...] = (),
        sans: tuple[str, ...] = (),
        server: bool,
        ttl: datetime.timedelta,
    ) -> tuple[ec.EllipticCurvePrivateKey, bytes]:
        key = ec.generate_private_key(ec.SECP256R1())
        attrs = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
        attrs += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, o) for o in organizations]
        now = datetime.datetime.now(datetime.UTC)
        usage = ExtendedKeyUsageOID.SERVER_AUTH if server else ExtendedKeyUsageOID.CLIENT_AUTH
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name(attrs))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + ttl)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        )
        if sans:
            entries: list[x509.GeneralName] = []
            for san in sans:
                try:
                    entries.append(x509.IPAddress(ipaddress.ip_address(san)))
                except ValueError:
                    entries.append(x509.DNSName(san))
            builder = builder.add_extension(x509.SubjectAlternativeName(entries), critical=False)
        cert = builder.sign(self.key, hashes.SHA256())
        return key, cert.public_bytes(_PEM)

    def server_cert(self, sans: tuple[str, ...] = SERVER_NAMES) -> tuple[bytes, bytes]:
        """(certificate PEM, key PEM) for the Auth server, valid for ``sans``."""
        key, cert = self._issue(
            "teleport.cluster.local",
            organizations=("Auth",),
            sans=sans,
            server=True,
            ttl=datetime.timedelta(days=30),
        )
        return cert, _key_pem(key)

    def client_identity(
        self,
        user: str,
        *,
        roles: tuple[str, ...] = ("editor",),
        ttl: datetime.timedelta = datetime.timedelta(hours=1),
    ) -> Identity:
        """A Teleport identity for ``user``: TLS cert with CN=user, O=roles, plus an SSH cert."""
        key, tls_cert = self._issue(user, organizations=roles, server=False, ttl=ttl)
        now = datetime.datetime.now(datetime.UTC)
        ssh_cert = (
            ssh.SSHCertificateBuilder()
            .public_key(key.public_key())
            .serial(x509.random_serial_number() >> 96)
            .type(ssh.SSHCertificateType.USER)
            .key_id(user.encode())
            .valid_principals([user.encode()])
            .valid_after(int((now - datetime.timedelta(minutes=5)).timestamp()))
            .valid_before(int((now + ttl).timestamp()))
            .sign(self.key)
        )
        ssh_ca_pub = self.key.public_key().public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        )
        ca_line = b"@cert-authority *." + self.cluster_name.encode() + b" " + ssh_ca_pub
        return Identity(
            private_key=_key_pem(key),
            tls_cert=tls_cert,
            tls_ca_certs=(self.cert_pem,),
            ssh_cert=ssh_cert.public_bytes() + b"\n",
            ssh_ca_lines=(ca_line + b" type=host\n",),
        )

    def write_identity(
        self,
        path: Path,
        user: str,
        *,
        roles: tuple[str, ...] = ("editor",),
        ttl: datetime.timedelta = datetime.timedelta(hours=1),
    ) -> Identity:
        """Mint an identity for ``user`` and write it to ``path`` (0600, atomically)."""
        ident = self.client_identity(user, roles=roles, ttl=ttl)
        write_private(path, encode_identity(ident))
        return ident

    def private_key_pem(self) -> bytes:
        return _key_pem(self.key)

    @classmethod
    def load(cls, cert_pem: bytes, key_pem: bytes) -> CertificateAuthority:
        key = serialization.load_pem_private_key(key_pem, password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey):
            raise TypeError("faketeleport CA keys are ECDSA")
        return cls(key=key, cert=x509.load_pem_x509_certificate(cert_pem))


@dataclass(frozen=True)
class TLSDir:
    """The files ``--tls-dir`` writes: CA, server cert/key, and a client identity file."""

    root: Path

    @property
    def ca_cert(self) -> Path:
        return self.root / "ca.pem"

    @property
    def ca_key(self) -> Path:
        return self.root / "ca-key.pem"

    @property
    def server_cert(self) -> Path:
        return self.root / "server.pem"

    @property
    def server_key(self) -> Path:
        return self.root / "server-key.pem"

    @property
    def identity(self) -> Path:
        return self.root / "identity"

    def ca(self) -> CertificateAuthority:
        return CertificateAuthority.load(self.ca_cert.read_bytes(), self.ca_key.read_bytes())


def write_tls_dir(root: Path, *, user: str = "operator") -> TLSDir:
    """Create (or reuse) a CA in ``root``, then write a server certificate and an identity file.

    An existing CA is reused so a restarted faketeleport keeps trusting identities it issued.
    """
    root.mkdir(parents=True, exist_ok=True)
    d = TLSDir(root)
    if d.ca_cert.exists() and d.ca_key.exists():
        ca = d.ca()
    else:
        ca = CertificateAuthority.generate()
        write_private(d.ca_key, ca.private_key_pem())
        d.ca_cert.write_bytes(ca.cert_pem)
    cert, key = ca.server_cert()
    d.server_cert.write_bytes(cert)
    write_private(d.server_key, key)
    ca.write_identity(d.identity, user)
    return d
