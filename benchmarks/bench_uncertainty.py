"""Uncertainty and scenario speed; prints a table.

Goals (issue 6): 10,000 draws x 30 years for the combined case under 1 s and 1 GB; a
tornado over 50 parameters under 1 s; saving and loading a scenario under 50 ms.
Goals (issue 17): 100,000 draws under 2 s and 1 GB; a million in bounded memory.
Run: ``.venv/bin/python benchmarks/bench_uncertainty.py [--million]``
"""

from __future__ import annotations

import gc
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_engine import time_calls

from businesscase import load_case
from businesscase.io import assumptions_dir
from businesscase.scenarios import ScenarioStore
from businesscase.uncertainty import monte_carlo, tornado

# Chunked runs (issue 17); a million draws with --million (about half a minute).
LARGE_RUNS = [100_000, 1_000_000] if "--million" in sys.argv else [100_000]


def main():
    combined = load_case(assumptions_dir() / "meeting_space_community_builder.yaml")
    combined.meta.horizon = 30
    rows = []
    t = time_calls(lambda: monte_carlo(combined, 10_000, seed=1), 5)
    rows.append(
        (
            "Monte Carlo, combined case, 10,000 draws x 30 years",
            statistics.median(t) * 1e3,
            max(t) * 1e3,
            "ms",
            "< 1000 ms",
        )
    )
    gc.collect()
    tracemalloc.start()
    monte_carlo(combined, 10_000, seed=1)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rows.append(("  peak memory (tracemalloc)", peak / 2**20, peak / 2**20, "MiB", "< 1024 MiB"))
    for draws in LARGE_RUNS:
        gc.collect()
        tracemalloc.start()
        start = time.perf_counter()
        monte_carlo(combined, draws, seed=1)
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        goal = "< 2000 ms, < 1024 MiB" if draws == 100_000 else "bounded memory"
        rows.append(
            (f"Monte Carlo, combined case, {draws:,} draws", took * 1e3, took * 1e3, "ms", goal)
        )
        rows.append(("  peak memory (tracemalloc)", peak / 2**20, peak / 2**20, "MiB", ""))
    n = sum(1 for _, p in combined.parameters() if p.high > p.low)
    t = time_calls(lambda: tornado(combined), 5)
    rows.append(
        (
            f"tornado over {n} parameters (combined case)",
            statistics.median(t) * 1e3,
            max(t) * 1e3,
            "ms",
            "< 1000 ms (50 parameters)",
        )
    )
    store = ScenarioStore(Path(tempfile.mkdtemp()) / "bench.db")
    saved = store.save("bench", combined)
    t = time_calls(lambda: store.save("bench", combined, scenario_id=saved.scenario_id), 20)
    rows.append(
        (
            "save a scenario (new version, SQLite)",
            statistics.median(t) * 1e3,
            max(t) * 1e3,
            "ms",
            "< 50 ms",
        )
    )
    t = time_calls(lambda: store.open(saved.scenario_id), 20)
    rows.append(
        (
            "open a scenario (latest version)",
            statistics.median(t) * 1e3,
            max(t) * 1e3,
            "ms",
            "< 50 ms",
        )
    )
    print(f"{'benchmark':<56}{'median':>10}{'max':>10}  unit  goal")
    for name, med, hi, unit, goal in rows:
        print(f"{name:<56}{med:>10.1f}{hi:>10.1f}  {unit:<4}  {goal}")


if __name__ == "__main__":
    main()
