"""``teleop import``: read a Teleport cluster's resources and write CR manifests that adopt them.

For each chosen kind (default: every importable kind the cluster serves; enterprise kinds whose
feature Ping reports off are skipped with a line) the command lists the resources
(``teleop.teleport.listing``), leaves out Teleport's own (any ``teleport.internal/`` label: bots,
system users and roles; and the preset roles, unless ``--include-presets``), turns each into a
manifest (``manifest.to_manifest``) and writes it: one file per resource, ``<kind>-<name>.yaml``
in ``--output DIR``, or one multi-document YAML stream on stdout (``--output -``, the default).

Summary lines (one per kind: written, skipped and why) and notes (Secrets to create) go to
stderr when the manifests go to stdout, so ``teleop import ... | kubectl apply -f -`` works.
Exit status: 0, or 1 when Teleport could not be reached or a kind could not be listed (the other
kinds are still written), 2 for bad usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

import yaml
from google.protobuf.message import Message

from teleop.operator.apis import KINDS, KindSpec
from teleop.operator.importer.manifest import INTERNAL_LABEL_PREFIX, is_internal, to_manifest
from teleop.operator.importer.sources import LISTERS, importable_kinds, kind_for, version_of
from teleop.operator.reconcilers.header import labels_of, metadata_of
from teleop.operator.resources.registry import adapter_for
from teleop.teleport import Client, TeleportError

__all__ = ["PRESET_ROLES", "ImportOptions", "add_import_flags", "run_import"]

PRESET_ROLES = frozenset(
    {
        "access",
        "auditor",
        "editor",
        "group-access",
        "requester",
        "reviewer",
        "device-admin",
        "device-enroll",
        "require-trusted-device",
        "terraform-provider",
    }
)
"""Roles Teleport creates itself (older versions mark them with no label)."""
_PRESET_LABEL = INTERNAL_LABEL_PREFIX + "resource-type"


@dataclass(frozen=True)
class ImportOptions:
    auth_server: str
    identity_file: str
    kinds: tuple[str, ...] = ()
    """Teleport kinds; empty: every importable kind."""
    output: str = "-"
    namespace: str | None = None
    include_presets: bool = False
    tls_server_name: str | None = "teleport.cluster.local"
    timeout: float = 30.0


def add_import_flags(parser: argparse.ArgumentParser) -> None:
    kinds = ", ".join(importable_kinds())
    parser.add_argument(
        "--auth-server",
        default="127.0.0.1:3025",
        help='Teleport Auth Service gRPC address, host:port (default "127.0.0.1:3025")',
    )
    parser.add_argument(
        "--identity-file", required=True, help="Teleport identity file (tctl auth sign)"
    )
    parser.add_argument(
        "--tls-server-name",
        default="teleport.cluster.local",
        help='name the server certificate is checked against (default "teleport.cluster.local")',
    )
    chosen = parser.add_mutually_exclusive_group()
    chosen.add_argument(
        "--kinds", default="", help=f"comma-separated kinds to import, of: {kinds} (default all)"
    )
    chosen.add_argument(
        "--all-kinds", action="store_true", help="import every importable kind (the default)"
    )
    parser.add_argument(
        "--output",
        default="-",
        help='directory for one <kind>-<name>.yaml per resource, or "-" for one YAML stream '
        'on stdout (default "-")',
    )
    parser.add_argument(
        "--namespace", default=None, help="metadata.namespace of the manifests (default: none)"
    )
    parser.add_argument(
        "--include-presets",
        action="store_true",
        help="also import Teleport's preset roles (access, editor, auditor, ...; default off)",
    )


def _is_preset(teleport_kind: str, message: Message) -> bool:
    if labels_of(message).get(_PRESET_LABEL) == "preset":
        return True
    return teleport_kind == "role" and metadata_of(message).Name in PRESET_ROLES


class _Writer:
    def __init__(self, output: str, stream: TextIO) -> None:
        self._dir = None if output == "-" else Path(output)
        self._stream = stream
        self._first = True
        if self._dir is not None:
            self._dir.mkdir(parents=True, exist_ok=True)

    @property
    def to_stdout(self) -> bool:
        return self._dir is None

    def write(self, teleport_kind: str, manifest: dict[str, Any]) -> None:
        text = yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True)
        if self._dir is None:
            self._stream.write(text if self._first else "---\n" + text)
            self._first = False
            return
        name = manifest["metadata"]["name"]
        (self._dir / f"{teleport_kind.replace('_', '')}-{name}.yaml").write_text(
            text, encoding="utf-8"
        )


async def _import_kind(
    client: Client, teleport_kind: str, opts: ImportOptions, writer: _Writer, log: TextIO
) -> bool:
    """Write one kind's manifests and its summary line; False when it could not be listed."""
    try:
        resources = await LISTERS[teleport_kind](client)
    except TeleportError as exc:
        print(f"{teleport_kind}: cannot list: {exc}", file=log)
        return False
    written, internal, presets = 0, 0, 0
    skipped: list[str] = []
    for message in resources:
        if _is_preset(teleport_kind, message):
            if not opts.include_presets:
                presets += 1
                continue
        elif is_internal(labels_of(message)):
            internal += 1
            continue
        kind = kind_for(teleport_kind, message)
        name = metadata_of(message).Name
        if kind is None:
            skipped.append(
                f"{teleport_kind} {name!r}: no CR kind writes version {version_of(message)}"
            )
            continue
        converted = to_manifest(
            kind,
            message,
            namespace=opts.namespace,
            clear_server_fields=adapter_for(kind, client).clear_server_fields,
        )
        for note in converted.notes:
            print(f"note: {note}", file=log)
        if converted.manifest is None:
            skipped.append(converted.skipped)
            continue
        writer.write(teleport_kind, converted.manifest)
        written += 1
    for reason in skipped:
        print(f"skipped: {reason}", file=log)
    extra = []
    if internal:
        extra.append(f"{internal} internal left out")
    if presets:
        extra.append(f"{presets} preset(s) left out (--include-presets)")
    if skipped:
        extra.append(f"{len(skipped)} skipped")
    tail = f" ({', '.join(extra)})" if extra else ""
    print(f"{teleport_kind}: {written} written{tail}", file=log)
    return True


