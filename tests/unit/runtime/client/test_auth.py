"""Token sources: the service-account token file is re-read when it rotates."""

from __future__ import annotations

import os
from pathlib import Path

from teleop.runtime.client.auth import FileToken, StaticToken


async def test_static() -> None:
    assert await StaticToken("abc").authorization() == "Bearer abc"
    assert await StaticToken(None).authorization() is None


async def test_file_token_rereads_on_rotation(tmp_path: Path) -> None:
    data = tmp_path / "..data1"
    data.mkdir()
    (data / "token").write_text("one\n")
    link = tmp_path / "token"
    link.symlink_to(data / "token")
    src = FileToken(str(link))
    assert await src.authorization() == "Bearer one"
    assert await src.authorization() == "Bearer one"
    assert src.reads == 1
    # the kubelet writes a new directory and swaps the symlink atomically
    data2 = tmp_path / "..data2"
    data2.mkdir()
    (data2 / "token").write_text("two\n")
    tmp_link = tmp_path / "token.tmp"
    tmp_link.symlink_to(data2 / "token")
    os.replace(tmp_link, link)
    assert await src.authorization() == "Bearer two"
    assert src.reads == 2


async def test_file_token_keeps_old_value_while_file_missing(tmp_path: Path) -> None:
    f = tmp_path / "token"
    f.write_text("one")
    src = FileToken(str(f))
    f.unlink()
    assert await src.authorization() == "Bearer one"
    f.write_text("three")
    src.invalidate()
    assert await src.authorization() == "Bearer three"
