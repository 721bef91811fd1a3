"""Regenerate the protobuf and gRPC modules in teleop/teleport/_proto from teleop/teleport/proto.

The .proto sources keep Teleport's own proto package names (``types``, ``proto``,
``teleport.users.v1``, ...) so that full message and method names match Teleport on the wire.
protoc therefore emits absolute imports such as ``from teleport.legacy.types import types_pb2``,
which would only work with the source root on ``sys.path``. This script runs grpcio-tools into a
scratch directory, rewrites those imports to ``teleop.teleport._proto.<path>``, adds the package
``__init__.py`` files and then replaces the output tree, so the generated code is importable as a
normal subpackage. The output is deterministic: same sources and grpcio-tools version, same bytes
(the regeneration test in tests/unit/teleport/proto relies on that).

Usage: python hack/gen_proto.py [--out DIR]   (default: teleop/teleport/_proto)
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PROTO_ROOT = REPO / "teleop" / "teleport" / "proto"
DEFAULT_OUT = REPO / "teleop" / "teleport" / "_proto"
PACKAGE = "teleop.teleport._proto"
ROOT_INIT = '"""Generated protobuf and gRPC modules (hack/gen_proto.py). Never edit by hand."""\n'

# Top-level proto directories whose generated modules are rewritten into PACKAGE.
_LOCAL_ROOTS = ("teleport", "teleop")
_IMPORT_RE = re.compile(r"^(\s*)from (" + "|".join(_LOCAL_ROOTS) + r")((?:\.\w+)*) import ", re.M)


def proto_sources(root: Path = PROTO_ROOT) -> list[str]:
    """Every .proto under root, as sorted root-relative POSIX paths."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.proto"))


def _rewrite(text: str) -> str:
    return _IMPORT_RE.sub(lambda m: f"{m[1]}from {PACKAGE}.{m[2]}{m[3]} import ", text)


def _run_protoc(scratch: Path) -> None:
    from grpc_tools import protoc  # imported lazily: dev dependency only

    include = Path(protoc.__file__).resolve().parent / "_proto"
    args = [
        "grpc_tools.protoc",
        f"-I{PROTO_ROOT}",
        f"-I{include}",
        f"--python_out={scratch}",
        f"--pyi_out={scratch}",
        f"--grpc_python_out={scratch}",
        *proto_sources(),
    ]
    code = protoc.main(args)
    if code != 0:
        raise SystemExit(f"protoc failed with exit code {code}")


def generate(out: Path) -> None:
    """Generate the whole tree into out, replacing whatever was there."""
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp) / "gen"
        scratch.mkdir()
        _run_protoc(scratch)
        files = sorted(p for p in scratch.rglob("*") if p.is_file())
        packages = {scratch}
        for path in files:
            path.write_text(_rewrite(path.read_text(encoding="utf-8")), encoding="utf-8")
            parent = path.parent
            while parent != scratch:
                packages.add(parent)
                parent = parent.parent
        for pkg in sorted(packages):
            init = pkg / "__init__.py"
            init.write_text(ROOT_INIT if pkg == scratch else "", encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(scratch, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory")
    args = parser.parse_args(argv)
    generate(args.out.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
