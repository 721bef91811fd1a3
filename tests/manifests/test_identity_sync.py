"""manifests/remote/identity_sync.py: the sidecar that turns the group-readable Secret file into
the private identity file teleop accepts, and keeps it current."""

from __future__ import annotations

import importlib.util
import os
import stat
from pathlib import Path
from types import ModuleType

from teleop.teleport.identity import check_private_file
from tests.manifests.render import MANIFESTS


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "identity_sync", MANIFESTS / "remote" / "identity_sync.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_copies_a_group_readable_secret_file_to_a_private_file(tmp_path: Path) -> None:
    sync = load().sync
    source, target = tmp_path / "secret" / "identity", tmp_path / "run" / "identity"
    source.parent.mkdir()
    target.parent.mkdir()
    assert sync(str(source), str(target), None) is None  # no Secret yet: nothing, no error
    assert not target.exists()
    source.write_bytes(b"identity v1")
    source.chmod(0o440)  # what the kubelet makes of a Secret file with an fsGroup
    last = sync(str(source), str(target), None)
    assert last == b"identity v1"
    assert target.read_bytes() == b"identity v1"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    check_private_file(target)  # teleop's own check accepts the copy
    assert not list(target.parent.glob(".*.tmp"))


def test_rewrites_only_when_the_secret_changes(tmp_path: Path) -> None:
    sync = load().sync
    source, target = tmp_path / "identity.src", tmp_path / "identity"
    source.write_bytes(b"v1")
    last = sync(str(source), str(target), None)
    inode = target.stat().st_ino
    assert sync(str(source), str(target), last) == last
    assert target.stat().st_ino == inode  # unchanged: not rewritten
    # The kubelet updates a Secret volume by swapping a symlinked directory; a new file suffices.
    source.unlink()
    source.write_bytes(b"v2")
    assert sync(str(source), str(target), last) == b"v2"
    assert target.read_bytes() == b"v2"
    assert target.stat().st_ino != inode  # replaced by rename: a reader never sees half a file
    os.remove(target)
    assert sync(str(source), str(target), b"v2") == b"v2"  # a lost copy is restored
    assert target.read_bytes() == b"v2"
