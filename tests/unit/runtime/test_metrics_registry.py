"""The runtime's metric families carry controller-runtime's and client-go's names and labels."""

from prometheus_client import generate_latest

from teleop.runtime.metrics import RuntimeMetrics


def test_two_registries_do_not_collide() -> None:
    a, b = RuntimeMetrics(), RuntimeMetrics()
    a.workqueue_adds.labels(name="x", controller="x").inc()
    assert (
        b.registry.get_sample_value("workqueue_adds_total", {"name": "x", "controller": "x"})
        is None
    )
    assert (
        a.registry.get_sample_value("workqueue_adds_total", {"name": "x", "controller": "x"}) == 1
    )


def test_controller_series_preinitialised() -> None:
    m = RuntimeMetrics()
    m.init_controller("teleportrole", 4)
    text = generate_latest(m.registry).decode()
    for result in ("success", "error", "requeue", "requeue_after"):
        assert (
            f'controller_runtime_reconcile_total{{controller="teleportrole",result="{result}"}} 0.0'
            in text
        )
    assert 'controller_runtime_max_concurrent_reconciles{controller="teleportrole"} 4.0' in text
    for name in (
        "workqueue_depth",
        "workqueue_adds_total",
        "workqueue_queue_duration_seconds",
        "workqueue_work_duration_seconds",
        "workqueue_unfinished_work_seconds",
        "workqueue_longest_running_processor_seconds",
        "workqueue_retries_total",
        "rest_client_requests_total",
        "leader_election_master_status",
    ):
        assert f"# TYPE {name.removesuffix('_total')}" in text
