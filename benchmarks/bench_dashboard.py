"""Dashboard speed in a real headless Chromium; prints a table (not a test).

Goals (issue 5): server start to first render under 5 s; from a changed input to the
updated headline figure, measured in the browser, p95 under 250 ms.

* Server start to first render: ``python -m dashboards.app`` started as a new process (what
  ``make run`` does: Python, Panel and the app imported cold) until the headline bar shows
  its figure in the browser; and ``pn.serve`` of the app factory in this process, the app
  already imported.
* A new session (page load) to first render, on a running server.
* Input to headline, timed inside the page with ``performance.now()``: from the Enter
  keydown (captured on the document) until a MutationObserver sees the MKBA balance's
  ``data-value`` change in the headline bar. Two inputs: the discount-rate box on Opzet
  ("2,5%" + Enter) and a value cell of the assumptions table (click, type, Enter). Every
  new figure is checked against the core to the cent.

The session measures run on the default case and, side by side, on a 35-partner version
of it (``--partners 35``: the default case with 28 partners added to its roles, built by
``tests/builders.partners35``, as a user's bulk entry would add them).

Run: ``.venv/bin/python benchmarks/bench_dashboard.py [--reps 30] [--loads 10] [--partners 35]``
(``--partners 7`` measures the default case alone). Debian's
Chromium is used (``$CHROMIUM`` or ``chromium`` on PATH), never a browser downloaded by
Playwright.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from businesscase import default_case_path, evaluate, load_case  # noqa: E402
from businesscase.export import CHROMIUM_FLAGS  # noqa: E402
from businesscase.model import apply_changes  # noqa: E402
from tests.builders import partners35  # noqa: E402

ARGS = list(CHROMIUM_FLAGS)
DISCOUNT = "economics.social_discount_rate"
HEADLINE = ".bc-headline-bar .bc-figure[data-key='social_npv']"
CENT = 0.005

# In the page: remember when Enter goes down, resolve when the MKBA balance changes.
ARM = """host => {
    const root = host.shadowRoot || host;
    const read = () => {
        const f = root.querySelector(".bc-figure[data-key='social_npv']");
        return f ? f.getAttribute('data-value') : null;
    };
    const before = read();
    let t0 = null;
    const onKey = e => { if (e.key === 'Enter' && t0 === null) t0 = performance.now(); };
    document.addEventListener('keydown', onKey, true);
    window.__bcDone = new Promise((resolve, reject) => {
        const timer = setTimeout(
            () => { finish(); reject(new Error('no change in 10 s')); }, 10000);
        const observer = new MutationObserver(() => {
            const now = read();
            if (t0 !== null && now !== null && now !== before) {
                const t1 = performance.now();
                finish();
                resolve({ms: t1 - t0, value: now});
            }
        });
        const finish = () => {
            clearTimeout(timer); observer.disconnect();
            document.removeEventListener('keydown', onKey, true);
        };
        observer.observe(root, {subtree: true, childList: true, attributes: true,
                                characterData: true});
    });
    return before;
}"""


def find_chromium() -> str:
    for candidate in (
        os.environ.get("CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
    ):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    sys.exit(
        "bench_dashboard: Chromium not found; apt-get install -y --no-install-recommends "
        "chromium fonts-liberation (or set $CHROMIUM)"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.02)
    raise TimeoutError(f"nothing listens on port {port} after {timeout} s")


def first_render(browser, url: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.locator(HEADLINE).wait_for(state="visible", timeout=60_000)
        page.locator(".bk-tab").first.wait_for(state="visible")
    finally:
        context.close()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def added_partners(n: int) -> list[dict]:
    """The partners added to the default case (7 partners) to make one of n partners."""
    return [] if n <= 7 else partners35()[: n - 7]


def expected_npv(rate: float, added: list[dict]) -> float:
    case = apply_changes(load_case(default_case_path()), {DISCOUNT: rate}, added=added)
    return float(evaluate(case).totals["social_npv"])


def app_with(added: list[dict]):
    """An app factory whose sessions start with these partners added."""
    from dashboards.app import create_app

    def factory():
        app = create_app()
        if added:
            app.state.added = added
            if app.state.message:
                raise RuntimeError(app.state.message)
        return app

    return factory


def rates(n: int) -> list[float]:
    """n rates, each different from the one before (and from the 2.25% default)."""
    cycle = [0.015 + 0.001 * i for i in range(16) if abs(0.015 + 0.001 * i - 0.0225) > 1e-9]
    return [round(cycle[i % len(cycle)], 4) for i in range(n)]


def dutch_percent(rate: float) -> str:
    return f"{rate * 100:g}".replace(".", ",") + "%"


class Measured:
    def __init__(self):
        self.ms: list[float] = []
        self.wrong = 0
        self.errors: list[str] = []
        self.reloads = 0


def bench_rate_box(page, reps: int, expected: dict[float, float]) -> Measured:
    out = Measured()
    page.locator(".bk-tab", has_text="Opzet").click()
    box = page.locator(".bc-discount-rate input")
    host = page.locator(".bc-headline-bar")
    for rate in rates(reps):
        box.click()
        box.press("Control+a")
        box.press_sequentially(dutch_percent(rate), delay=10)
        host.evaluate(ARM)
        box.press("Enter")
        try:
            got = page.evaluate("window.__bcDone")
        except Exception as exc:
            out.errors.append(str(exc).splitlines()[0][:120])
            continue
        out.ms.append(got["ms"])
        out.wrong += abs(float(got["value"]) - expected[rate]) >= CENT
    return out


def bench_table(browser, url: str, reps: int, expected: dict[float, float]) -> Measured:
    """The first row of the assumptions table (the social discount rate): click, type, Enter.
    When a click no longer opens an editor the page is loaded again (a new session) and the
    run goes on; the number of reloads is reported."""
    out = Measured()
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = None

    def open_page():
        nonlocal page
        if page is not None:
            page.close()
        page = context.new_page()
        page.goto(url)
        page.locator(HEADLINE).wait_for(state="visible", timeout=60_000)
        page.locator(".bk-tab", has_text="Aannames").click()
        page.locator(".bc-assumptions .tabulator-row").first.wait_for(state="visible")
        page.wait_for_timeout(300)

    try:
        open_page()
        for rate in rates(reps):
            cell = page.locator(".bc-assumptions .tabulator-row").first.locator(
                ".tabulator-cell[tabulator-field='value']"
            )
            editor = cell.locator("input")
            cell.click()
            try:
                editor.wait_for(state="visible", timeout=2_000)
            except Exception:
                out.reloads += 1
                open_page()
                cell = page.locator(".bc-assumptions .tabulator-row").first.locator(
                    ".tabulator-cell[tabulator-field='value']"
                )
                editor = cell.locator("input")
                cell.click()
                editor.wait_for(state="visible", timeout=5_000)
            editor.press("Control+a")
            # A dot decimal with four places, as first measured (a Dutch comma works too).
            editor.press_sequentially(f"{rate:.4f}", delay=10)
            page.locator(".bc-headline-bar").evaluate(ARM)
            editor.press("Enter")
            try:
                got = page.evaluate("window.__bcDone")
            except Exception as exc:
                out.errors.append(str(exc).splitlines()[0][:120])
                continue
            out.ms.append(got["ms"])
            out.wrong += abs(float(got["value"]) - expected[rate]) >= CENT
            page.wait_for_timeout(100)
    finally:
        context.close()
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=30, help="edits per input (30 or more)")
    parser.add_argument("--loads", type=int, default=10, help="new sessions for the page load")
    parser.add_argument(
        "--partners",
        type=int,
        default=35,
        help="also measure a case of this many partners (7 to 35; 7 is the default case)",
    )
    args = parser.parse_args(argv)
    if not 7 <= args.partners <= 35:
        parser.error("--partners must be between 7 and 35")
    sizes = sorted({7, args.partners})
    chromium = find_chromium()

    from playwright.sync_api import sync_playwright

    tmp = tempfile.TemporaryDirectory(prefix="bench-dashboard-")
    env = {
        **os.environ,
        "BUSINESSCASE_DATABASE_URL": str(Path(tmp.name) / "scenarios.db"),
        "PYTHONUNBUFFERED": "1",
    }
    os.environ["BUSINESSCASE_DATABASE_URL"] = env["BUSINESSCASE_DATABASE_URL"]
    rows = []

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)

        # 1. a new server process, cold
        port = free_port()
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "dashboards.app", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_port(port)
            listening = time.perf_counter() - t0
            first_render(browser, f"http://localhost:{port}/businesscase")
            cold = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        rows.append(
            (
                "server start (new process) → first render",
                1,
                cold,
                cold,
                5.0,
                f"port open after {listening:.2f} s (imports)",
            )
        )

        # 2. in this process: import, serve, render
        t0 = time.perf_counter()
        import panel as pn

        from dashboards.app import create_app

        imported = time.perf_counter() - t0
        port = free_port()
        t1 = time.perf_counter()
        server = pn.serve(
            {"app": create_app, **{f"app{n}": app_with(added_partners(n)) for n in sizes}},
            port=port,
            threaded=True,
            show=False,
            liveness=True,
            websocket_origin=[f"localhost:{port}", f"127.0.0.1:{port}"],
        )
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://localhost:{port}/liveness", timeout=2)
                    break
                except OSError:
                    time.sleep(0.02)
            url = f"http://localhost:{port}/app"
            first_render(browser, url)
            warm = time.perf_counter() - t1
            rows.append(
                (
                    "pn.serve in this process → first render",
                    1,
                    warm,
                    warm,
                    5.0,
                    f"after importing the app ({imported:.2f} s, not counted)",
                )
            )

            variants = {}
            for n in sizes:
                variants[n] = session_measures(browser, f"http://localhost:{port}/app{n}", args)
        finally:
            server.stop()
        browser.close()
    tmp.cleanup()
    print_table(chromium, rows, variants)


def session_measures(browser, url: str, args) -> dict[str, Measured]:
    """Page load, and input → headline for both inputs, on one app."""
    added = added_partners(int(url.rsplit("app", 1)[1]))
    expected = {r: expected_npv(r, added) for r in set(rates(args.reps))}
    load = Measured()
    for _ in range(args.loads):
        t = time.perf_counter()
        first_render(browser, url)
        load.ms.append((time.perf_counter() - t) * 1000)
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    page.goto(url)
    page.locator(HEADLINE).wait_for(state="visible", timeout=60_000)
    rate_box = bench_rate_box(page, args.reps, expected)
    context.close()
    return {
        "new session (page load) → first render": load,
        "Opzet discount rate, Enter → headline": rate_box,
        "Aannames table cell, Enter → headline": bench_table(browser, url, args.reps, expected),
    }


def _notes(m: Measured) -> list[str]:
    note = []
    if m.wrong:
        note.append(f"{m.wrong} not the core's figure")
    if m.errors:
        note.append(f"{len(m.errors)} without a change: {m.errors[0]}")
    if m.reloads:
        note.append(f"{m.reloads} page reloads (the table stopped taking edits)")
    return note


def print_table(chromium: str, rows: list, variants: dict[int, dict[str, Measured]]) -> None:
    sizes = sorted(variants)
    goals = {"new session (page load) → first render": 5.0}
    print(
        f"Dashboard in Chromium ({chromium}), {os.cpu_count()} cores; "
        "times in ms, goals per issue 5 (p95); one column group per number of partners"
    )
    head = f"{'measure':<46}" + "".join(f"{f'{n} partners: n/median/p95':>30}" for n in sizes)
    print(head + f"{'goal':>8}  {'ok':<4}notes")
    for name, n, median, p95, goal, note in rows:
        ok = "yes" if p95 == p95 and p95 < goal else "NO"
        cell = f"{n:>4}{median * 1000:>10.0f}{p95 * 1000:>10.0f}"
        print(f"{name:<46}{cell:>30}{'':>30}{goal * 1000:>8.0f}  {ok:<4}{note}")
    for name in variants[sizes[0]]:
        goal = goals.get(name, 0.25) * 1000
        cells, ok, notes = "", True, []
        for n in sizes:
            m = variants[n][name]
            if m.ms:
                median, p95 = statistics.median(m.ms), pct(m.ms, 0.95)
            else:
                median = p95 = float("nan")
            ok = ok and p95 == p95 and p95 < goal and not m.wrong
            cells += f"{len(m.ms):>10}{median:>10.0f}{p95:>10.0f}"
            notes += [f"{n}: {x}" for x in _notes(m)]
        print(f"{name:<46}{cells}{goal:>8.0f}  {'yes' if ok else 'NO':<4}{'; '.join(notes)}")


if __name__ == "__main__":
    main()
