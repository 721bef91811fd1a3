"""How to reach an API server: from a kubeconfig, from inside a pod, or from a plain URL.

Each loader returns a ``Connection``: a kubernetes_asyncio ``Configuration`` (host, TLS material;
kubernetes_asyncio builds the aiohttp session and SSL context from it) plus the ``TokenSource``
for the Authorization header. The loaders never touch kubernetes_asyncio's process-wide default
configuration, so two clients in one process (tests, a second cluster) cannot interfere.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kubernetes_asyncio.client import Configuration
from kubernetes_asyncio.config.kube_config import load_kube_config

from teleop.runtime.client.auth import ConfigurationAuth, FileToken, StaticToken, TokenSource

__all__ = [
    "SERVICE_ACCOUNT_CA",
    "SERVICE_ACCOUNT_TOKEN",
    "Connection",
    "connection_from_kubeconfig",
    "connection_from_url",
    "incluster_connection",
]

SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token"
SERVICE_ACCOUNT_CA = "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt"


@dataclass(frozen=True, slots=True)
class Connection:
    """Server address, TLS settings (``configuration``) and credentials (``auth``)."""

    configuration: Any
    auth: TokenSource

    @property
    def host(self) -> str:
        return str(self.configuration.host).rstrip("/")


def _new_configuration() -> Any:
    # ``Configuration()`` would copy the process-wide default; build a pristine one instead.
    return type.__call__(Configuration)


def connection_from_url(
    url: str,
    *,
    token: str | None = None,
    ca_file: str | None = None,
    verify_ssl: bool = True,
) -> Connection:
    """A server at ``url`` with an optional bearer token (tests, port-forwards, fakekube)."""
    cfg = _new_configuration()
    cfg.host = url.rstrip("/")
    cfg.ssl_ca_cert = ca_file
    cfg.verify_ssl = verify_ssl
    return Connection(configuration=cfg, auth=StaticToken(token))


async def connection_from_kubeconfig(
    path: str | None = None, *, context: str | None = None
) -> Connection:
    """The cluster and user of ``context`` (default: current-context) in a kubeconfig file.

    ``path`` defaults to the first entry of ``$KUBECONFIG``, then ``~/.kube/config``.
    """
    if path is None:
        env = os.environ.get("KUBECONFIG", "")
        path = env.split(os.pathsep)[0] if env else "~/.kube/config"
    config_file = os.path.expanduser(path)  # noqa: ASYNC240 (string work, no I/O)
    cfg = _new_configuration()
    await load_kube_config(
        config_file=config_file,
        context=context,
        client_configuration=cfg,
        persist_config=False,
    )
    return Connection(configuration=cfg, auth=ConfigurationAuth(cfg))


def incluster_connection(
    *,
    token_file: str = SERVICE_ACCOUNT_TOKEN,
    ca_file: str = SERVICE_ACCOUNT_CA,
    environ: Mapping[str, str] | None = None,
) -> Connection:
    """The pod's service account: ``KUBERNETES_SERVICE_HOST``/``_PORT``, token and CA files.

    The token file is re-read whenever it changes (see ``FileToken``).
    """
    env = os.environ if environ is None else environ
    host = env.get("KUBERNETES_SERVICE_HOST", "")
    port = env.get("KUBERNETES_SERVICE_PORT", "")
    if not host or not port:
        raise RuntimeError("not in a cluster: KUBERNETES_SERVICE_HOST/PORT are not set")
    if ":" in host:
        host = f"[{host}]"
    cfg = _new_configuration()
    cfg.host = f"https://{host}:{port}"
    cfg.ssl_ca_cert = ca_file
    return Connection(configuration=cfg, auth=FileToken(token_file))
