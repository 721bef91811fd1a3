"""Compiles the test-only .proto files into a private descriptor pool.

The converter must be testable before (and independently of) the generated stubs in
teleop/teleport/_proto, so the test protos are compiled with grpc_tools.protoc into a descriptor
set in a temporary directory and loaded into their own DescriptorPool. Nothing is imported by
module name, so the test package ``types`` cannot collide with the real generated one.
"""

from __future__ import annotations

from pathlib import Path

import grpc_tools
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory
from google.protobuf.message import Message
from grpc_tools import protoc

import teleop.teleport

TESTDATA = Path(__file__).parent / "testdata"
OPTIONS_ROOT = Path(teleop.teleport.__file__).parent / "proto"
WELL_KNOWN_ROOT = Path(grpc_tools.__file__).parent / "_proto"


class CompiledProtos:
    """Message classes by full name from the compiled test protos."""

    def __init__(self, out_dir: Path) -> None:
        out = out_dir / "convert_test.pb"
        files = sorted(p.name for p in TESTDATA.glob("*.proto"))
        code = protoc.main(
            [
                "protoc",
                f"-I{TESTDATA}",
                f"-I{OPTIONS_ROOT}",
                f"-I{WELL_KNOWN_ROOT}",
                f"--descriptor_set_out={out}",
                "--include_imports",
                *files,
            ]
        )
        if code != 0:
            raise RuntimeError(f"protoc failed with exit code {code}")
        fds = descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes())
        self.pool = descriptor_pool.DescriptorPool()
        for file in fds.file:
            self.pool.Add(file)

    def message(self, full_name: str) -> type[Message]:
        return message_factory.GetMessageClass(self.pool.FindMessageTypeByName(full_name))
