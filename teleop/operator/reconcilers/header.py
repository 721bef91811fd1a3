"""Where a Teleport message keeps its kind, version and metadata, whatever its shape.

Teleport's messages come in four shapes: legacy resources (``Kind``, ``Version``, ``Metadata`` at
the root: roles, users, tokens, connectors), resources with a ``Header`` (``ResourceHeader``: Okta
import rules), the login rule's lower-case ``version``/``metadata`` (it has no kind field), and
RFD 153 resources whose lower-case ``kind``/``version``/``metadata`` (bots, workload identities,
autoupdate singletons) or ``header`` (access lists) hold a ``teleport.header.v1.Metadata``. The
generic reconciler reads and stamps them through these helpers, found from the message descriptor,
so it never names a kind; header.v1 metadata is seen through the legacy names
(``teleop.teleport.metaview``), so ``metadata_of(m).Labels`` works for every kind.
"""

from __future__ import annotations

from typing import Any

from google.protobuf.message import Message

from teleop.teleport.metaview import MetadataLike, metadata_view

__all__ = ["labels_of", "metadata_of", "revision_of", "stamp_kind_version"]


def _header(message: Message) -> Any:
    fields = message.DESCRIPTOR.fields_by_name
    if "Header" in fields:
        return message.Header  # type: ignore[attr-defined]
    if "header" in fields:
        return message.header  # type: ignore[attr-defined]
    return message


def metadata_of(message: Message) -> MetadataLike:
    """The message's metadata (name, labels, description, revision) under the legacy names."""
    header = _header(message)
    fields = header.DESCRIPTOR.fields_by_name
    md: Message = header.Metadata if "Metadata" in fields else header.metadata
    return metadata_view(md)


def stamp_kind_version(message: Message, kind: str, version: str) -> None:
    """Set the kind (where the message has one) and the resource version."""
    header = _header(message)
    fields = header.DESCRIPTOR.fields_by_name
    if "Kind" in fields:
        header.Kind = kind
    elif "kind" in fields:
        header.kind = kind
    if "Version" in fields:
        header.Version = version
    elif "version" in fields:
        header.version = version


def labels_of(message: Message) -> dict[str, str]:
    return dict(metadata_of(message).Labels)


def revision_of(message: Message) -> str:
    return metadata_of(message).Revision
