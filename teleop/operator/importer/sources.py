"""Which Teleport kinds ``teleop import`` can read, how it lists them, and which CR kind each gets.

Kinds are named as ``tctl`` names them (``role``, ``user``, ``token``, ``github``, ``oidc``,
``saml``, ``login_rule``, ``okta_import_rule``) or by CR kind (``TeleportRoleV7``), case-insensitive.
A role goes to the CR kind whose Teleport version matches the role's (``v7`` →
``TeleportRoleV7``); a role of a version no CR kind writes is skipped with a note, since adopting it
would rewrite it at another version. Kinds of ``KINDS`` without a list call here are reported as
not importable rather than silently ignored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from types import MappingProxyType

from google.protobuf.message import Message

from teleop.operator.apis import KINDS, KindSpec
from teleop.teleport import Client, types

__all__ = ["LISTERS", "importable_kinds", "kind_for", "parse_kinds", "version_of"]

Lister = Callable[[Client], Awaitable[list[Message]]]


async def _roles(c: Client) -> list[Message]:
    return list(await c.list_roles())


async def _users(c: Client) -> list[Message]:
    return list(await c.list_users())


async def _tokens(c: Client) -> list[Message]:
    return list(await c.list_tokens())


async def _github(c: Client) -> list[Message]:
    return list(await c.list_connectors(types.GithubConnectorV3))


async def _oidc(c: Client) -> list[Message]:
    return list(await c.list_connectors(types.OIDCConnectorV3))


async def _saml(c: Client) -> list[Message]:
    return list(await c.list_connectors(types.SAMLConnectorV2))


async def _login_rules(c: Client) -> list[Message]:
    return list(await c.list_login_rules())


async def _okta(c: Client) -> list[Message]:
    return list(await c.list_okta_import_rules())


LISTERS: Mapping[str, Lister] = MappingProxyType(
    {
        "role": _roles,
        "user": _users,
        "token": _tokens,
        "github": _github,
        "oidc": _oidc,
        "saml": _saml,
        "login_rule": _login_rules,
        "okta_import_rule": _okta,
    }
)
"""Teleport kind → the client call listing all of them."""


def importable_kinds() -> tuple[str, ...]:
    """Teleport kinds of ``KINDS`` that have a list call, in ``KINDS`` order."""
    seen: list[str] = []
    for kind in KINDS:
        if kind.teleport_kind in LISTERS and kind.teleport_kind not in seen:
            seen.append(kind.teleport_kind)
    return tuple(seen)


def parse_kinds(text: str) -> tuple[str, ...]:
    """Teleport kinds named in a comma list; ValueError naming the unknown ones."""
    by_name: dict[str, str] = {}
    for kind in KINDS:
        by_name[kind.kind.lower()] = kind.teleport_kind
        by_name[kind.teleport_kind] = kind.teleport_kind
    chosen: list[str] = []
    unknown: list[str] = []
    for part in text.split(","):
        name = part.strip().lower()
        if not name:
            continue
        teleport_kind = by_name.get(name)
        if teleport_kind is None or teleport_kind not in LISTERS:
            unknown.append(part.strip())
        elif teleport_kind not in chosen:
            chosen.append(teleport_kind)
    if unknown:
        raise ValueError(
            f"cannot import {', '.join(unknown)} (importable: {', '.join(importable_kinds())})"
        )
    if not chosen:
        raise ValueError(f"no kind given (importable: {', '.join(importable_kinds())})")
    return tuple(chosen)


def version_of(message: Message) -> str:
    """The resource version (``v7``) whatever the message's shape."""
    fields = message.DESCRIPTOR.fields_by_name
    if "Header" in fields:
        return str(message.Header.Version)  # type: ignore[attr-defined]
    if "Version" in fields:
        return str(message.Version)  # type: ignore[attr-defined]
    return str(message.version)  # type: ignore[attr-defined]


def kind_for(teleport_kind: str, message: Message) -> KindSpec | None:
    """The CR kind that writes ``message`` at its own version, or None."""
    candidates = [k for k in KINDS if k.teleport_kind == teleport_kind]
    version = version_of(message)
    for kind in candidates:
        if kind.teleport_version == version:
            return kind
    if len(candidates) == 1 and not version:
        return candidates[0]
    return None
