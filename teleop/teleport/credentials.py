"""Where the client's mTLS material comes from, and how to tell that it changed on disk.

tbot renews the operator's certificate every renewal interval (30 min by default) by rewriting its
output files. A ``CredentialSource`` loads the material and gives a cheap ``stamp`` (inode, size,
mtime of every file involved) that the client polls; when the stamp changes the client loads the
new material and opens a new channel. Polling needs no extra dependency and works on every
filesystem, including Kubernetes secret volumes whose files are swapped by symlink (``stat``
follows the link, so a new target shows up as a new inode).

Two sources: ``IdentityFileSource`` (one Teleport identity file) and ``FilesSource`` (separate
PEM certificate, key and CA files, e.g. tbot's ``tlscert``/``key``/``tlscacerts`` outputs). Private
key files that group or others can read are refused, as Teleport itself writes them 0600.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import NameOID

from teleop.teleport.errors import BadParameter
from teleop.teleport.identity import check_private_file, read_identity_file

__all__ = ["CredentialSource", "FilesSource", "IdentityFileSource", "TLSMaterial", "file_stamp"]

Stamp = tuple[tuple[int, int, int, int], ...]


@dataclass(frozen=True)
class TLSMaterial:
    """PEM bytes for ``grpc.ssl_channel_credentials``, plus who the certificate says we are."""

    root_certificates: bytes
    private_key: bytes
    certificate_chain: bytes

    @property
    def common_name(self) -> str:
        """The subject CN of our client certificate (Teleport's user or bot identity)."""
        cert = x509.load_pem_x509_certificate(self.certificate_chain)
        names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
        return str(names[0].value) if names else ""

    def validate(self) -> TLSMaterial:
        """Check that the certificate, key and CAs parse and that the key matches the certificate.

        gRPC would accept mismatched PEMs and only fail at the handshake; checking here lets the
        client keep its working channel when a rotation leaves unusable files behind.
        """
        try:
            cert = x509.load_pem_x509_certificate(self.certificate_chain)
            key = serialization.load_pem_private_key(self.private_key, password=None)
            x509.load_pem_x509_certificates(self.root_certificates)
        except (ValueError, TypeError) as e:
            raise BadParameter(f"unusable TLS credentials: {e}") from e
        pub = serialization.PublicFormat.SubjectPublicKeyInfo
        der = serialization.Encoding.DER
        if key.public_key().public_bytes(der, pub) != cert.public_key().public_bytes(der, pub):
            raise BadParameter("TLS private key does not match the certificate")
        return self


class CredentialSource(Protocol):
    """Loads TLS material and reports a stamp that changes whenever the material may have."""

    def stamp(self) -> Stamp:
        """A cheap fingerprint of the files (inode, size, mtime); raises ``OSError`` if missing."""
        ...

    def load(self) -> TLSMaterial:
        """Read and validate the material; raises a ``TeleportError`` when it is unusable."""
        ...


def file_stamp(*paths: Path) -> Stamp:
    """(device, inode, size, mtime_ns) of each path, following symlinks."""
    out = []
    for p in paths:
        st = os.stat(p)
        out.append((st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(out)


@dataclass(frozen=True)
class IdentityFileSource:
    """A Teleport identity file (``tctl auth sign --format=file`` or tbot's identity output)."""

    path: Path

    def stamp(self) -> Stamp:
        return file_stamp(self.path)

    def load(self) -> TLSMaterial:
        ident = read_identity_file(self.path)
        return TLSMaterial(
            root_certificates=ident.tls_ca_bundle,
            private_key=ident.private_key,
            certificate_chain=ident.tls_cert,
        ).validate()


@dataclass(frozen=True)
class FilesSource:
    """Separate PEM files: client certificate, its private key, and the cluster's TLS CA."""

    cert: Path
    key: Path
    ca: Path

    def stamp(self) -> Stamp:
        return file_stamp(self.cert, self.key, self.ca)

    def load(self) -> TLSMaterial:
        try:
            check_private_file(self.key)
            material = TLSMaterial(
                root_certificates=self.ca.read_bytes(),
                private_key=self.key.read_bytes(),
                certificate_chain=self.cert.read_bytes(),
            )
        except FileNotFoundError as e:
            raise BadParameter(f"credential file {e.filename} does not exist") from e
        return material.validate()
