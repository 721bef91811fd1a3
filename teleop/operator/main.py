"""The ``teleop`` command line.

Subcommands are added as the operator lands; ``teleop version`` prints the version.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from teleop import __version__

__all__ = ["main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teleop", description="A Kubernetes operator for Teleport resources."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("version", help="print the teleop version")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "version":
        print(f"teleop {__version__}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
