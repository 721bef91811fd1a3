"""The Dockerfile, .dockerignore and lock files, read as text (no Docker engine needed).

The Dockerfile must be multi-stage, regenerate the protobuf stubs in the builder (the committed
ones are kept out of the build context), install only from the hash-pinned lock files, and run
``teleop run`` as uid 65532 in the final stage. The lock files must pin every dependency of
pyproject.toml with hashes.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field

from tests.manifests.render import ROOT

DOCKERFILE = ROOT / "Dockerfile"


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)

    def all(self, op: str) -> list[str]:
        return [arg for o, arg in self.instructions if o == op]


def parse_dockerfile(text: str) -> tuple[dict[str, str], list[Stage]]:
    """(global ARG defaults, stages) with line continuations joined and comments dropped."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(pending + line)
        pending = ""
    args: dict[str, str] = {}
    stages: list[Stage] = []
    for line in logical:
        op, _, rest = line.partition(" ")
        op, rest = op.upper(), " ".join(rest.split())
        if op == "FROM":
            m = re.fullmatch(r"(\S+)(?: AS (\S+))?", rest, re.I)
            assert m is not None, line
            stages.append(Stage(m[1], m[2]))
        elif stages:
            stages[-1].instructions.append((op, rest))
        elif op == "ARG":
            name, _, default = rest.partition("=")
            args[name] = default
    return args, stages


def test_multi_stage_build_with_a_small_final_image() -> None:
    args, stages = parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
    assert len(stages) >= 2
    builder, final = stages[0], stages[-1]
    assert builder.name == "builder"
    assert final.name is None
    final_base = args.get(final.base.strip("${}"), final.base)
    assert "distroless" in final_base
    assert final_base.endswith(":nonroot")
    copies = final.all("COPY")
    assert copies == ["--from=builder /opt/venv /opt/venv"], "the final stage takes only the venv"


def test_final_stage_runs_teleop_run_as_65532() -> None:
    _, stages = parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
    final = stages[-1]
    assert final.all("USER") == ["65532:65532"]
    (entrypoint,) = final.all("ENTRYPOINT")
    argv = json.loads(entrypoint)
    assert argv[0].endswith("/teleop")
    assert argv[1:] == ["run"]
    env = " ".join(final.all("ENV"))
    assert "PYTHONDONTWRITEBYTECODE=1" in env  # nothing written under a read-only root
    assert set(final.all("EXPOSE")) == {"8080 8081"}


def test_builder_generates_the_stubs_and_installs_only_from_hashed_locks() -> None:
    _, stages = parse_dockerfile(DOCKERFILE.read_text(encoding="utf-8"))
    runs = stages[0].all("RUN")
    gen = [r for r in runs if "hack/gen_proto.py" in r]
    assert gen, "the builder must regenerate teleop/teleport/_proto"
    assert gen[0].index("gen_proto.py") < gen[0].index("pip wheel"), "stubs before the wheel"
    installs = [seg for r in runs for seg in r.split("&&") if "pip" in seg and " install " in seg]
    assert installs
    for seg in installs:
        if "/dist/teleop-" in seg:  # our own wheel, built two lines up, no dependencies
            assert "--no-deps" in seg
            assert "--no-index" in seg
        else:
            assert "--require-hashes" in seg, seg
            assert re.search(r"-r requirements(-build)?\.lock", seg), seg
    installed = " ".join(installs)
    assert "-r requirements.lock" in installed
    assert "-r requirements-build.lock" in installed


def test_dockerignore_keeps_the_committed_stubs_out_of_the_context() -> None:
    lines = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*"
    assert "teleop/teleport/_proto/" in lines
    assert lines.index("teleop/teleport/_proto/") > lines.index("!teleop/")
    for needed in ("pyproject.toml", "README.md", "requirements.lock", "requirements-build.lock"):
        assert f"!{needed}" in lines
    assert "!hack/gen_proto.py" in lines


def _pins(name: str) -> dict[str, tuple[str, int]]:
    """package -> (version, number of hashes) of a pip-compile --generate-hashes file."""
    pins: dict[str, tuple[str, int]] = {}
    current = None
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^([A-Za-z0-9_.\-]+)==([^\s\\;]+)", line)
        if m:
            current = m[1].lower().replace("_", "-")
            pins[current] = (m[2], 0)
        elif current and line.strip().startswith("--hash=sha256:"):
            version, n = pins[current]
            pins[current] = (version, n + 1)
        elif line and not line.startswith((" ", "#")):
            raise AssertionError(f"{name}: unexpected line {line!r}")
    return pins


def _name(requirement: str) -> str:
    m = re.match(r"[A-Za-z0-9_.\-]+", requirement)
    assert m is not None
    return m[0].lower().replace("_", "-")


def test_locks_pin_every_dependency_with_hashes() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = _pins("requirements.lock")
    build = _pins("requirements-build.lock")
    for pins in (runtime, build):
        assert pins
        assert all(n >= 1 for _, n in pins.values()), "every pin needs a hash"
    for dep in project["dependencies"]:
        assert _name(dep) in runtime, f"{dep} is not in requirements.lock (run hack/lock.sh)"
    tools = next(d for d in project["optional-dependencies"]["dev"] if _name(d) == "grpcio-tools")
    assert build["grpcio-tools"][0] == tools.split("==")[1], "grpcio-tools pin differs"
    assert {"setuptools", "wheel"} <= set(build)
    for shared in set(runtime) & set(build):
        assert runtime[shared][0] == build[shared][0], f"{shared} differs between the locks"
