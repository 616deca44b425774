"""Export speed of the living workbook. Prints a table; run with `make bench`.

Goal (issue 19): exporting the default case, formulas, names and all, under 1 s. The
table gives the median of several exports of each shipped case: building the workbook
(`workbook`) and building plus writing the xlsx bytes (`workbook_bytes`), the way the
dashboard's download and `businesscase export` use it.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from businesscase import default_case_path, evaluate, load_case  # noqa: E402
from businesscase.allocation import allocate  # noqa: E402
from businesscase.export import workbook, workbook_bytes  # noqa: E402

REPEAT = 5


def median_seconds(fn, repeat: int = REPEAT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    default = Path(default_case_path()).resolve()
    print(f"{'case':36} {'lines':>6} {'workbook':>10} {'xlsx bytes':>11} {'with split':>11}")
    for path in sorted((ROOT / "assumptions").glob("*.yaml")):
        result = evaluate(load_case(path))
        split = allocate(result)
        build = median_seconds(lambda r=result: workbook(r))
        write = median_seconds(lambda r=result: workbook_bytes(r))
        both = median_seconds(lambda r=result, s=split: workbook_bytes(r, s))
        mark = " (default)" if path.resolve() == default else ""
        print(
            f"{path.stem + mark:36} {len(result.lines):6d} {build:9.3f}s {write:10.3f}s "
            f"{both:10.3f}s"
        )
    print("goal: the default case under 1 s (xlsx bytes)")


if __name__ == "__main__":
    main()
