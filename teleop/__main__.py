"""``python -m teleop`` is the ``teleop`` command."""

from teleop.operator.main import main

if __name__ == "__main__":
    raise SystemExit(main())
