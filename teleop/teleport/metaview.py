"""``metadata_view``: any resource's metadata through the legacy ``types.Metadata`` names.

Teleport has two metadata messages: the legacy ``types.Metadata`` (``Name``, ``Labels``,
``Revision``, ...) of roles, users, tokens and connectors, and ``teleport.header.v1.Metadata``
(``name``, ``labels``, ``revision``, ...) of the RFD 153 resources (bots, workload identities,
autoupdate singletons, access lists). Code that handles every kind (the operator's generic
reconciler, faketeleport's store) reads and writes metadata through one set of names;
``metadata_view`` returns the legacy message itself, or a thin view over a header.v1 message that
maps the legacy names onto it (reads and writes go straight to the wrapped message).
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any, Protocol

from google.protobuf.message import Message

__all__ = ["HEADER_METADATA", "HeaderMetadataView", "MetadataLike", "metadata_view"]

HEADER_METADATA = "teleport.header.v1.Metadata"
"""Full name of the RFD 153 metadata message."""


class MetadataLike(Protocol):
    """The metadata fields every kind has, under the legacy names."""

    Name: str
    Namespace: str
    Description: str
    Revision: str

    @property
    def Labels(self) -> MutableMapping[str, str]: ...


class HeaderMetadataView:
    """A ``teleport.header.v1.Metadata`` seen through the legacy field names."""

    __slots__ = ("message",)

    def __init__(self, message: Any) -> None:
        self.message = message

    @property
    def Name(self) -> str:
        return str(self.message.name)

    @Name.setter
    def Name(self, value: str) -> None:
        self.message.name = value

    @property
    def Namespace(self) -> str:
        return str(self.message.namespace)

    @Namespace.setter
    def Namespace(self, value: str) -> None:
        self.message.namespace = value

    @property
    def Description(self) -> str:
        return str(self.message.description)

    @Description.setter
    def Description(self, value: str) -> None:
        self.message.description = value

    @property
    def Revision(self) -> str:
        return str(self.message.revision)

    @Revision.setter
    def Revision(self, value: str) -> None:
        self.message.revision = value

    @property
    def Labels(self) -> MutableMapping[str, str]:
        labels: MutableMapping[str, str] = self.message.labels
        return labels


def metadata_view(metadata: Message) -> MetadataLike:
    """``metadata`` itself (legacy) or a ``HeaderMetadataView`` of it (header.v1)."""
    if metadata.DESCRIPTOR.full_name == HEADER_METADATA:
        return HeaderMetadataView(metadata)
    legacy: MetadataLike = metadata  # type: ignore[assignment]
    return legacy
