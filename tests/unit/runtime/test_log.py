"""Logging context: fields follow the task into records, JSON and text output."""

from __future__ import annotations

import asyncio
import io
import json
import logging
from collections.abc import Iterator

import pytest

from teleop.runtime.log import (
    ContextFilter,
    JSONFormatter,
    TextFormatter,
    configure_logging,
    current_fields,
    log_fields,
    reconcile_context,
)


@pytest.fixture
def captured() -> Iterator[tuple[logging.Logger, io.StringIO, logging.Handler]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(ContextFilter())
    handler.setFormatter(JSONFormatter())
    logger = logging.getLogger("test.log.captured")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        yield logger, stream, handler
    finally:
        logger.removeHandler(handler)


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_fields_nest_and_reset() -> None:
    assert dict(current_fields()) == {}
    with log_fields(controller="c"):
        with log_fields(namespace="ns", name="n", reconcileID="r", other=1):
            assert reconcile_context() == {
                "controller": "c",
                "namespace": "ns",
                "name": "n",
                "reconcileID": "r",
            }
        assert dict(current_fields()) == {"controller": "c"}
    assert reconcile_context() == {}


async def test_fields_follow_tasks_and_stay_separate(
    captured: tuple[logging.Logger, io.StringIO, logging.Handler],
) -> None:
    logger, stream, _ = captured

    async def reconcile(name: str) -> None:
        with log_fields(name=name):
            await asyncio.sleep(0)
            logger.info("reconciling %s", name, extra={"step": 1})

    async with asyncio.TaskGroup() as tg:
        tg.create_task(reconcile("a"))
        tg.create_task(reconcile("b"))
    out = sorted(lines(stream), key=lambda d: str(d["name"]))
    assert [(d["msg"], d["name"], d["step"], d["level"]) for d in out] == [
        ("reconciling a", "a", 1, "info"),
        ("reconciling b", "b", 1, "info"),
    ]


def test_json_error_fields(captured: tuple[logging.Logger, io.StringIO, logging.Handler]) -> None:
    logger, stream, _ = captured
    try:
        raise ValueError("boom")
    except ValueError:
        with log_fields(controller="c", obj=object()):
            logger.exception("Reconciler error")
    (line,) = lines(stream)
    assert line["error"] == "ValueError('boom')"
    assert "Traceback" in str(line["stacktrace"])
    assert line["controller"] == "c"
    assert str(line["obj"]).startswith("<object")


def test_text_formatter(captured: tuple[logging.Logger, io.StringIO, logging.Handler]) -> None:
    logger, stream, handler = captured
    handler.setFormatter(TextFormatter())
    with log_fields(controller="c", name="has space"):
        logger.warning("hello")
    text = stream.getvalue()
    assert 'WARNING test.log.captured hello controller=c name="has space"' in text


def test_configure_logging_replaces_its_own_handler() -> None:
    root = logging.getLogger()
    before_level, before = root.level, list(root.handlers)
    try:
        first = configure_logging("debug", "text", stream=io.StringIO())
        stream = io.StringIO()
        second = configure_logging("info", "json", stream=stream)
        assert first not in root.handlers
        assert second in root.handlers
        assert root.level == logging.INFO
        with log_fields(controller="x"):
            logging.getLogger("teleop.test").info("hi")
        assert json.loads(stream.getvalue())["controller"] == "x"
        with pytest.raises(ValueError, match="log format"):
            configure_logging("info", "yaml")  # type: ignore[arg-type]
    finally:
        for h in list(root.handlers):
            if h not in before:
                root.removeHandler(h)
        root.setLevel(before_level)
