"""`businesscase run` starts without the heavy libraries it never uses (issue 17): scipy,
HiGHS and SQLAlchemy are imported by the commands that split, sample or store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("scipy", "highspy", "sqlalchemy", "matplotlib")


def loaded_after(argv: list[str]) -> set[str]:
    code = (
        "import json, sys, contextlib, io\n"
        "from businesscase.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({argv!r})\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(json.loads(out.stdout.strip().splitlines()[-1]))


def test_run_imports_none_of_the_heavy_libraries():
    assert loaded_after(["run", str(ROOT / "assumptions" / "meeting_space.yaml")]) == set()


def test_allocate_still_reaches_the_solvers_it_needs():
    # The nucleolus of the default case solves its programs with scipy's HiGHS.
    argv = ["allocate", "--method", "nucleolus", str(ROOT / "assumptions" / "meeting_space.yaml")]
    assert "scipy" in loaded_after(argv)
