"""Browser tests of the Onzekerheid and Scenario's pages, the downloads and the upload of a
case file: clicked and typed as a person does, every figure checked against the core."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from test_dashboard import CENT, Dashboard, app, core_headlines  # noqa: F401 (fixture)

from businesscase import default_case_path, evaluate, load_case
from businesscase.model import parameter_label
from businesscase.uncertainty import break_even, monte_carlo

BAD_INPUTS = Path(__file__).resolve().parents[1] / "bad_inputs"


def data_value(dash: Dashboard, selector: str) -> float | None:
    locator = dash.page.locator(selector).first
    raw = locator.get_attribute("data-value")
    return float(raw) if raw not in (None, "") else None


def test_monte_carlo_page_shows_the_core_percentiles(app: Dashboard, screenshot_dir):
    app.tab("tab_uncertainty")
    draws = app.page.locator(".bc-mc-draws input")
    draws.click()
    draws.press("Control+a")
    draws.press_sequentially("500")
    draws.press("Enter")
    app.page.locator(".bc-mc-run button").click()
    app.wait_until(
        lambda: data_value(app, "[data-key='mc-draws']") == 500 or "not yet",
        "the Monte Carlo summary did not appear",
        timeout=60,
    )
    expected = monte_carlo(load_case(default_case_path()), 500, seed=1).summary()
    for column in ("p10", "p50", "p90"):
        shown = data_value(app, f".bc-mc-summary td[data-row='social_npv'][data-col='{column}']")
        assert shown == pytest.approx(expected.loc["social_npv", column], abs=CENT)
    app.page.screenshot(
        path=str(screenshot_dir / "nl_5_onzekerheid_montecarlo.png"), full_page=True
    )
    app.assert_clean()


def test_break_even_finder_matches_the_core(app: Dashboard):
    app.tab("tab_uncertainty")
    name = parameter_label(load_case(default_case_path()), "drivers.tenant_changes_avoided")
    app.page.locator(".bc-be-parameter select").select_option(label=name)
    app.page.locator(".bc-be-target select").select_option(label="Financiële NCW van een partij")
    app.page.locator(".bc-be-partner select").select_option(label="Woningcorporatie")
    app.page.locator(".bc-be-run button").click()
    expected = break_even(
        load_case(default_case_path()),
        "drivers.tenant_changes_avoided",
        "financial_npv",
        "woningcorporatie",
    )
    app.wait_until(
        lambda: (
            (
                (v := data_value(app, "[data-key='break-even']")) is not None
                and abs(v - expected) < 1e-6
            )
            or f"shown {v}"
        ),
        "the break-even is not the core's",
        timeout=30,
    )
    app.assert_clean()


def test_scenarios_save_version_open_and_compare(app: Dashboard, screenshot_dir):
    default = core_headlines()["social_npv"]
    app.tab("tab_scenarios")
    name = app.page.locator(".bc-sc-name input")
    name.fill("Buurtkamer basis")
    app.page.locator(".bc-sc-save button").click()
    app.wait_until(
        lambda: (
            "." in (app.page.locator("[data-key='saved']").first.get_attribute("data-value") or "")
            or "not saved"
        ),
        "the scenario was not saved",
    )
    sid, v1 = app.page.locator("[data-key='saved']").first.get_attribute("data-value").split(".")
    assert v1 == "1"
    # Change the case, save it as version 2 of the same scenario.
    app.set_rate("3%")
    app.tab("tab_scenarios")
    app.page.locator(".bc-sc-save-version button").click()
    app.wait_until(
        lambda: (
            app.page.locator("[data-key='saved']").first.get_attribute("data-value") == f"{sid}.2"
            or "no version 2"
        ),
        "version 2 was not saved",
    )
    # Open version 1 again: the headline is the original one.
    app.page.locator(".bc-sc-list select").select_option(index=0)
    versions = app.page.locator(".bc-sc-versions select")
    expect(versions.locator("option")).to_have_count(2)
    versions.select_option(index=0)
    app.page.locator(".bc-sc-open button").click()
    app.wait_for_bar("social_npv", default)
    # Compare two scenarios: pick them in the list, press compare.
    app.page.locator(".bc-sc-name input").fill("Tweede plan")
    app.page.locator(".bc-sc-save button").click()
    app.wait_until(
        lambda: (
            app.page.locator("[data-key='saved']").first.get_attribute("data-value").endswith(".1")
            or "not saved"
        ),
        "the second scenario was not saved",
    )
    chooser = app.page.locator(".bc-sc-compare input").first
    for text in ("Buurtkamer basis", "Tweede plan"):
        chooser.click()
        chooser.press_sequentially(text[:8])
        chooser.press("Enter")
    app.page.locator(".bc-sc-compare-run button").click()
    app.wait_until(
        lambda: (
            app.page.locator(".bc-sc-comparison td[data-col='social_npv']").count() == 2
            or "no comparison"
        ),
        "the comparison table did not appear",
        timeout=30,
    )
    app.page.screenshot(path=str(screenshot_dir / "nl_6_scenarios_compare.png"), full_page=True)
    app.assert_clean()


def test_excel_download_holds_the_figures_shown(app: Dashboard, tmp_path):
    app.tab("tab_results")
    with app.page.expect_download() as info:
        app.page.locator(".bc-download-xlsx button, .bc-download-xlsx a").first.click()
    path = tmp_path / "download.xlsx"
    info.value.save_as(path)
    wb = load_workbook(path)
    summary = {row[0]: row[1] for row in wb["Samenvatting"].iter_rows(values_only=True) if row}
    assert summary["MKBA-saldo (t.o.v. nulalternatief)"] == pytest.approx(
        core_headlines()["social_npv"], abs=CENT
    )
    assert evaluate(load_case(path)).totals["social_npv"] == pytest.approx(
        core_headlines()["social_npv"], abs=CENT
    )


def test_uploading_a_bad_file_shows_a_message_and_keeps_the_case(app: Dashboard, screenshot_dir):
    default = core_headlines()["social_npv"]
    app.tab("tab_setup")
    app.page.locator(".bc-upload input[type=file]").set_input_files(
        str(BAD_INPUTS / "deadweight_1_5.yaml")
    )
    alert = app.page.locator(".bc-setup-error")
    app.wait_until(
        lambda: "deadweight_1_5.yaml" in app.text(alert) or app.text(alert),
        "no inline message for the bad file",
    )
    assert "een fractie tussen 0 en 1" in app.text(alert)
    app.wait_for_bar("social_npv", default)
    app.page.screenshot(path=str(screenshot_dir / "nl_1_opzet_bad_upload.png"), full_page=True)
    app.assert_clean()
