"""``OperatorConfig``: every ``teleop run`` setting, where each comes from, and how it is checked.

Each setting is one row of ``FLAGS``: a command-line flag ``--name``, an environment variable
``TELEOP_NAME`` and a default, all shown in ``teleop run --help``. The precedence is
flag > environment variable > default, so a Deployment can set everything through ``env:`` and an
engineer can still override one value on the command line. The namespace has two more fallbacks,
as Teleport's Go operator has: ``POD_NAMESPACE`` (the downward API) and then the pod's
service-account namespace file. That namespace is the operator's own (Lease, operator-level
Events); ``--namespaces a,b`` or ``--all-namespaces`` widen which CRs are reconciled. The
kubeconfig falls back to ``KUBECONFIG``, then to the in-cluster configuration when
``KUBERNETES_SERVICE_HOST`` is set.

Values arrive as strings (flags and environment alike) and are validated by the pydantic model,
whose ``before`` validators turn Go-like durations (``10m``, ``1h30m``), booleans
(``--leader-elect=false``), bind addresses and log levels into typed values. Every problem
becomes one line naming the flag (``--sync-period: invalid duration "10x" (use e.g. 10m or
1h)``), collected in a ``ConfigError`` that the command prints before exiting with status 2.

Demo mode (``--demo``) needs neither a cluster nor Teleport, so the checks that a production run
needs (an identity file, a namespace, a cluster) apply only without it; when they fail the message
suggests ``teleop run --demo`` rather than starting a demo a production user did not ask for.
"""

from __future__ import annotations

import argparse
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    ValidationError,
    field_validator,
    model_validator,
)

__all__ = [
    "DEMO_NAMESPACE",
    "ENV_PREFIX",
    "FLAGS",
    "SERVICE_ACCOUNT_NAMESPACE_FILE",
    "ConfigError",
    "Flag",
    "OperatorConfig",
    "add_run_flags",
    "format_duration",
    "load_config",
    "parse_duration",
    "resolve_namespace",
]

ENV_PREFIX = "TELEOP_"
SERVICE_ACCOUNT_NAMESPACE_FILE = Path("/var/run/secrets/kubernetes.io/serviceaccount/namespace")
DEMO_NAMESPACE = "teleop-demo"
_DEMO_HINT = "; or try `teleop run --demo` to see teleop on an in-process fake cluster"

_UNITS = {
    "ns": 1e-9,
    "us": 1e-6,
    "µs": 1e-6,
    "μs": 1e-6,
    "ms": 1e-3,
    "s": 1.0,
    "m": 60.0,
    "h": 3600.0,
}
_DURATION_PART = re.compile(r"(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)")
_TRUE = frozenset({"1", "t", "true", "yes", "on"})
_FALSE = frozenset({"0", "f", "false", "no", "off"})
_LEVELS = {"DEBUG": "DEBUG", "INFO": "INFO", "WARN": "WARN", "WARNING": "WARN", "ERROR": "ERROR"}
_DNS_LABEL = re.compile(r"[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")


def parse_duration(text: str) -> float:
    """Seconds in a Go duration string (``"10h"``, ``"1m30s"``, ``"500ms"``, ``"0"``)."""
    s = text.strip()
    if s == "0":
        return 0.0
    pos, total = 0, 0.0
    while pos < len(s):
        m = _DURATION_PART.match(s, pos)
        if m is None:
            raise ValueError(f'invalid duration "{text}" (use e.g. 10m or 1h)')
        total += float(m.group(1)) * _UNITS[m.group(2)]
        pos = m.end()
    if not s:
        raise ValueError('invalid duration "" (use e.g. 10m or 1h)')
    return total


def format_duration(seconds: float) -> str:
    """The shortest Go-like spelling of a whole number of seconds (``36000`` -> ``"10h"``)."""
    if seconds != int(seconds):
        return f"{int(seconds * 1000)}ms"
    rest, out = int(seconds), ""
    for unit, size in (("h", 3600), ("m", 60), ("s", 1)):
        if rest >= size:
            out += f"{rest // size}{unit}"
            rest %= size
    return out or "0s"


@dataclass(frozen=True, slots=True)
class Flag:
    """One setting: ``--name``, ``TELEOP_NAME``, its default (as typed) and what it does."""

    name: str
    default: str
    help: str
    boolean: bool = False

    @property
    def field(self) -> str:
        return self.name.replace("-", "_")

    @property
    def env(self) -> str:
        return ENV_PREFIX + self.field.upper()

    @property
    def option(self) -> str:
        return f"--{self.name}"


