"""Kill -9 the process while it saves scenarios, many times; then check the store.

Prints a table: kills, stores checked, versions committed, versions lost, half-written
versions found. Run: .venv/bin/python benchmarks/durability.py [--kills 100]
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from businesscase import load_case
from businesscase.scenarios import ScenarioStore
store = ScenarioStore({db!r})
case = load_case({case!r})
sid = None
log = open({log!r}, "a")
while True:
    v = store.save("durability", case, {{"n": time.time()}}, scenario_id=sid)
    sid = v.scenario_id
    log.write(f"{{v.scenario_id}} {{v.number}}\\n")
    log.flush()
"""


def run(kills: int, seed: int = 0) -> dict:
    from businesscase import evaluate
    from businesscase.scenarios import ScenarioStore

    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp())
    db, log = tmp / "store.db", tmp / "committed.log"
    case = ROOT / "assumptions" / "meeting_space.yaml"
    script = WRITER.format(root=str(ROOT), db=str(db), case=str(case), log=str(log))
    for _ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        lines_before = log.read_text().count("\n") if log.exists() else 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until this writer has saved once
            if log.exists() and log.read_text().count("\n") > lines_before:
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))  # then kill it somewhere in a save
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    committed = {tuple(map(int, line.split())) for line in log.read_text().split("\n") if line}
    check = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0]
    store = ScenarioStore(db)
    stored, broken = set(), 0
    reference = evaluate(__import__("businesscase").load_case(case)).totals["social_npv"]
    for scenario in store.scenarios():
        for v in store.versions(scenario.scenario_id):
            stored.add((v.scenario_id, v.number))
            try:
                opened, _ = store.open(v.scenario_id, v.number)
                if evaluate(opened).totals["social_npv"] != reference:
                    broken += 1
            except Exception:
                broken += 1
    return {
        "kills": kills,
        "integrity_check": check,
        "versions_logged": len(committed),
        "versions_stored": len(stored),
        "versions_lost": len(committed - stored),
        "half_written": broken,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    args = parser.parse_args()
    start = time.perf_counter()
    out = run(args.kills)
    out["seconds"] = round(time.perf_counter() - start, 1)
    for k, v in out.items():
        print(f"{k:<20}{v}")


if __name__ == "__main__":
    main()
