"""The dashboard under load: N browser sessions on loopback, each editing an assumption and
switching the allocation method for a fixed time. Prints latency percentiles, errors,
cross-session mismatches and the server's memory over time.

Bounded in count and time, loopback only. Run:
    .venv/bin/python benchmarks/load_dashboard.py --sessions 20 --seconds 120
"""

from __future__ import annotations

import argparse
import asyncio
import random
import re
import socket
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import panel as pn  # noqa: E402
from playwright.async_api import async_playwright  # noqa: E402

from businesscase import default_case_path, evaluate, load_case  # noqa: E402
from businesscase.export import CHROMIUM_FLAGS  # noqa: E402
from businesscase.model import apply_changes  # noqa: E402
from dashboards.app import create_app  # noqa: E402

RATES = [round(0.015 + 0.001 * i, 4) for i in range(16)]  # 1.5% .. 3.0%
METHODS = [
    "Shapley-waarde",
    "Nucleolus",
    "Gelijke verdeling van de meerwaarde",
    "Naar rato van de baten",
]
ARGS = ["--headless", *CHROMIUM_FLAGS]


LOAD_TIMEOUT_MS = 60_000  # a page not showing its headline by then counts as not loaded


def rss_mb() -> float:
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", text).group(1)) / 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def session(browser, url, seconds, expected, stats, seed):
    """One person: open the page, wait for the headline, then edit until time is up. A page
    that does not load in time is a result (counted), not a crash; the browser context is
    closed whatever happens."""
    context = await browser.new_context(viewport={"width": 1300, "height": 900})
    try:
        await _session(context, url, seconds, expected, stats, seed)
    except Exception as exc:  # a page that never loads is one of the results
        stats["not_loaded"].append(f"{type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    finally:
        await context.close()


async def _session(context, url, seconds, expected, stats, seed):
    rng = random.Random(seed)
    page = await context.new_page()
    page.on("pageerror", lambda exc: stats["errors"].append(str(exc)[:200]))
    opened = time.perf_counter()
    await page.goto(url, timeout=LOAD_TIMEOUT_MS)
    headline = page.locator(".bc-headline-bar .bc-figure[data-key='social_npv']")
    await headline.wait_for(state="attached", timeout=LOAD_TIMEOUT_MS)
    stats["headline_s"].append(time.perf_counter() - opened)
    rate_box = page.locator(".bc-discount-rate input")
    end = time.monotonic() + seconds
    i = 0
    while time.monotonic() < end:
        i += 1
        rate = rng.choice(RATES)
        before = await headline.get_attribute("data-value")
        start = time.perf_counter()
        await rate_box.fill(f"{rate * 100:.1f}".replace(".", ",") + "%")
        await rate_box.press("Enter")
        try:
            if abs(float(before) - expected[rate]) > 0.005:
                # Panel replaces the pane's HTML (in a shadow root): poll the locator again.
                deadline = time.perf_counter() + 30
                while await headline.get_attribute("data-value") == before:
                    if time.perf_counter() > deadline:
                        raise TimeoutError("headline did not change within 30 s")
                    await asyncio.sleep(0.01)
            stats["latency"].append(time.perf_counter() - start)
            # The first change seen may be a slower earlier edit of this session arriving;
            # a session shows someone else's figures only if its own never arrives.
            deadline = time.perf_counter() + 30
            while abs(float(await headline.get_attribute("data-value")) - expected[rate]) > 0.005:
                if time.perf_counter() > deadline:
                    stats["mismatch"] += 1
                    break
                await asyncio.sleep(0.05)
        except Exception as exc:  # a timeout counts as an error, the run goes on
            stats["errors"].append(f"{type(exc).__name__}: {str(exc)[:120]}")
        if i % 2 == 0:
            await page.locator(".bk-tab", has_text="Verdeling").first.click()
            await page.locator(".bc-method select").select_option(label=rng.choice(METHODS))
            await page.locator(".bk-tab", has_text="Opzet").first.click()
        stats["actions"] += 1


async def run(sessions: int, seconds: float):
    base = load_case(default_case_path())
    expected = {
        r: float(
            evaluate(apply_changes(base, {"economics.social_discount_rate": r})).totals[
                "social_npv"
            ]
        )
        for r in RATES
    }
    port = free_port()
    server = pn.serve(
        {"app": create_app},
        port=port,
        threaded=True,
        show=False,
        liveness=True,
        websocket_origin=[f"localhost:{port}", f"127.0.0.1:{port}"],
    )
    for _ in range(200):
        try:
            urllib.request.urlopen(f"http://localhost:{port}/liveness", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    stats = {
        "latency": [],
        "errors": [],
        "mismatch": 0,
        "actions": 0,
        "headline_s": [],
        "not_loaded": [],
    }
    memory = [(0.0, rss_mb())]
    start = time.monotonic()

    async def sample():
        while time.monotonic() - start < seconds + 30:
            await asyncio.sleep(10)
            memory.append((time.monotonic() - start, rss_mb()))

    try:
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            sampler = asyncio.create_task(sample())
            try:
                await asyncio.gather(
                    *[
                        session(
                            browser, f"http://localhost:{port}/app", seconds, expected, stats, seed
                        )
                        for seed in range(sessions)
                    ]
                )
            finally:
                sampler.cancel()
                await browser.close()
    finally:
        # The server is stopped whatever happened in the browsers, so the run always ends.
        server.stop()
    memory.append((time.monotonic() - start, rss_mb()))
    lat = sorted(stats["latency"])
    q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))] * 1000 if lat else float("nan")  # noqa: E731
    print(f"{'sessions':<34}{sessions}")
    print(f"{'seconds per session':<34}{seconds}")
    print(f"{'edits measured':<34}{len(lat)}")
    print(f"{'actions (edits + method switches)':<34}{stats['actions']}")
    worst = q(1.0) if lat else 0
    print(f"{'latency median / p95 / max (ms)':<34}{q(0.5):.0f} / {q(0.95):.0f} / {worst:.0f}")
    shown = sorted(stats["headline_s"])
    slowest = f"{shown[-1]:.1f}" if shown else "-"
    print(f"{'sessions showing the headline':<34}{len(shown)} of {sessions} (slowest {slowest} s)")
    print(
        f"{'sessions not loaded in time':<34}{len(stats['not_loaded'])} {stats['not_loaded'][:2]}"
    )
    print(f"{'errors':<34}{len(stats['errors'])} {stats['errors'][:3]}")
    print(f"{'edits never showing their figure':<34}{stats['mismatch']}")
    print(
        f"{'server memory (MB) over time':<34}" + ", ".join(f"{t:.0f}s {m:.0f}" for t, m in memory)
    )
    return stats


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=120)
    a = parser.parse_args()
    asyncio.run(run(a.sessions, a.seconds))
