"""fakekube: an in-memory Kubernetes API server over HTTP that behaves like kube-apiserver.

Start one per test (``async with FakeKube() as kube``) or as a process
(``python -m teleop.testing.fakekube --port 0``) and point any client at ``kube.url`` or at the
kubeconfig from ``kube.write_kubeconfig(path)``. The facts it reproduces are pinned one per test
in ``tests/fakekube/``. Public surface: ``FakeKube`` (with ``url``, ``writes``, ``faults``,
``compact``, ``write_kubeconfig``, ``requests``), ``Faults``, ``WriteRecord`` and ``RequestRecord``.
"""

from teleop.testing.fakekube.faults import Faults
from teleop.testing.fakekube.records import RequestRecord, WriteRecord
from teleop.testing.fakekube.server import FakeKube

__all__ = ["FakeKube", "Faults", "RequestRecord", "WriteRecord"]
