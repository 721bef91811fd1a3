"""Integration tests of teleop run and the demo over real sockets (fakekube, faketeleport)."""
