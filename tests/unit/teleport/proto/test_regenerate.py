"""The committed stubs in teleop/teleport/_proto are exactly what hack/gen_proto.py produces.

Regenerating into a scratch directory and comparing byte for byte catches hand edits, a .proto
change committed without its stubs, and non-deterministic generator output.
"""

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parents[4]
COMMITTED = REPO / "teleop" / "teleport" / "_proto"


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_proto", REPO / "hack" / "gen_proto.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_proto", module)
    spec.loader.exec_module(module)
    return module


def _tree(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def test_regeneration_reproduces_committed_stubs(tmp_path: Path) -> None:
    out = tmp_path / "_proto"
    _load_generator().generate(out)
    fresh, committed = _tree(out), _tree(COMMITTED)
    assert sorted(fresh) == sorted(committed)
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert changed == [], f"stale generated files (run `make proto`): {changed}"


def test_every_proto_source_is_generated() -> None:
    sources = _load_generator().proto_sources()
    assert "teleport/legacy/types/types.proto" in sources
    for source in sources:
        module = COMMITTED / (source.removesuffix(".proto") + "_pb2.py")
        assert module.is_file(), source
