"""Resolving a ``secret://`` value in a spec field: a connector's ``client_secret`` (GitHub, OIDC),
a trusted cluster's ``token``.

Shared by the adapters whose Go counterparts run the secret lookup mutator. A value that does
not start with ``secret://`` is sent as written. Lookup errors become ``MutationError`` (the CR's
status then says MutationError and what to fix); the secret's value never appears in them.
"""

from __future__ import annotations

from typing import Any

from teleop.operator.reconcilers import MutationContext, MutationError, SecretLookupError, resolve
from teleop.operator.reconcilers.secretlookup import is_secret_ref

__all__ = ["resolve_client_secret", "resolve_secret_field"]


async def resolve_secret_field(spec: Any, field: str, path: str, ctx: MutationContext) -> None:
    """Replace ``spec.<field>`` in place when it is a ``secret://`` reference; ``path`` names the
    field in errors (``spec.token``)."""
    value: str = getattr(spec, field)
    if not is_secret_ref(value):
        return
    try:
        resolved = await resolve(ctx.kube, ctx.cr, value, versions=ctx.secret_versions)
    except SecretLookupError as e:
        raise MutationError(f"{path}: {e}") from None
    setattr(spec, field, resolved)


async def resolve_client_secret(spec: Any, ctx: MutationContext) -> None:
    """Replace ``spec.ClientSecret`` in place when it is a ``secret://`` reference."""
    await resolve_secret_field(spec, "ClientSecret", "spec.client_secret", ctx)
