"""The package's public names are exactly its sorted ``__all__``."""

from __future__ import annotations

import teleop.teleport.convert as convert


def test_all_is_sorted_and_importable() -> None:
    assert convert.__all__ == sorted(convert.__all__)
    for name in convert.__all__:
        assert getattr(convert, name) is not None
