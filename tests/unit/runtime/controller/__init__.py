"""Tests for teleop.runtime.controller."""
