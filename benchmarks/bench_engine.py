"""Engine speed and memory. Prints a table; run with `make bench`.

Goals (issue 2): one evaluation of the default case over 30 years under 5 ms median;
10,000 draws in one vectorised call under 1 s and under 1 GB peak memory.
"""

from __future__ import annotations

import gc
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from businesscase import default_case_path, evaluate, load_case  # noqa: E402
from businesscase.model import Years  # noqa: E402


def default_case_30_years():
    case = load_case(default_case_path())
    case.meta.horizon = 30
    return case


def triangular_draws(case, n: int, seed: int = 1) -> dict[str, np.ndarray]:
    """Every parameter with a range drawn triangular(low, value, high); years rounded."""
    rng = np.random.default_rng(seed)
    draws = {}
    for key, p in case.parameters():
        if p.high > p.low:
            mode = min(max(p.value, p.low), p.high)
            x = rng.triangular(p.low, mode, p.high, n)
            draws[key] = np.round(x) if isinstance(p, Years) else x
    return draws


def time_calls(fn, repeat: int) -> list[float]:
    fn()  # warm up caches and imports
    out = []
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def single(case):
    r = evaluate(case)
    return r.totals["social_npv"], r.by_partner


def vectorised(case, draws):
    r = evaluate(case, draws)
    return r.total_arrays["social_npv"], r.partner_arrays["net_position"]


def main() -> None:
    case = default_case_30_years()
    rows = []
    t = time_calls(lambda: single(case), 200)
    rows.append(("default case, 30 years: evaluate + totals + per partner",
                 statistics.median(t) * 1e3, np.percentile(t, 95) * 1e3, "ms", "median < 5 ms"))
    t = time_calls(lambda: evaluate(case).ledger, 50)
    rows.append(("default case, 30 years: tidy ledger DataFrame",
                 statistics.median(t) * 1e3, np.percentile(t, 95) * 1e3, "ms", "-"))
    draws = triangular_draws(case, 10_000)
    t = time_calls(lambda: vectorised(case, draws), 7)
    rows.append((f"10,000 draws x 30 years, {len(draws)} parameters varied",
                 statistics.median(t) * 1e3, max(t) * 1e3, "ms", "< 1000 ms"))
    gc.collect()
    tracemalloc.start()
    vectorised(case, draws)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows.append(("10,000 draws: peak memory (tracemalloc)", peak / 2**20, peak / 2**20, "MiB",
                 "< 1024 MiB"))
    r = evaluate(case, draws)
    start = time.perf_counter()
    _ = r.partner_irr  # the IRRs are computed when first read
    rows.append(("10,000 draws: IRR of every partner (where defined)",
                 (time.perf_counter() - start) * 1e3, float("nan"), "ms", "-"))

    print(f"{'benchmark':<58}{'median':>10}{'p95/max':>10}  unit   goal")
    for name, med, hi, unit, goal in rows:
        print(f"{name:<58}{med:>10.2f}{hi:>10.2f}  {unit:<5}  {goal}")


if __name__ == "__main__":
    main()
