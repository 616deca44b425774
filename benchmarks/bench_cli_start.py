"""How long a CLI command takes from a cold process, beside `python -c "import numpy,
pandas"` in the same run; prints a table (issue 17: `businesscase run` within 2x of it).

Run: ``.venv/bin/python benchmarks/bench_cli_start.py [--reps 7]``
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = str(ROOT / "assumptions" / "meeting_space.yaml")
COMMANDS = {
    "python -c 'import numpy, pandas' (the yardstick)": ["-c", "import numpy, pandas"],
    "businesscase run": ["-m", "businesscase.cli", "run", CASE],
    "businesscase allocate (shapley)": ["-m", "businesscase.cli", "allocate", CASE],
    "businesscase allocate --method nucleolus": [
        "-m",
        "businesscase.cli",
        "allocate",
        "--method",
        "nucleolus",
        CASE,
    ],
}


def seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, *argv], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    rows, base = [], None
    for label, argv in COMMANDS.items():
        seconds(argv)  # warm the file cache
        median = statistics.median(seconds(argv) for _ in range(args.reps))
        base = base or median
        rows.append((label, f"{median:.2f}", f"{median / base:.1f}x"))
    widths = [
        max(len(r[i]) for r in rows + [("command", "median s", "vs yardstick")]) for i in range(3)
    ]
    for r in [("command", "median s", "vs yardstick"), *rows]:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)))


if __name__ == "__main__":
    main()
