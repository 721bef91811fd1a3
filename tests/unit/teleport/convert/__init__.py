"""Tests for teleop.teleport.convert."""
