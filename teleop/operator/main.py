"""The ``teleop`` command line: ``run``, ``crds``, ``import`` and ``version``.

``teleop run`` reads its configuration from flags and ``TELEOP_*`` environment variables
(``teleop.operator.config``; ``teleop run --help`` lists every flag with its default and
variable), prints one line per configuration problem and exits 2, and otherwise runs the operator
(``teleop.operator.app``) or, with ``--demo``, the in-process demo (``teleop.operator.demo``).
Exit status: 0 after a graceful stop, 1 after a fatal error or a lost lease, 2 for bad usage.

``teleop crds`` writes the CRD manifests (``--output``), or with ``--check`` only lists the files
that are stale and exits 1 if there are any, for CI.

``teleop import`` writes CR manifests adopting the resources of an existing Teleport cluster
(``teleop.operator.importer``); exit status 0, 1 when Teleport or a kind could not be read, 2 for
bad usage.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from teleop import __version__
from teleop.operator.config import ConfigError, OperatorConfig, add_run_flags, load_config

__all__ = ["build_parser", "main"]

DEFAULT_CRDS_DIR = "manifests/crds"
_RUN_EPILOG = (
    "Every flag can also be set through the environment variable shown with it; a flag given on "
    "the command line wins over the variable, which wins over the default. Durations are Go-like "
    "(500ms, 30s, 10m, 10h, 1h30m); booleans accept --flag, --flag=true and --flag=false. "
    "Without a cluster or Teleport at hand, `teleop run --demo` starts an in-process fakekube "
    "and faketeleport, installs the CRDs and samples, and shows them converging."
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teleop", description="A Kubernetes operator for Teleport resources."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser(
        "run",
        help="run the operator (or --demo)",
        description="Run the operator: reconcile teleop custom resources into Teleport.",
        epilog=_RUN_EPILOG,
    )
    add_run_flags(run)
    crds = sub.add_parser(
        "crds",
        help="write the CustomResourceDefinitions",
        description="Write the CRD manifests of every teleop kind, with a kustomization.yaml.",
    )
    crds.add_argument(
        "--output",
        default=DEFAULT_CRDS_DIR,
        type=Path,
        help=f'directory to write (default "{DEFAULT_CRDS_DIR}")',
    )
    crds.add_argument(
        "--check",
        action="store_true",
        help="write nothing; print the stale files and exit 1 if there are any (default off)",
    )
    from teleop.operator.importer import add_import_flags

    importer = sub.add_parser(
        "import",
        help="write CR manifests adopting an existing Teleport cluster's resources",
        description="Read the resources of the chosen kinds from Teleport and write one CR "
        'manifest per resource, annotated teleport.dev/adopt: "true".',
    )
    add_import_flags(importer)
    sub.add_parser("version", help="print the teleop version")
    return parser


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "version":
        print(f"teleop {__version__}")
        return 0
    if args.command == "crds":
        return _crds(args.output, check=args.check)
    if args.command == "import":
        return _import(args)
    if args.command == "run":
        try:
            config = load_config(args, os.environ if environ is None else environ)
        except ConfigError as exc:
            for line in exc.lines:
                print(f"teleop: {line}", file=sys.stderr)
            return 2
        return _run(config)
    return 2


def _crds(output: Path, *, check: bool) -> int:
    from teleop.operator.crdgen import stale_files, write_crds

    if check:
        stale = stale_files(output)
        for name in stale:
            print(f"{output / name}: stale (run `teleop crds --output {output}`)")
        return 1 if stale else 0
    for path in write_crds(output):
        print(path)
    return 0


def _import(args: argparse.Namespace) -> int:
    from teleop.operator.importer import ImportOptions, parse_kinds, run_import

    try:
        kinds = parse_kinds(args.kinds) if args.kinds else ()
    except ValueError as exc:
        print(f"teleop: --kinds: {exc}", file=sys.stderr)
        return 2
    options = ImportOptions(
        auth_server=args.auth_server,
        identity_file=args.identity_file,
        kinds=kinds,
        output=args.output,
        namespace=args.namespace,
        include_presets=args.include_presets,
        tls_server_name=args.tls_server_name or None,
    )
    return asyncio.run(run_import(options))


def _run(config: OperatorConfig) -> int:
    if config.demo:
        # The demo stops its in-process faketeleport while gRPC's shared subchannels may still
        # be open; keep gRPC's INFO lines about the resulting GOAWAY off the user's terminal.
        os.environ.setdefault("GRPC_VERBOSITY", "ERROR")
        from teleop.operator.demo import run_demo

        return asyncio.run(run_demo(config))

    from teleop.operator.app import run_operator
    from teleop.runtime import configure_logging

    configure_logging(config.log_level, config.log_format)
    return asyncio.run(run_operator(config))


if __name__ == "__main__":
    sys.exit(main())
