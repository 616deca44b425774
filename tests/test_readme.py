"""The README's Python examples run as written, and its links point inside the repository."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_python_example_runs(monkeypatch):
    blocks = re.findall(r"```python\n(.*?)```", README, flags=re.S)
    assert blocks
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_links_stay_inside_the_repository():
    targets = re.findall(r"\]\(([^)#]+)\)", README)
    local = [t for t in targets if not re.match(r"[a-z]+:", t)]
    assert local
    for target in local:
        path = (ROOT / target).resolve()
        assert path.is_relative_to(ROOT) and path.exists(), target
    assert (ROOT / "LICENSE").exists()
