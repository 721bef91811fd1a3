"""compare: equality ignoring server-managed fields, the applied hash, and the write decision."""

from __future__ import annotations

from teleop.operator.reconcilers.compare import desired_hash, needs_write, same_resource
from teleop.teleport import types


def role(logins: list[str], revision: str = "", namespace: str = "") -> types.RoleV6:
    r = types.RoleV6(Kind="role", Version="v7")
    r.Metadata.Name = "dev"
    r.Metadata.Revision = revision
    r.Metadata.Namespace = namespace
    r.Metadata.Labels["teleport.dev/origin"] = "kubernetes"
    r.Spec.Allow.Logins.extend(logins)
    return r


def test_revision_and_default_namespace_are_ignored() -> None:
    assert same_resource(role(["a"]), role(["a"], revision="r1", namespace="default"))
    assert not same_resource(role(["a"]), role(["b"], revision="r1"))
    assert not same_resource(role(["a"]), role(["a"], namespace="other"))


def test_adapter_normalizer_is_applied_to_both_sides() -> None:
    desired = types.UserV2(Kind="user", Version="v2")
    actual = types.UserV2(Kind="user", Version="v2")
    actual.Spec.CreatedBy.User.Name = "admin"
    actual.Status.password_state = 1

    def clear(m: object) -> None:
        assert isinstance(m, types.UserV2)
        m.Spec.ClearField("CreatedBy")
        m.ClearField("Status")

    assert not same_resource(desired, actual)
    assert same_resource(desired, actual, clear)
    assert actual.Spec.CreatedBy.User.Name == "admin"  # inputs are never modified


def test_hash_ignores_revision_and_is_stable() -> None:
    assert desired_hash(role(["a"])) == desired_hash(role(["a"], revision="r9"))
    assert desired_hash(role(["a"])) != desired_hash(role(["b"]))
    assert len(desired_hash(role(["a"]))) == 64


def test_needs_write() -> None:
    desired = role(["a"])
    defaulted = role(["a"], revision="r1")
    defaulted.Spec.Options.MaxSessionTTL = 30 * 3600 * 10**9  # server default
    h = desired_hash(desired)
    # equal (ignoring server fields): no write whatever the status says
    assert not needs_write(desired, role(["a"], "r1"), applied_hash=None, applied_revision=None)
    # differs only by defaulting of what we wrote: hash and revision match → no write
    assert not needs_write(desired, defaulted, applied_hash=h, applied_revision="r1")
    # someone changed it in Teleport (new revision) → write
    assert needs_write(desired, defaulted, applied_hash=h, applied_revision="r0")
    # the CR changed (hash differs) → write
    assert needs_write(role(["b"]), defaulted, applied_hash=h, applied_revision="r1")
    # no status yet → write
    assert needs_write(desired, defaulted, applied_hash=None, applied_revision=None)
    # a server without revisions never matches the hash path
    no_rev = role(["a"])
    no_rev.Spec.Options.MaxSessionTTL = 1
    assert needs_write(desired, no_rev, applied_hash=h, applied_revision="")
