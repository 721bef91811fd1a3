"""The per-kind ``Adapter`` protocol: the only kind-specific code the generic reconciler calls.

An adapter names the Teleport calls of its kind (get, create, update, delete; "create" and
"update" are whatever write the Go operator uses for a new and an existing resource: Upsert for
roles and tokens, Create then Upsert for connectors and login rules, Create/Update for users and
Okta import rules), prepares the desired message before it is written (``mutate``: copying a
user's ``created_by``, resolving ``secret://`` references) and clears the fields Teleport manages
before comparisons (``clear_server_fields``). ``AdapterBase`` gives the no-op defaults.

``mutate`` raises ``MutationError`` with a message in our own words (shown in the CR's status)
when it cannot prepare the resource.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from google.protobuf.message import Message

from teleop.operator.apis import KindSpec
from teleop.runtime import KubeClient, KubeObject
from teleop.teleport import Client

__all__ = ["Adapter", "AdapterBase", "MutationContext", "MutationError"]


class MutationError(Exception):
    """The desired resource could not be prepared; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class MutationContext:
    """What ``mutate`` may use: the Kubernetes client (Secrets) and the CR being reconciled.

    ``secret_versions`` collects, per ``secret://`` reference resolved during ``mutate``, the
    Secret's ``uid/resourceVersion`` (``secretlookup.resolve(..., versions=...)`` fills it): the
    applied hash covers these instead of the secret values (``compare``).
    """

    kube: KubeClient
    cr: KubeObject
    secret_versions: dict[str, str] = field(default_factory=dict)


class Adapter(Protocol):
    """The Teleport side of one kind."""

    @property
    def kind(self) -> KindSpec: ...

    async def get(self, name: str) -> Message:
        """The resource as Teleport holds it; raises ``teleop.teleport.NotFound`` when absent."""
        ...

    async def create(self, desired: Message) -> Message:
        """Write a resource Teleport does not hold yet; returns it as stored."""
        ...

    async def update(self, desired: Message) -> Message:
        """Overwrite an existing resource (``desired`` carries its revision); returns it."""
        ...

    async def delete(self, name: str) -> None: ...

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        """Finish ``desired`` in place before it is compared and written."""
        ...

    def clear_server_fields(self, message: Message) -> None:
        """Clear, in place, the fields Teleport sets itself (ignored in comparisons)."""
        ...


class AdapterBase:
    """Holds the kind and the Teleport client; ``mutate`` and ``clear_server_fields`` do nothing."""

    def __init__(self, kind: KindSpec, teleport: Client) -> None:
        self._kind = kind
        self.teleport = teleport

    @property
    def kind(self) -> KindSpec:
        return self._kind

    async def mutate(
        self, desired: Message, existing: Message | None, ctx: MutationContext
    ) -> None:
        return None

    def clear_server_fields(self, message: Message) -> None:
        return None
