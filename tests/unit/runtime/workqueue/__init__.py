"""Tests for teleop.runtime.workqueue."""
