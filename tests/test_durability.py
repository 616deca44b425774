"""A store that survives kill -9 in the middle of saving (the full run is
benchmarks/durability.py with 100 kills)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from durability import run


def test_killed_writers_lose_no_committed_version_and_leave_none_half_written():
    out = run(kills=3, seed=5)
    assert out["integrity_check"] == "ok"
    assert out["versions_logged"] > 0
    assert out["versions_lost"] == 0 and out["half_written"] == 0
