"""Tests of what ships beside the code: manifests/ overlays, the Dockerfile, the lock files and
``make e2e``'s preflight."""
