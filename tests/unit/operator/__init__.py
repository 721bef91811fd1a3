"""Unit tests of teleop.operator."""
