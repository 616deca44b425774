"""A 35-partner case in the browser, as a new user builds it: paste 28 partners with their
roles and shares, see them in the table, search the participants list and untick one, change
the discount rate; at 1280×720 and wide, with screenshots to look at (/tmp/shots35/)."""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import expect
from test_dashboard import TABS_NL, Dashboard, app  # noqa: F401

from businesscase import default_case_path, evaluate, load_case
from businesscase.model.edits import apply_changes
from businesscase.text import t as ui

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from builders import partners35

SHOTS = Path("/tmp/shots35")
RATE = "economics.social_discount_rate"


def pasted_list() -> str:
    """The 28 partners as Excel pastes them: tab-separated, Dutch decimal commas."""
    lines = ["Naam\tRol\tAandeel\tSoort"]
    for p in partners35():
        share = f"{p['share']:g}".replace(".", ",")
        lines.append(f"{p['name']['nl']}\t{p.get('role', '')}\t{share}\t{p['type']}")
    return "\n".join(lines)


def core_npv(rate: float | None = None) -> float:
    changes = {} if rate is None else {RATE: rate}
    case = apply_changes(load_case(default_case_path()), changes, added=partners35())
    return float(evaluate(case).totals["social_npv"])


WIDEST = """w => {
    const out = [];
    const walk = root => root.querySelectorAll('*').forEach(e => {
        const r = e.getBoundingClientRect();
        if (r.right > w + 1 && r.width > 0) out.push([e.tagName, e.className, Math.round(r.width)]);
        if (e.shadowRoot) walk(e.shadowRoot);
    });
    walk(document);
    return out.slice(0, 12);
}"""


def fits(app: Dashboard, width: int, where: str) -> None:
    """Nothing wider than the window, no traceback and no raw catalogue key in the page."""
    wide = app.page.evaluate("() => document.documentElement.scrollWidth")
    if wide > width:  # name the widest things, through shadow roots
        culprits = app.page.evaluate(WIDEST, width)
        raise AssertionError(f"{where}: the page is {wide} px wide in {width} px: {culprits}")
    text = app.page.locator("body").inner_text()
    for bad in ("Traceback", "without_flows", "bulk_help", "participants_count", "{names}"):
        assert bad not in text, f"{where}: '{bad}' shown"


def shot(app: Dashboard, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    app.page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_a_35_partner_case_pasted_searched_and_unticked(app: Dashboard):
    page = app.page
    page.set_viewport_size({"width": 1280, "height": 720})
    app.tab("tab_setup")
    fits(app, 1280, "Opzet before the paste")
    box = page.locator(".bc-bulk-text textarea")
    box.fill(pasted_list())
    page.locator(".bc-bulk-add button").click()
    expect(page.locator(".bc-bulk-done")).to_contain_text(ui("bulk_added", n=28))
    expect(page.locator(".bc-partners .tabulator-row").first).to_be_visible()
    expect(page.locator(".bc-partners")).to_contain_text("Woningcorporatie 2")
    expect(box).to_have_value("")
    app.wait_for_bar("social_npv", core_npv())
    shot(app, "opzet_1280")
    fits(app, 1280, "Opzet after the paste")

    # The table scrolls; the last partner is in it.
    page.locator(".bc-partners .tabulator-tableholder").evaluate("e => e.scrollTop = 1e6")
    expect(page.locator(".bc-partners")).to_contain_text("Partner 11")

    app.tab("tab_results")
    expect(page.locator(".bc-without-flows")).to_contain_text("Zonder geldstromen: Zorgaanbieder")
    rows = page.locator(".bc-partner-table tr[data-row]")
    expect(rows).to_have_count(20)  # 19 with flows and the money from outside
    shot(app, "resultaat_1280")
    fits(app, 1280, "Resultaat")

    app.tab("tab_split")
    table = page.locator(".bc-participants")
    expect(page.locator(".bc-participants-title")).to_contain_text("19 van 19 partijen doen mee")
    search = table.locator(".tabulator-header-filter input")
    search.press_sequentially("welzijn", delay=30)  # Tabulator filters on key-up
    expect(table.locator(".tabulator-row")).to_have_count(4)
    target = "table.bc-allocation td[data-row='welzijnsorganisatie_2']"
    expect(page.locator(target).first).to_be_attached()
    row = table.locator(".tabulator-row", has_text="Welzijnsorganisatie 2")
    cell = row.locator(".tabulator-cell[tabulator-field='takes_part']")
    cell.click()  # opens Tabulator's check box editor; its change is the edit
    cell.locator("input[type='checkbox']").click()
    expect(page.locator(".bc-participants-title")).to_contain_text("18 van 19 partijen doen mee")
    expect(page.locator(target)).to_have_count(0)
    shot(app, "verdeling_1280")
    fits(app, 1280, "Verdeling")

    # A change reaches the headline with 35 partners.
    app.set_rate("2,5%")
    app.wait_for_bar("social_npv", core_npv(0.025))
    for tab in ("tab_meeting", "tab_assumptions"):
        app.tab(tab)
        fits(app, 1280, tab)
    shot(app, "aannames_1280")
    app.tab("tab_meeting")
    shot(app, "vergadermodus_1280")

    page.set_viewport_size({"width": 1920, "height": 1080})
    for i, tab in enumerate(("tab_setup", "tab_results", "tab_split")):
        app.tab(tab)
        page.wait_for_timeout(300)
        fits(app, 1920, f"{tab}, wide")
        shot(app, f"wide_{i}_{tab}")
    assert not app.console_errors, app.console_errors
    assert app.tab_titles() == TABS_NL