FLAGS: tuple[Flag, ...] = (
    Flag("namespace", "", "the operator's own namespace: holds the Lease and operator Events, and "
         "is the one watched unless --namespaces or --all-namespaces; falls back to POD_NAMESPACE, "
         "then the service-account namespace file"),
    Flag("namespaces", "", "comma-separated namespaces whose CRs are reconciled (default: "
         "--namespace only); RBAC must allow each"),
    Flag("all-namespaces", "false", "reconcile the CRs of every namespace (needs the "
         "manifests/all-namespaces ClusterRole)", boolean=True),
    Flag("kubeconfig", "", "kubeconfig file; falls back to KUBECONFIG, then the in-cluster config"),
    Flag("auth-server", "127.0.0.1:3025", "Teleport Auth Service gRPC address, host:port "
         "(not a Proxy)"),
    Flag("identity-file", "", "Teleport identity file (from tbot or `tctl auth sign "
         "--format=file`); re-read when it changes"),
    Flag("tls-server-name", "teleport.cluster.local", "name the Teleport server certificate is "
         "checked against; empty: the host of --auth-server"),
    Flag("leader-elect", "true", "hold a Lease so only one replica reconciles "
         "(--leader-elect=false for a single replica)", boolean=True),
    Flag("leader-election-id", "431e83f4.teleport.dev", "name of the Lease"),
    Flag("leader-election-lease-duration", "15s", "how long standbys wait before taking over a "
         "Lease that is not renewed"),
    Flag("leader-election-renew-deadline", "10s", "how long the leader tries to renew before it "
         "stops reconciling and exits 1"),
    Flag("leader-election-retry-period", "2s", "time between attempts to acquire or renew"),
    Flag("metrics-bind-address", ":8080", "address of /metrics; 0 disables it"),
    Flag("health-probe-bind-address", ":8081", "address of /healthz and /readyz; 0 disables them"),
    Flag("sync-period", "10m", "how often every CR is verified against Teleport (re-read, restored "
         "if changed there), spread over the period, jittered by 10 percent"),
    Flag("live-drift", "true", "follow Teleport's event stream and restore roles, users, tokens "
         "and Okta import rules changed there within a second", boolean=True),
    Flag("max-concurrent-reconciles", "4", "reconciles in flight per kind"),
    Flag("identity-reload-interval", "1s", "how often the identity file is checked for changes"),
    Flag("teleport-timeout", "30s", "deadline of each call to Teleport"),
    Flag("preflight-timeout", "15s", "how long to retry the first Ping to Teleport before "
         "giving up"),
    Flag("log-level", "INFO", "DEBUG, INFO, WARN or ERROR"),
    Flag("log-format", "json", "json or text"),
    Flag("demo", "false", "run on an in-process fakekube and faketeleport with the samples",
         boolean=True),
    Flag("demo-exit-when-ready", "false", "with --demo: exit 0 once every sample is Ready, "
         "1 after --demo-timeout", boolean=True),
    Flag("demo-timeout", "60s", "with --demo-exit-when-ready: how long to wait for Ready"),
    Flag("demo-samples", "", "with --demo: directory of sample CRs (default: manifests/samples)"),
)  # fmt: skip


