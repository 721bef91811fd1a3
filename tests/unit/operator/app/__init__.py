"""Unit tests of the teleop command: configuration, CLI subcommands, the demo's pieces."""
