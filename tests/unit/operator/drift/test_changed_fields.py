"""reconcilers.drift: which fields a DriftCorrected event names (paths only, never values)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry

from teleop.operator.reconcilers.drift import (
    DriftMetrics,
    changed_fields,
    deleted_message,
    is_changed_out_of_band,
    is_deleted_out_of_band,
    restored_message,
)
from teleop.teleport import types


def role() -> types.RoleV6:
    r = types.RoleV6(Kind="role", Version="v7")
    r.Metadata.Name = "dev"
    r.Metadata.Labels["team"] = "a"
    r.Spec.Allow.Logins.append("root")
    r.Spec.Allow.Rules.add(Resources=["role"], Verbs=["list"])
    return r


def test_names_the_fields_the_cr_sets_that_teleport_changed() -> None:
    desired, actual = role(), role()
    actual.Metadata.Revision = "r2"
    actual.Spec.Allow.Logins[0] = "admin"
    actual.Metadata.Labels["team"] = "b"
    actual.Spec.Allow.Rules[0].Verbs.append("read")
    actual.Spec.Options.MaxSessionTTL = 5  # not set by the CR: could be a Teleport default
    assert changed_fields(desired, actual) == [
        "metadata.labels.team",
        "spec.allow.logins",
        "spec.allow.rules[0].verbs",
    ]
    assert changed_fields(desired, role()) == []


def test_write_only_secrets_missing_from_reads_are_not_named() -> None:
    desired = types.GithubConnectorV3(Kind="github", Version="v3")
    desired.Metadata.Name = "gh"
    desired.Spec.ClientSecret = "s3cr3t"
    desired.Spec.ClientID = "id"
    actual = types.GithubConnectorV3()
    actual.CopyFrom(desired)
    actual.Spec.ClientSecret = ""  # Teleport never returns it
    actual.Spec.ClientID = "other"
    fields = changed_fields(desired, actual)
    assert fields == ["spec.client_id"]
    message = restored_message("github", "gh", fields)
    assert "s3cr3t" not in message
    assert "other" not in message
    assert "spec.client_id" in message


def test_messages_and_decisions() -> None:
    many = [f"f{i}" for i in range(10)]
    assert "f7 and 2 more" in restored_message("role", "dev", many)
    assert "fields this CR does not set" in restored_message("role", "dev", [])
    assert "deleted in Teleport" in deleted_message("role", "dev")
    assert is_deleted_out_of_band("r1")
    assert not is_deleted_out_of_band(None)
    assert is_changed_out_of_band("h", "h")
    assert not is_changed_out_of_band("h", "other")
    assert not is_changed_out_of_band(None, "h")


def test_metric_family_on_the_registry_passed_in() -> None:
    registry = CollectorRegistry()
    metrics = DriftMetrics(registry)
    metrics.init_kind("TeleportRole")
    sample = "teleop_drift_corrections_total"
    assert registry.get_sample_value(sample, {"kind": "TeleportRole"}) == 0
    metrics.corrected("TeleportRole")
    assert registry.get_sample_value(sample, {"kind": "TeleportRole"}) == 1
