"""Meeting mode worth projecting (issue 15, point 6), in a real browser at 1280×720: the
headline, the yearly chart, who pays and gains, the split with its payments, the live
proposal check and who takes part; locked, the tabs are gone and no edit is in reach, and a
partner unticked in the room moves the split to the core's split without it."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from test_dashboard import Dashboard, app, core_result  # noqa: F401

from businesscase.allocation import allocate, default_participants
from businesscase.text import t as ui


def fits(app: Dashboard) -> None:
    width = app.page.evaluate("document.documentElement.scrollWidth")
    assert width <= app.page.viewport_size["width"], f"the page is {width} px wide"


def shown_split(app: Dashboard) -> dict[str, float]:
    cells = app.page.locator(
        "table.bc-allocation-meeting td[data-col='fair_contribution_per_year']"
    )
    pairs = cells.evaluate_all(
        "els => els.map(e => [e.getAttribute('data-row'), e.getAttribute('data-value')])"
    )
    return {p: float(v) for p, v in pairs}


def same_split(shown: dict[str, float], expected: dict[str, float]) -> bool:
    return shown.keys() == expected.keys() and all(
        abs(shown[p] - expected[p]) < 0.01 for p in expected
    )


def core_split(absent: tuple[str, ...] = ()) -> dict[str, float]:
    r = core_result()
    participants = [p for p in default_participants(r, "financial") if p not in absent]
    table = allocate(r, "shapley", "financial", participants).table
    return {p: float(v) for p, v in table["fair_contribution_per_year"].items()}


def test_meeting_mode_at_1280(app: Dashboard, screenshot_dir):
    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    app.tab("tab_meeting")
    lock = page.locator(".bc-lock button")
    lock.click()
    expect(page.locator(".bk-tab").first).to_be_hidden()
    expect(lock).to_contain_text(ui("unlock", "nl"))
    fits(app)
    page.screenshot(path=str(screenshot_dir / "meeting_1280_top.png"))

    # What the room sees: headline, two charts, the split, its payments, the proposal check.
    meeting = page.locator(".bc-meeting")
    expect(meeting.first).to_contain_text(ui("social_npv", "nl"))
    expect(page.locator(".bc-meeting .bc-figure[data-key='social_npv']")).to_be_visible()
    assert page.locator("canvas").count() >= 2  # the yearly chart and who pays / who gains
    expected = core_split()
    app.wait_until(lambda: same_split(shown_split(app), expected) or shown_split(app), "split")
    expect(page.locator(".bc-meeting-proposal")).to_contain_text(ui("proposal", "nl"))
    expect(page.locator(".bc-meeting", has_text=ui("transfers", "nl")).first).to_be_visible()

    # Who takes part, live: untick a partner and the split is the core's without it.
    r = core_result()
    leaver = sorted(default_participants(r, "financial"))[0]
    name = r.case.partner(leaver).name("nl")
    toggle = page.locator(".bc-meeting-takes-part button", has_text=re.compile(re.escape(name)))
    expect(toggle).to_have_class(re.compile(r"\bbk-active\b"))
    toggle.click()
    expected = core_split((leaver,))
    app.wait_until(
        lambda: same_split(shown_split(app), expected) or shown_split(app), "split without"
    )
    assert leaver not in shown_split(app)
    page.mouse.wheel(0, 700)
    page.screenshot(path=str(screenshot_dir / "meeting_1280_split.png"))
    fits(app)

    # Locked, no tab leads to a page with an edit (and the state refuses edits besides:
    # tests/test_dashboard_state.py::test_locked_state_ignores_edits).
    expect(page.locator(".bk-tab").first).to_be_hidden()
    expect(page.locator(".bc-meeting-takes-part button").first).to_be_enabled()

    # Unlocked, the tabs are back.
    page.locator(".bc-lock button").click()
    expect(page.locator(".bk-tab").first).to_be_visible()
    expect(page.locator(".bk-tab.bk-active")).to_have_text(ui("tab_meeting", "nl"))
    app.assert_clean()
