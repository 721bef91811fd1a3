"""teleop.teleport: an async client for Teleport's Auth gRPC API, wire-compatible with Teleport.

A leaf package: it imports nothing else from teleop. ``Client`` speaks mTLS with a Teleport
identity file (or separate PEM files), follows tbot's certificate rotation without failing calls,
retries only what is safe, and raises the typed errors of ``teleop.teleport.errors``. Resource
messages are the generated classes, named through ``teleop.teleport.types``.
"""

from teleop.teleport import types
from teleop.teleport.client import DEFAULT_SERVER_NAME, Client, ClientOptions
from teleop.teleport.clock import Clock, SystemClock
from teleop.teleport.credentials import (
    CredentialSource,
    FilesSource,
    IdentityFileSource,
    TLSMaterial,
)
from teleop.teleport.errors import (
    AccessDenied,
    AlreadyExists,
    BadParameter,
    ChannelRetired,
    CompareFailed,
    ConnectionProblem,
    InsecureIdentityFile,
    LimitExceeded,
    NotFound,
    TeleportError,
    Timeout,
    Unimplemented,
)
from teleop.teleport.identity import Identity, decode_identity, encode_identity, read_identity_file
from teleop.teleport.metrics import TeleportMetrics
from teleop.teleport.retry import RetryPolicy

__all__ = [
    "DEFAULT_SERVER_NAME",
    "AccessDenied",
    "AlreadyExists",
    "BadParameter",
    "ChannelRetired",
    "Client",
    "ClientOptions",
    "Clock",
    "CompareFailed",
    "ConnectionProblem",
    "CredentialSource",
    "FilesSource",
    "Identity",
    "IdentityFileSource",
    "InsecureIdentityFile",
    "LimitExceeded",
    "NotFound",
    "RetryPolicy",
    "SystemClock",
    "TLSMaterial",
    "TeleportError",
    "TeleportMetrics",
    "Timeout",
    "Unimplemented",
    "decode_identity",
    "encode_identity",
    "read_identity_file",
    "types",
]
