"""Kill -9 the process while partners enter their limits, many times; then check the round.

Each writer enters limits BASE + 1, BASE + 2, … in turn for the partners of one round (entry n for
partner n mod m, so each partner's limits only grow) and logs n after each entry returns.
After the kills: the store's integrity check, every logged entry still there (each
partner's stored limit at least its last logged one, and at most one entry further: the
one committed just before a kill, not yet logged), and the round still closes.

Prints a table. Run: .venv/bin/python benchmarks/round_durability.py [--kills 50]
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
BASE = 100_000  # euros a year: every limit is BASE + n, so that the round ends in a deal
WRITER = """
import sys
sys.path.insert(0, {root!r})
from businesscase.scenarios import RoundStore
store = RoundStore({db!r})
codes = {codes!r}
partners = list(codes)
n = {start}
log = open({log!r}, "a")
while True:
    partner = partners[n % len(partners)]
    store.enter({round_id}, partner, codes[partner], {base} + n)
    log.write(f"{{n}}\\n")
    log.flush()
    n += 1
"""


def run(kills: int, seed: int = 0) -> dict:
    from businesscase import load_case
    from businesscase.scenarios import RoundStore

    rng = random.Random(seed)
    tmp = Path(tempfile.mkdtemp())
    db, log = tmp / "store.db", tmp / "committed.log"
    store = RoundStore(db)
    opened = store.open_round(load_case(ROOT / "assumptions" / "meeting_space.yaml"), "kill")
    partners = list(opened.partner_codes)
    start = 1
    for _ in range(kills):
        script = WRITER.format(
            root=str(ROOT),
            db=str(db),
            codes=opened.partner_codes,
            start=start,
            log=str(log),
            round_id=opened.round_id,
            base=BASE,
        )
        proc = subprocess.Popen(
            [sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        lines_before = log.read_text().count("\n") if log.exists() else 0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # wait until this writer has entered once
            if log.exists() and log.read_text().count("\n") > lines_before:
                break
            time.sleep(0.02)
        time.sleep(rng.uniform(0.0, 0.3))  # then kill it somewhere in an entry
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        logged = [int(v) for v in log.read_text().split()]
        # the next writer starts past anything this one may have committed unlogged
        start = max(logged) + 2
    logged = [int(v) for v in log.read_text().split()]
    check = sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0]
    # The benchmark reads the limits straight from the table: no command or page can.
    rows = sqlite3.connect(db).execute("SELECT partner_id, max_per_year FROM round_entry")
    stored = {p: int(v) - BASE for p, v in rows.fetchall()}
    lost = wrong = 0
    for i, partner in enumerate(partners):
        mine = [n for n in logged if n % len(partners) == i]
        if mine and stored.get(partner, 0) < max(mine):
            lost += 1
        value = stored.get(partner)
        if value is not None and (value % len(partners) != i or value > max(logged) + 1):
            wrong += 1  # not an entry this partner's writer made
    outcome = RoundStore(db).close(opened.round_id, opened.facilitator_code)
    return {
        "kills": kills,
        "integrity_check": check,
        "entries_logged": len(logged),
        "partners_with_lost_entries": lost,
        "partners_with_wrong_entries": wrong,
        "closed_with_deal": outcome.deal,
        "entered_at_close": outcome.entered,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=50)
    args = parser.parse_args()
    start = time.perf_counter()
    out = run(args.kills)
    out["seconds"] = round(time.perf_counter() - start, 1)
    for k, v in out.items():
        print(f"{k:<28}{v}")


if __name__ == "__main__":
    main()
