"""Baselines: the same operator logic on other frameworks, run by ``bench.baseline``.

Each baseline is a standalone operator script started as its own process; it is never imported
by teleop or by the bench (kopf is an optional dependency of the benchmarks only).
"""
