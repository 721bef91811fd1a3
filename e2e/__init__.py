"""End-to-end tests: teleop against a Kubernetes API server and a Teleport, driven from outside.

Run by ``make e2e`` (hack/e2e.sh: kind, the image, manifests/) or by hand with ``pytest e2e``,
which starts fakekube, faketeleport and ``teleop run`` as local processes. See e2e/conftest.py for
the environment variables that choose between the two.
"""
