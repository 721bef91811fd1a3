"""The README's example controller works against fakekube, and the README shows it verbatim."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from examples.configmap_stamper import CONFIGMAPS, build
from teleop.runtime import KubeClient
from teleop.testing.fakekube import FakeKube

ROOT = Path(__file__).resolve().parents[3]


def test_readme_shows_the_example_verbatim() -> None:
    readme = (ROOT / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    source = (ROOT / "examples" / "configmap_stamper.py").read_text()
    body = source[source.index("from teleop.runtime import") :]
    assert any(body.strip() in block for block in blocks), "README example is out of date"


async def test_stamps_configmaps_once(fakekube: FakeKube, tmp_path: Path) -> None:
    kubeconfig = tmp_path / "kubeconfig"
    fakekube.write_kubeconfig(kubeconfig)
    client = KubeClient.from_url(fakekube.url)
    try:
        for i in range(5):
            body = {"metadata": {"name": f"cm-{i}"}, "data": {"k": "v"}}
            await client.create(CONFIGMAPS, body, namespace="default")
        manager = await build(str(kubeconfig), "default")
        task = asyncio.create_task(manager.run())
        try:
            async with asyncio.timeout(15):
                while True:
                    items = (await client.list(CONFIGMAPS, namespace="default"))["items"]
                    if all(cm.get("data", {}).get("stamped") == "yes" for cm in items):
                        break
                    await asyncio.sleep(0.05)
            patches = [
                w for w in fakekube.writes if w.resource == "configmaps" and w.verb == "patch"
            ]
            assert len(patches) == 5  # one write per object: the second pass sees it stamped
        finally:
            manager.stop()
            await task
    finally:
        await client.close()
