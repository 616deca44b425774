"""Server CPU to build a new dashboard session (the app and its Bokeh models), median of
several sessions in one process after a first warm one; prints a table.

Goal (issue 17): under 0.2 s of server CPU per session.
Run: ``.venv/bin/python benchmarks/bench_session.py [--sessions 10]``
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bokeh.document import Document

import dashboards.app as app_module


def session_cpu() -> tuple[float, float]:
    """(CPU s of create_app, CPU s of its Bokeh models)."""
    start = time.process_time()
    app = app_module.create_app()
    built = time.process_time()
    app.get_root(Document())
    return built - start, time.process_time() - built


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=10)
    args = parser.parse_args()
    session_cpu()  # the first session warms caches (the list of case files, imports)
    runs = [session_cpu() for _ in range(args.sessions)]
    app = statistics.median(r[0] for r in runs)
    models = statistics.median(r[1] for r in runs)
    print(f"{'measure':<40}{'median s':>10}  goal")
    print(f"{'create_app (state and pages)':<40}{app:>10.3f}")
    print(f"{'Bokeh models of the page':<40}{models:>10.3f}")
    print(f"{'a new session, server CPU':<40}{app + models:>10.3f}  < 0.2 s")


if __name__ == "__main__":
    main()
