"""Identity file parsing, encoding and the permission check."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from teleop.teleport.credentials import FilesSource, IdentityFileSource
from teleop.teleport.errors import BadParameter, InsecureIdentityFile
from teleop.teleport.identity import (
    Identity,
    decode_identity,
    encode_identity,
    read_identity_file,
)
from teleop.testing.faketeleport.tlsgen import CertificateAuthority, write_private


@pytest.fixture(scope="module")
def ca() -> CertificateAuthority:
    return CertificateAuthority.generate()


def test_round_trip_keeps_every_part(ca: CertificateAuthority) -> None:
    ident = ca.client_identity("bot-operator")
    data = encode_identity(ident)
    assert decode_identity(data) == ident
    # Teleport's order: key, SSH cert, TLS cert, SSH CAs, TLS CAs.
    text = data.decode()
    assert text.index("PRIVATE KEY") < text.index("-cert-v01@openssh.com")
    assert text.index("-cert-v01@openssh.com") < text.index("BEGIN CERTIFICATE")
    assert text.index("@cert-authority") < text.rindex("BEGIN CERTIFICATE")


def test_parse_classifies_by_content_and_tolerates_whitespace(ca: CertificateAuthority) -> None:
    ident = ca.client_identity("alice")
    data = b"\n  " + ident.private_key + b"\n\n" + ident.tls_cert + ident.tls_ca_certs[0]
    parsed = decode_identity(data)
    assert parsed.private_key == ident.private_key
    assert parsed.tls_cert == ident.tls_cert
    assert parsed.tls_ca_certs == ident.tls_ca_certs
    assert parsed.ssh_cert == b""


@pytest.mark.parametrize(
    "data",
    [b"", b"-----BEGIN EC PRIVATE KEY-----\nabc\n", b"garbage\n"],
)
def test_malformed_identity_is_bad_parameter(data: bytes) -> None:
    with pytest.raises(BadParameter):
        decode_identity(data)


def test_unsafe_permissions_refused(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "identity"
    ca.write_identity(path, "operator")
    assert read_identity_file(path).tls_cert
    os.chmod(path, 0o644)
    with pytest.raises(InsecureIdentityFile, match="chmod 600"):
        read_identity_file(path)
    with pytest.raises(InsecureIdentityFile):
        IdentityFileSource(path).load()


def test_missing_identity_file(tmp_path: Path) -> None:
    with pytest.raises(BadParameter, match="does not exist"):
        read_identity_file(tmp_path / "nope")


def test_identity_source_stamp_changes_on_rewrite(tmp_path: Path, ca: CertificateAuthority) -> None:
    path = tmp_path / "identity"
    ca.write_identity(path, "one")
    src = IdentityFileSource(path)
    before = src.stamp()
    assert src.load().common_name == "one"
    ca.write_identity(path, "two")
    assert src.stamp() != before
    assert src.load().common_name == "two"


def test_files_source(tmp_path: Path, ca: CertificateAuthority) -> None:
    ident = ca.client_identity("bob")
    (tmp_path / "tls.crt").write_bytes(ident.tls_cert)
    (tmp_path / "ca.crt").write_bytes(ident.tls_ca_bundle)
    write_private(tmp_path / "tls.key", ident.private_key)
    src = FilesSource(tmp_path / "tls.crt", tmp_path / "tls.key", tmp_path / "ca.crt")
    material = src.load()
    assert material.common_name == "bob"
    assert len(src.stamp()) == 3
    os.chmod(tmp_path / "tls.key", 0o640)
    with pytest.raises(InsecureIdentityFile):
        src.load()


def test_mismatched_key_and_certificate_refused(tmp_path: Path, ca: CertificateAuthority) -> None:
    one, two = ca.client_identity("one"), ca.client_identity("two")
    mixed = Identity(
        private_key=one.private_key, tls_cert=two.tls_cert, tls_ca_certs=one.tls_ca_certs
    )
    path = tmp_path / "identity"
    write_private(path, encode_identity(mixed))
    with pytest.raises(BadParameter, match="does not match"):
        IdentityFileSource(path).load()
