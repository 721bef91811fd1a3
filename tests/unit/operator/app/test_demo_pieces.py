"""The demo's pure pieces: finding and loading the samples, their Secrets, the summary text."""

from __future__ import annotations

from pathlib import Path

from teleop.operator.apis import KINDS
from teleop.operator.apis.conventions import ANNOTATION_SECRET_LOOKUP
from teleop.operator.demo_samples import demo_secrets, find_samples_dir, load_samples
from teleop.operator.demo_summary import all_ready, render, row_for
from tests.unit.operator.samples import SAMPLES_DIR


def test_samples_are_found_next_to_the_package_and_cover_every_kind() -> None:
    found = find_samples_dir()
    assert found is not None
    assert found.resolve() == SAMPLES_DIR.resolve()
    samples = load_samples(found)
    assert sorted(s.kind.kind for s in samples) == sorted(k.kind for k in KINDS)
    order = [s.kind.teleport_kind for s in samples]
    assert order.index("user") > max(i for i, k in enumerate(order) if k == "role")


def test_explicit_samples_dir_wins(tmp_path: Path) -> None:
    (tmp_path / "user.yaml").write_text((SAMPLES_DIR / "user.yaml").read_text())
    (tmp_path / "notes.yaml").write_text("kind: ConfigMap\n")
    assert find_samples_dir(str(tmp_path)) == tmp_path
    assert [s.name for s in load_samples(tmp_path)] == ["alice"]


def test_secrets_for_the_samples_that_look_one_up() -> None:
    secrets = demo_secrets(load_samples(SAMPLES_DIR), "teleop-demo")
    by_name = {s["metadata"]["name"]: s for s in secrets}
    assert set(by_name) == {"github-connector", "oidc-connector", "trusted-cluster-join"}
    github = by_name["github-connector"]
    assert github["metadata"]["namespace"] == "teleop-demo"
    assert github["metadata"]["annotations"] == {ANNOTATION_SECRET_LOOKUP: "github"}
    assert set(github["stringData"]) == {"client-secret"}


def test_rows_and_summary() -> None:
    ready = {
        "status": {
            "conditions": [{"type": "Ready", "status": "True", "reason": "Reconciled"}],
            "teleportRevision": "0123456789abcdef",
        }
    }
    failing = {"status": {"conditions": [{"type": "Ready", "status": "False", "reason": "Bad"}]}}
    rows = [
        row_for("TeleportRole", "developer", ready),
        row_for("TeleportUser", "alice", failing),
        row_for("TeleportProvisionToken", "ci", {}),
        row_for("TeleportLoginRule", "rule", None),
    ]
    assert [(r.ready, r.reason) for r in rows] == [
        ("True", "Reconciled"),
        ("False", "Bad"),
        ("Unknown", "Pending"),
        ("-", "NotCreated"),
    ]
    assert not all_ready(rows)
    assert all_ready(rows[:1])
    assert not all_ready([])
    text = render(rows, ["header"])
    lines = text.splitlines()
    assert lines[0] == "header"
    assert lines[2].split() == ["KIND", "NAME", "READY", "REASON", "REVISION"]
    assert lines[3].split() == ["TeleportRole", "developer", "True", "Reconciled", "0123456789ab"]
    assert lines[-1] == "Ready 1/4"
