"""api_path builds the URL of a collection, an object or a subresource, and escapes names."""

import pytest

from teleop.runtime.client.objects import ResourceType, api_path

ROLES = ResourceType("resources.teleport.dev", "v5", "teleportroles", "TeleportRole")
NAMESPACES = ResourceType("", "v1", "namespaces", "Namespace", namespaced=False)


def test_paths_for_collections_objects_and_subresources() -> None:
    assert api_path(ROLES) == "/apis/resources.teleport.dev/v5/teleportroles"
    assert (
        api_path(ROLES, namespace="ns", name="r", subresource="status")
        == "/apis/resources.teleport.dev/v5/namespaces/ns/teleportroles/r/status"
    )
    assert api_path(NAMESPACES, namespace="ignored", name="default") == "/api/v1/namespaces/default"


def test_names_are_escaped_so_they_cannot_address_another_object() -> None:
    assert api_path(ROLES, namespace="ns", name="a/b") == (
        "/apis/resources.teleport.dev/v5/namespaces/ns/teleportroles/a%2Fb"
    )
    assert api_path(ROLES, namespace="ns", name="x?y#z").endswith("/teleportroles/x%3Fy%23z")


@pytest.mark.parametrize("name", [".", ".."])
def test_dot_segments_are_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not a valid object name"):
        api_path(ROLES, namespace="ns", name=name)
