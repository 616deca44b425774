"""The illustrative 35-partner programme in the browser: choose it, read the partners ×
themes matrix, let a partner leave one theme and see that theme (and only it) change, switch
themes and come back to find the partner still out; at 1280×720 and wide, with screenshots
to look at (/tmp/shots_themes/)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect
from test_dashboard import Dashboard, app  # noqa: F401

from businesscase import evaluate
from businesscase.io import assumptions_dir
from businesscase.programme import load_programme, programme_split, theme_case
from businesscase.text import formatting as fmt
from businesscase.text import t as ui

SHOTS = Path("/tmp/shots_themes")
FILE = assumptions_dir() / "programmes" / "zuidoost_illustrative.yaml"
PROGRAMME = load_programme(FILE)


def shot(app: Dashboard, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def fits(app: Dashboard, width: int, where: str) -> None:
    wide = app.page.evaluate("() => document.documentElement.scrollWidth")
    assert wide <= width, f"{where}: the page is {wide} px wide in {width} px"
    text = app.page.locator("body").inner_text()
    for bad in ("Traceback", "themes_", "theme_status", "{theme}"):
        assert bad not in text, f"{where}: '{bad}' shown"


def theme_npv(theme_id: str, absent=()) -> float:
    return float(evaluate(theme_case(PROGRAMME, theme_id, absent)).totals["social_npv"])


def test_the_programme_matrix_and_a_partner_leaving_a_theme(app: Dashboard):
    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    app.tab("tab_setup")
    page.locator(".bc-case-file select").select_option(label=PROGRAMME.meta.name)
    first, second = PROGRAMME.themes[0], PROGRAMME.themes[1]
    app.wait_for_bar("social_npv", theme_npv(first.id))

    app.tab("tab_themes")
    matrix = page.locator(".bc-themes-matrix")
    expect(matrix).to_contain_text(PROGRAMME.partner("corporatie_a").name("nl"))
    in_a_theme = [
        p for p in PROGRAMME.partner_ids if any(p in th.participants for th in PROGRAMME.themes)
    ]
    matrix.locator(".tabulator-tableholder").evaluate("e => e.scrollTop = 1e6")
    expect(matrix).to_contain_text(PROGRAMME.partner(in_a_theme[-1]).name("nl"))
    shot(app, "themes_1280")
    fits(app, 1280, "Thema's")

    # A partner with flows leaves the first theme, through the list of who takes part.
    leaver = next(
        p
        for p in first.participants
        if p not in PROGRAMME.flowless(first.id) and PROGRAMME.partner(p).role_id != "gemeente"
    )
    name = PROGRAMME.partner(leaver).name("nl")
    chip = page.locator(".bc-theme-participants .choices__item", has_text=name).first
    chip.locator(".choices__button").click()
    app.wait_for_bar("social_npv", theme_npv(first.id, [leaver]))
    expected = programme_split(PROGRAMME, absent={first.id: [leaver]})
    cost = expected.totals.loc[first.id, "cost_to_cover_per_year"]
    before = programme_split(PROGRAMME).totals.loc[first.id, "cost_to_cover_per_year"]
    assert fmt.euro(before, 0, "nl") != fmt.euro(cost, 0, "nl")  # the leaving shows
    other = expected.totals.loc[second.id, "cost_to_cover_per_year"]
    totals = page.locator(".bc-themes-totals")
    expect(totals).to_contain_text(fmt.euro(cost, 0, "nl"))
    expect(totals).to_contain_text(fmt.euro(other, 0, "nl"))
    matrix.locator(".tabulator-tableholder").evaluate("e => e.scrollTop = 0")  # rows are virtual
    row = matrix.locator(".tabulator-row", has_text=name).first
    expect(row).to_contain_text(ui("theme_status_left", "nl"))
    shot(app, "themes_after_leaving_1280")
    fits(app, 1280, "Thema's after leaving")

    # Another theme on the pages, and back: the partner is still out of the first theme only.
    page.locator(".bc-theme-select select").select_option(label=second.name("nl"))
    app.wait_for_bar("social_npv", theme_npv(second.id))
    page.locator(".bc-theme-select select").select_option(label=first.name("nl"))
    app.wait_for_bar("social_npv", theme_npv(first.id, [leaver]))

    page.set_viewport_size({"width": 1920, "height": 1080})
    page.wait_for_timeout(300)
    fits(app, 1920, "Thema's, wide")
    shot(app, "themes_wide")
    assert not app.console_errors, app.console_errors
