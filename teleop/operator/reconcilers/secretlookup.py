"""``secret://<secret>/<key>``: read a value for a Teleport resource from a Kubernetes Secret.

The Go operator's ``secretlookup`` (v16.4+, gravitational/teleport#46699), same rules:

- the value must parse as ``secret://<secret-name>/<key>`` (bad scheme, no name, no key: refused);
  the name must be a valid Secret name (DNS-1123 subdomain) and the key a valid Secret key, so
  nothing but one Secret can be addressed (``..`` or escaped slashes would make another URL);
- the Secret is read from the **CR's own namespace**: the URI has no namespace part and
  ``resolve`` takes the CR, not a namespace, so no other namespace can be named;
- the Secret must carry the annotation ``resources.teleport.dev/allow-lookup-from-cr`` whose value
  is ``*`` or a comma-separated list (whitespace trimmed) containing the CR's name;
- the result is ``data[key]`` decoded from base64.

Errors never contain the secret's value: they name the Secret, the key and the CR, and say what
to do. ``SecretLookupRefused`` is the "not allowed" case (the Go operator's AccessDenied),
``SecretLookupError`` everything else (BadParameter, missing Secret or key).
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import urlsplit

from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP, SECRET_SCHEME
from teleop.runtime import KubeClient, KubeObject, ResourceType
from teleop.runtime.client import NotFound

__all__ = [
    "SECRETS",
    "SecretLookupError",
    "SecretLookupRefused",
    "SecretRef",
    "is_secret_ref",
    "parse_secret_ref",
    "resolve",
]

SECRETS = ResourceType("", "v1", "secrets", "Secret")

# Kubernetes' rules for an object name (DNS-1123 subdomain) and for a key of a Secret's data.
_DNS1123_SUBDOMAIN = re.compile(
    r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$"
)
_SECRET_KEY = re.compile(r"^[-._a-zA-Z0-9]+$")


class SecretLookupError(Exception):
    """A ``secret://`` reference could not be resolved; the message says what to fix."""


class SecretLookupRefused(SecretLookupError):
    """The Secret does not allow this CR to read it."""


def is_secret_ref(value: str) -> bool:
    return value.startswith(SECRET_SCHEME)


class SecretRef:
    """A parsed ``secret://<name>/<key>``."""

    __slots__ = ("key", "name")

    def __init__(self, name: str, key: str) -> None:
        self.name = name
        self.key = key

    def __repr__(self) -> str:
        return f"SecretRef({self.name!r}, {self.key!r})"


def parse_secret_ref(uri: str) -> SecretRef:
    """Parse ``secret://<name>/<key>``; SecretLookupError names what is wrong."""
    try:
        parts = urlsplit(uri)
    except ValueError as e:
        raise SecretLookupError(f"cannot parse the secret reference {uri!r}: {e}") from e
    if parts.scheme != "secret":
        raise SecretLookupError(
            f"the secret reference {uri!r} must start with secret:// "
            "(write secret://<secret-name>/<key>)"
        )
    name, key = parts.netloc, parts.path.removeprefix("/")
    if not name:
        raise SecretLookupError(
            f"the secret reference {uri!r} names no Secret (write secret://<secret-name>/<key>)"
        )
    if not key or "/" in key or parts.query or parts.fragment:
        raise SecretLookupError(
            f"the secret reference {uri!r} must name exactly one key "
            "(write secret://<secret-name>/<key>)"
        )
    if len(name) > 253 or not _DNS1123_SUBDOMAIN.match(name):
        raise SecretLookupError(
            f"the secret reference {uri!r} names {name!r}, which is not a valid Secret name "
            "(lower-case letters, digits, '-' and '.'; at most 253 characters)"
        )
    if len(key) > 253 or not _SECRET_KEY.match(key) or key in (".", ".."):
        raise SecretLookupError(
            f"the secret reference {uri!r} names the key {key!r}, which is not a valid Secret key "
            "(letters, digits, '-', '_' and '.')"
        )
    return SecretRef(name, key)


def _allowed(annotation: str, cr_name: str) -> bool:
    entries = [entry.strip() for entry in annotation.split(",")]
    return "*" in entries or cr_name in entries


async def resolve(
    client: KubeClient, cr: KubeObject, uri: str, *, versions: dict[str, str] | None = None
) -> str:
    """The value ``uri`` points at, read from a Secret in ``cr``'s namespace (module docstring).

    ``versions``, when given, gets ``uri`` → the Secret's ``uid/resourceVersion`` (what the
    applied hash covers instead of the value).
    """
    ref = parse_secret_ref(uri)
    md = cr.get("metadata") or {}
    namespace: str = md["namespace"]
    cr_name: str = md["name"]
    where = f"Secret {namespace}/{ref.name}"
    try:
        secret = await client.get(SECRETS, ref.name, namespace=namespace)
    except NotFound as e:
        raise SecretLookupError(
            f"{where} does not exist; create it in the CR's namespace with the key {ref.key!r}"
        ) from e
    annotations = (secret.get("metadata") or {}).get("annotations") or {}
    annotation = annotations.get(ANNOTATION_SECRET_LOOKUP)
    if annotation is None:
        raise SecretLookupError(
            f"{where} lacks the annotation {ANNOTATION_SECRET_LOOKUP}; add it with the value "
            f"{cr_name!r} (or '*') to let this CR read it"
        )
    if not _allowed(annotation, cr_name):
        raise SecretLookupRefused(
            f"{where} does not list {cr_name!r} in its annotation {ANNOTATION_SECRET_LOOKUP}; "
            "add the CR's name to the comma-separated list (or use '*')"
        )
    data = secret.get("data") or {}
    encoded = data.get(ref.key)
    if encoded is None:
        raise SecretLookupError(f"{where} has no key {ref.key!r}; add it or fix the reference")
    try:
        value = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        # ``from None``: the decoder's message could quote part of the value.
        raise SecretLookupError(
            f"the key {ref.key!r} of {where} is not base64-encoded UTF-8 text"
        ) from None
    if versions is not None:
        smd = secret.get("metadata") or {}
        versions[uri] = f"{smd.get('uid', '')}/{smd.get('resourceVersion', '')}"
    return value
