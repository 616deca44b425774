"""Issue 15 in a real browser: work survives a reload, a proposal typed in percentages,
and "why this number?" for a partner's figure. Figures are checked against the core."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from test_dashboard import DISCOUNT, Dashboard, app, core_result, same  # noqa: F401

from businesscase import default_case_path, evaluate, load_case
from businesscase.engine import investor_view


def test_a_reload_keeps_every_input(app: Dashboard, screenshot_dir):
    page = app.page
    app.wait_until(lambda: "draft=" in page.url or page.url, "the URL carries no draft key")
    key = re.search(r"draft=([\w-]+)", page.url).group(1)
    app.set_rate("3%")
    expected = core_result({DISCOUNT: 0.03}).totals.social_npv
    app.wait_for_bar("social_npv", float(expected))
    app.edit("outcomes.less_loneliness.deadweight", "0,4")
    changes = {DISCOUNT: 0.03, "outcomes.less_loneliness.deadweight": 0.4}
    app.wait_for_bar("social_npv", float(core_result(changes).totals.social_npv))
    app.tab("tab_split")
    page.locator(".bc-proposal-unit button", has_text="%").click()
    cell = page.locator(".bc-proposal .tabulator-row").first.locator(
        ".tabulator-cell[tabulator-field='per_year']"
    )
    app.type_in_cell(cell, "40")
    expect(page.locator(".bc-proposal-result [data-key='proposal-together']")).to_contain_text(
        "40%"
    )
    page.reload()
    expect(page.locator(".bk-tab").first).to_be_visible(timeout=20_000)
    assert key in page.url
    app.wait_for_bar("social_npv", float(core_result(changes).totals.social_npv))
    app.tab("tab_split")
    expect(page.locator(".bc-proposal-result [data-key='proposal-together']")).to_contain_text(
        "40%"
    )
    expect(page.locator(".bc-proposal-unit .bk-active")).to_contain_text("%")
    page.screenshot(path=str(screenshot_dir / "reload_split_1280.png"))
    app.tab("tab_setup")
    rate = page.locator(".bc-discount-rate input")
    expect(rate).to_have_value(re.compile(r"^3([,.]0+)?%?$"))
    app.assert_clean()


def test_a_proposal_in_percent_and_a_wrong_unit(app: Dashboard, screenshot_dir):
    page = app.page
    app.tab("tab_split")
    page.locator(".bc-proposal-unit button", has_text="%").click()
    rows = page.locator(".bc-proposal .tabulator-row")
    cell = rows.first.locator(".tabulator-cell[tabulator-field='per_year']")
    app.type_in_cell(cell, "€ 20")
    expect(page.locator(".bc-proposal-result")).to_contain_text("is een bedrag")
    app.type_in_cell(cell, "100")
    expect(page.locator("[data-key='covers']")).to_contain_text("ja")
    expect(page.locator(".bc-proposal-result [data-key='proposal-together']")).to_contain_text(
        "100%"
    )
    page.screenshot(path=str(screenshot_dir / "proposal_percent_1280.png"))
    app.assert_clean()


def test_why_for_a_partner_figure(app: Dashboard, screenshot_dir):
    page = app.page
    app.tab("tab_why")
    page.locator(".bc-why-partner select").select_option(label="Woningcorporatie")
    page.locator(".bc-why-metric select").select_option(label="Onrendabele top")
    view = investor_view(evaluate(load_case(default_case_path())), "woningcorporatie")
    formula = page.locator("[data-key='why-formula']")
    app.wait_until(
        lambda: (
            True
            if same(app.value(formula), view.unprofitable_top)
            else f"{app.value(formula)} vs {view.unprofitable_top}"
        ),
        "the onrendabele top on the why page is not the core's",
    )
    expect(formula).to_contain_text("Onrendabele top van Woningcorporatie = investering")
    total = page.locator("[data-key='why-total']")
    assert same(-app.value(total), view.unprofitable_top)
    expect(page.locator(".bc-why-parameters")).to_contain_text(
        "partners.woningcorporatie.financial_discount_rate"
    )
    page.screenshot(path=str(screenshot_dir / "why_partner_1280.png"), full_page=True)
    app.assert_clean()