class ConfigError(Exception):
    """Invalid configuration; ``lines`` are the one-line problems, each naming its flag."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def _parse_bool(value: Any) -> Any:
    if isinstance(value, str):
        if value.strip().lower() in _TRUE:
            return True
        if value.strip().lower() in _FALSE:
            return False
        raise ValueError(f'invalid boolean "{value}" (use true or false)')
    return value


def _duration(value: Any) -> Any:
    return parse_duration(value) if isinstance(value, str) else value


def _bind_address(value: str) -> str:
    address = value.strip()
    if address in ("", "0"):
        return address
    _host, sep, port = address.rpartition(":")
    if not sep or not port.isdigit() or int(port) > 65535:
        raise ValueError(f'invalid address "{value}" (use host:port, :port, or 0 to disable)')
    return address


def _namespace_list(value: str) -> str:
    """``--namespaces``, normalised to ``a,b`` (spaces and duplicates dropped); "" is unset."""
    if not value.strip():
        return ""
    names: list[str] = []
    for part in value.split(","):
        name = part.strip()
        if not name or name in names:
            continue
        if not _DNS_LABEL.fullmatch(name):
            raise ValueError(f'invalid namespace "{name}" (a DNS label: a-z, 0-9 and -)')
        names.append(name)
    if not names:
        raise ValueError(f'no namespace in "{value}" (use e.g. team-a,team-b)')
    return ",".join(names)


def _positive(value: float) -> float:
    if value <= 0:
        raise ValueError(f"must be more than 0, not {format_duration(value)}")
    return value


Duration = Annotated[float, BeforeValidator(_duration)]
PositiveDuration = Annotated[float, BeforeValidator(_duration), AfterValidator(_positive)]
Bool = Annotated[bool, BeforeValidator(_parse_bool)]
Namespaces = Annotated[str, AfterValidator(_namespace_list)]
BindAddress = Annotated[str, AfterValidator(_bind_address)]


class OperatorConfig(BaseModel):
    """Every ``teleop run`` setting, typed; durations are seconds. See ``FLAGS`` for meanings."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    namespace: str = ""
    namespaces: Namespaces = ""
    all_namespaces: Bool = False
    kubeconfig: str | None = None
    in_cluster: Bool = False
    """Set by ``load_config`` when running in a pod (``KUBERNETES_SERVICE_HOST``)."""
    auth_server: str = "127.0.0.1:3025"
    identity_file: str | None = None
    tls_server_name: str = "teleport.cluster.local"
    leader_elect: Bool = True
    leader_election_id: str = "431e83f4.teleport.dev"
    leader_election_lease_duration: PositiveDuration = 15.0
    leader_election_renew_deadline: PositiveDuration = 10.0
    leader_election_retry_period: PositiveDuration = 2.0
    metrics_bind_address: BindAddress = ":8080"
    health_probe_bind_address: BindAddress = ":8081"
    sync_period: PositiveDuration = 600.0
    live_drift: Bool = True
    max_concurrent_reconciles: int = 4
    identity_reload_interval: PositiveDuration = 1.0
    teleport_timeout: PositiveDuration = 30.0
    preflight_timeout: Duration = 15.0
    log_level: Literal["DEBUG", "INFO", "WARN", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    demo: Bool = False
    demo_exit_when_ready: Bool = False
    demo_timeout: Duration = 60.0
    demo_samples: str | None = None

    @field_validator("max_concurrent_reconciles", mode="before")
    @classmethod
    def _count(cls, value: Any) -> Any:
        if isinstance(value, str):
            if not value.strip().isdigit() or int(value) < 1:
                raise ValueError(f'invalid count "{value}" (use a whole number of at least 1)')
            return int(value)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level(cls, value: Any) -> Any:
        if isinstance(value, str):
            level = _LEVELS.get(value.strip().upper())
            if level is None:
                raise ValueError(f'invalid log level "{value}" (use DEBUG, INFO, WARN or ERROR)')
            return level
        return value

    @field_validator("log_format", mode="before")
    @classmethod
    def _format(cls, value: Any) -> Any:
        if isinstance(value, str) and value.strip().lower() not in ("json", "text"):
            raise ValueError(f'invalid log format "{value}" (use json or text)')
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("auth_server")
    @classmethod
    def _auth_server(cls, value: str) -> str:
        _host, sep, port = value.rpartition(":")
        if not sep or not _host or not port.isdigit():
            raise ValueError(f'invalid address "{value}" (use host:port, e.g. teleport:3025)')
        return value

    @field_validator("namespace")
    @classmethod
    def _namespace(cls, value: str) -> str:
        if value and not _DNS_LABEL.fullmatch(value):
            raise ValueError(f'invalid namespace "{value}" (a DNS label: a-z, 0-9 and -)')
        return value

    @model_validator(mode="after")
    def _complete(self) -> OperatorConfig:
        problems: list[str] = []
        if self.leader_election_renew_deadline >= self.leader_election_lease_duration:
            problems.append(
                "--leader-election-renew-deadline: must be less than "
                "--leader-election-lease-duration"
            )
        if self.leader_election_retry_period >= self.leader_election_renew_deadline:
            problems.append(
                "--leader-election-retry-period: must be less than --leader-election-renew-deadline"
            )
        if self.all_namespaces and self.namespaces:
            problems.append(
                "--all-namespaces: cannot be combined with --namespaces (pick one of them)"
            )
        if self.demo:
            if problems:
                raise ValueError("\n".join(problems))
            return self
        if not self.identity_file:
            problems.append(
                "--identity-file: required (a Teleport identity file from tbot or "
                "`tctl auth sign --format=file`)" + _DEMO_HINT
            )
        if self.kubeconfig is None and not self.in_cluster:
            problems.append(
                "--kubeconfig: no Kubernetes cluster (pass --kubeconfig, set KUBECONFIG or "
                "run in a pod)" + _DEMO_HINT
            )
        if not self.namespace:
            problems.append(
                "--namespace: required (or POD_NAMESPACE, or run in a pod with a service account)"
            )
        if self.demo_exit_when_ready:
            problems.append("--demo-exit-when-ready: only with --demo")
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @property
    def watched_namespaces(self) -> tuple[str | None, ...]:
        """The namespaces whose CRs are reconciled; ``(None,)`` means every namespace."""
        if self.all_namespaces:
            return (None,)
        return tuple(self.namespaces.split(",")) if self.namespaces else (self.namespace,)

    @property
    def several_namespaces(self) -> bool:
        """Whether CRs of more than one namespace can name the same Teleport resource."""
        return self.all_namespaces or len(self.watched_namespaces) > 1


def add_run_flags(parser: argparse.ArgumentParser) -> None:
    """Add every ``FLAGS`` row to ``parser``; unset flags parse as None (so env can apply)."""
    for flag in FLAGS:
        shown = f'"{flag.default}"' if flag.default else "none"
        help_text = f"{flag.help} (default {shown}; env {flag.env})"
        if flag.boolean:
            parser.add_argument(
                flag.option,
                dest=flag.field,
                nargs="?",
                const="true",
                default=None,
                metavar="BOOL",
                help=help_text,
            )
        else:
            parser.add_argument(flag.option, dest=flag.field, default=None, help=help_text)


def resolve_namespace(
    flag: str | None,
    environ: Mapping[str, str],
    service_account_file: Path = SERVICE_ACCOUNT_NAMESPACE_FILE,
) -> str:
    """--namespace, else TELEOP_NAMESPACE, else POD_NAMESPACE, else the service-account file."""
    for value in (flag, environ.get(ENV_PREFIX + "NAMESPACE"), environ.get("POD_NAMESPACE")):
        if value:
            return value.strip()
    try:
        return service_account_file.read_text(encoding="utf-8").strip()
    except OSError:
        return ""


def load_config(
    args: argparse.Namespace,
    environ: Mapping[str, str],
    *,
    service_account_file: Path = SERVICE_ACCOUNT_NAMESPACE_FILE,
) -> OperatorConfig:
    """The validated configuration from parsed flags and ``environ``; raises ``ConfigError``."""
    raw: dict[str, Any] = {}
    for flag in FLAGS:
        value = getattr(args, flag.field, None)
        if value is None:
            value = environ.get(flag.env)
        if value is not None:
            raw[flag.field] = value
    try:
        demo = _parse_bool(raw.get("demo", "false")) is True
    except ValueError:
        demo = False  # reported by the model
    if demo:
        raw.setdefault("namespace", DEMO_NAMESPACE)
    else:
        raw["namespace"] = resolve_namespace(raw.get("namespace"), environ, service_account_file)
    if not raw.get("kubeconfig"):
        raw["kubeconfig"] = environ.get("KUBECONFIG", "").split(os.pathsep)[0] or None
    raw["in_cluster"] = bool(environ.get("KUBERNETES_SERVICE_HOST"))
    for key in ("identity_file", "demo_samples"):
        if raw.get(key) == "":
            raw[key] = None
    try:
        return OperatorConfig.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_error_lines(exc)) from None


def _error_lines(exc: ValidationError) -> list[str]:
    by_field = {flag.field: flag for flag in FLAGS}
    lines: list[str] = []
    for err in exc.errors():
        ctx_error = (err.get("ctx") or {}).get("error")
        message = str(ctx_error) if ctx_error is not None else err["msg"]
        loc = err["loc"]
        flag = by_field.get(str(loc[0])) if loc else None
        if flag is None:
            lines.extend(message.splitlines())
        else:
            lines.append(f"{flag.option}: {message}")
    return lines
