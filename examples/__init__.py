"""Runnable examples from the README; tests import and run them against fakekube."""
