"""Smoke tests of the benchmark harness (bench/): tiny N, no timed assertions."""
