"""A round survives kill -9 in the middle of entries (the full run is
benchmarks/round_durability.py with 50 kills)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from round_durability import run


def test_killed_partners_lose_no_committed_entry_and_the_round_still_closes():
    out = run(kills=3, seed=5)
    assert out["integrity_check"] == "ok"
    assert out["entries_logged"] > 0
    assert out["partners_with_lost_entries"] == 0
    assert out["partners_with_wrong_entries"] == 0
    assert out["closed_with_deal"] and out["entered_at_close"] > 0