async def run_import(
    opts: ImportOptions, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """``teleop import``; the exit status (see the module docstring)."""
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    writer = _Writer(opts.output, out)
    log = err if writer.to_stdout else out
    client = Client.from_identity_file(
        opts.auth_server,
        opts.identity_file,
        server_name=opts.tls_server_name or None,
        timeout=opts.timeout,
    )
    try:
        try:
            await client.start()
            features = (await client.ping()).ServerFeatures
        except (TeleportError, OSError) as exc:
            print(f"teleop: cannot reach Teleport at {opts.auth_server}: {exc}", file=err)
            return 1
        ok = True
        if not opts.kinds:
            others = sorted({k.teleport_kind for k in KINDS} - set(LISTERS))
            if others:
                print(f"not importable yet (no list call): {', '.join(others)}", file=log)
        for teleport_kind in opts.kinds or importable_kinds():
            gated = [k for k in _kinds_of(teleport_kind) if not k.enabled_by(features)]
            if gated and len(gated) == len(_kinds_of(teleport_kind)):
                gates = " and ".join(gated[0].gates)
                print(f"{teleport_kind}: skipped (Teleport reports {gates} disabled)", file=log)
                continue
            ok = await _import_kind(client, teleport_kind, opts, writer, log) and ok
        return 0 if ok else 1
    finally:
        await client.close()


def _kinds_of(teleport_kind: str) -> Sequence[KindSpec]:
    return [k for k in KINDS if k.teleport_kind == teleport_kind]
