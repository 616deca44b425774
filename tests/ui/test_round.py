"""A whole round in the browser: every partner opens its link in its own browser context,
all enter at nearly the same time, the facilitator sees them all and closes; no page ever
shows another partner's limit, and the outcome shown is the core's."""

from __future__ import annotations

import os
import time

from payloads import PAGE_TEXT_JS

from businesscase.io import default_case_path, load_case
from businesscase.scenarios import RoundStore
from businesscase.scenarios.round_outcome import fair_terms
from businesscase.text import formatting as fmt


def shown(page) -> str:
    """All text on the page, shadow roots included, and the values of its inputs."""
    return page.evaluate(PAGE_TEXT_JS) + " " + page.locator("body").inner_text()


def forms(limit: float) -> list[str]:
    whole = round(limit)
    return [fmt.number(whole, 0, "nl"), str(whole), fmt.number(whole, 0, "en")]


def test_a_round_with_every_partner_in_its_own_browser(browser, app_server, screenshot_dir):
    store = RoundStore(os.environ["BUSINESSCASE_DATABASE_URL"])
    case = load_case(default_case_path())
    opened = store.open_round(case, "Buurtkamer")
    fair = fair_terms(case, "shapley", "financial").fair_per_year
    # far above each fair share and all different: no limit binds, so none can show up in
    # the proposed split, and any limit on a page is a leak
    limits = {p: round(fair[p]) + 40_000 + 1_111 * i for i, p in enumerate(opened.partner_codes)}
    links = opened.links()
    contexts, pages = [], {}
    for who in links:
        ctx = browser.new_context(viewport={"width": 1280, "height": 720}, locale="nl-NL")
        contexts.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(20_000)
        pages[who] = page
    try:
        for who, page in pages.items():
            page.goto(app_server.url + "/app" + links[who].removeprefix("/businesscase"))
        for page in pages.values():
            page.locator(".bc-round-privacy").wait_for()
            assert "niemand ziet" in shown(page)
            assert "bc-tabs" not in page.content()  # the dashboard itself is not opened
        partners = [p for p in pages if p != "facilitator"]
        for p in partners:
            box = pages[p].locator(".bc-round-amount input")
            box.fill(fmt.number(limits[p], 0, "nl"))
            box.press("Tab")
        t0 = time.perf_counter()
        for p in partners:
            pages[p].locator(".bc-round-submit button").click()
        waits = []
        for p in partners:
            pages[p].locator(".bc-round-typed").wait_for()
            waits.append(time.perf_counter() - t0)
        print(f"submit to saved on all {len(partners)} pages: {max(waits):.2f} s")
        pages[partners[0]].screenshot(
            path=str(screenshot_dir / "round_partner.png"), full_page=True
        )
        fac = pages["facilitator"]
        fac.locator(".bc-round-refresh button").click()
        fac.get_by_text(f"{len(partners)} van {len(partners)} partners hebben ingevuld").wait_for()
        fac.screenshot(path=str(screenshot_dir / "round_facilitator.png"), full_page=True)
        fac.locator(".bc-round-close button").click()
        fac.get_by_text("Uitkomst").wait_for()
        fac.screenshot(path=str(screenshot_dir / "round_closed.png"), full_page=True)
        outcome = store.status(opened.round_id, opened.facilitator_code).outcome
        assert outcome is not None and outcome.deal
        for p in partners:
            pages[p].locator(".bc-round-refresh button").click()
        for who, page in pages.items():
            page.get_by_text("Uitkomst").wait_for()
            text = shown(page)
            for x in outcome.contributions_per_year.values():
                assert fmt.euro(x, 0, "nl") in text
            for other, limit in limits.items():
                if other == who:
                    continue
                for form in forms(limit):
                    assert form not in text, (who, other)
            assert opened.facilitator_code not in text
            assert not page.locator(".bc-round-amount input").is_visible()  # closed: no entry
        pages[partners[0]].screenshot(
            path=str(screenshot_dir / "round_partner_closed.png"), full_page=True
        )
        assert not [r for r in app_server.log.since(0) if "round" in r.lower()]
    finally:
        for ctx in contexts:
            ctx.close()
