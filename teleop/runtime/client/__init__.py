"""teleop.runtime.client: a thin async Kubernetes client working on plain dicts.

``KubeClient`` talks to the API server for any ``ResourceType``; failures are typed ``ApiError``
subclasses; ``TokenBucket`` is the optional client-side limiter.
"""

from teleop.runtime.client.auth import ConfigurationAuth, FileToken, StaticToken, TokenSource
from teleop.runtime.client.errors import (
    AlreadyExists,
    ApiError,
    BadRequest,
    Cause,
    Conflict,
    Expired,
    Forbidden,
    Gone,
    Invalid,
    MethodNotAllowed,
    NotFound,
    RequestEntityTooLarge,
    ServerError,
    ServiceUnavailable,
    Timeout,
    TooManyRequests,
    TransportError,
    Unauthorized,
    UnsupportedMediaType,
    error_from_status,
    is_already_exists,
    is_conflict,
    is_expired,
    is_forbidden,
    is_invalid,
    is_not_found,
    is_too_many_requests,
    is_unauthorized,
)
from teleop.runtime.client.kubeconfig import (
    Connection,
    connection_from_kubeconfig,
    connection_from_url,
    incluster_connection,
)
from teleop.runtime.client.objects import KubeObject, ResourceType, api_path, meta, object_key
from teleop.runtime.client.ratelimit import TokenBucket
from teleop.runtime.client.rest import KubeClient, PatchType
from teleop.runtime.client.transport import Transport
from teleop.runtime.client.watch import WatchEvent

__all__ = [
    "AlreadyExists",
    "ApiError",
    "BadRequest",
    "Cause",
    "ConfigurationAuth",
    "Conflict",
    "Connection",
    "Expired",
    "FileToken",
    "Forbidden",
    "Gone",
    "Invalid",
    "KubeClient",
    "KubeObject",
    "MethodNotAllowed",
    "NotFound",
    "PatchType",
    "RequestEntityTooLarge",
    "ResourceType",
    "ServerError",
    "ServiceUnavailable",
    "StaticToken",
    "Timeout",
    "TokenBucket",
    "TokenSource",
    "TooManyRequests",
    "Transport",
    "TransportError",
    "Unauthorized",
    "UnsupportedMediaType",
    "WatchEvent",
    "api_path",
    "connection_from_kubeconfig",
    "connection_from_url",
    "error_from_status",
    "incluster_connection",
    "is_already_exists",
    "is_conflict",
    "is_expired",
    "is_forbidden",
    "is_invalid",
    "is_not_found",
    "is_too_many_requests",
    "is_unauthorized",
    "meta",
    "object_key",
]
