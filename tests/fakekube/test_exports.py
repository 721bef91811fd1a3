"""The public surface of ``teleop.testing.fakekube``."""

from __future__ import annotations

import teleop.testing.fakekube as fakekube


def test_all_is_sorted_and_exported() -> None:
    assert fakekube.__all__ == sorted(fakekube.__all__)
    assert fakekube.__all__ == ["FakeKube", "Faults", "RequestRecord", "WriteRecord"]
    for name in fakekube.__all__:
        assert getattr(fakekube, name) is not None


async def test_fake_kube_defaults() -> None:
    kube = fakekube.FakeKube()
    assert kube.url.startswith("http://127.0.0.1:")
    assert kube.bookmark_interval == 60.0
    assert kube.history_window == 10000
    assert kube.writes == []
